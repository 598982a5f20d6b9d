/**
 * The one way an entry is corrected in the app (pain scores, questionnaires,
 * medications, intake): "Correct" opens a form with the entry's values and a
 * required reason, or the choice to mark it entered in error. The server keeps
 * the entry as first made; "History" shows every change with before and after.
 * Entries in error are hidden unless "Show entries in error" is ticked, and
 * then shown struck through.
 */
import { useEffect, useRef, useState, type ReactNode } from "react";
import { api, type ApiError } from "../api.ts";
import { useSubmit } from "../useSubmit.ts";
import { FieldError, FormError } from "./FormError.tsx";
import { formatDateTime } from "../../../domain/shared/dateWords.ts";
import { TEXT_LIMITS } from "../../../domain/plausibility/textLimits.ts";
import { LimitedText } from "./LimitedText.tsx";
import { highDoseConfirmed } from "./ConfirmHighDose.tsx";

export interface EntryState {
  enteredInError: boolean;
  revisedAt: string | null;
}

/** The correction form: the caller gives the fields (named inputs) and how to read them. */
export function CorrectEntry<V>(props: {
  /** POST target, e.g. /api/v1/pain-scores/{id}/corrections */
  url: string;
  /** What the entry is, in words ("pain score of 2026-03-01"). */
  what: string;
  fields: (error: ApiError | null) => ReactNode;
  readValues: (form: FormData) => V;
  onDone: (notices: string[]) => void;
  onCancel: () => void;
}) {
  const [action, setAction] = useState<"correction" | "entered-in-error">("correction");
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    // Keyboard users land in the form they opened.
    form.current?.querySelector<HTMLElement>("input, select, textarea")?.focus();
  }, []);
  const { submit, error, busy } = useSubmit(async (data: FormData) => {
    const reason = String(data.get("reason") ?? "");
    const body = action === "correction" ? { action, reason, values: props.readValues(data), ...(highDoseConfirmed(data) && { confirmHighDose: true }) } : { action, reason };
    const revised = await api<{ notices?: string[] }>("POST", props.url, body);
    props.onDone(revised.notices ?? []);
  });
  return (
    <form
      ref={form}
      className="correction"
      aria-label={`Correct the ${props.what}`}
      onSubmit={(event) => {
        event.preventDefault();
        void submit(new FormData(event.currentTarget));
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape") props.onCancel();
      }}
    >
      <FormError error={error} />
      <fieldset className="correction-kind">
        <legend>Correct the {props.what}</legend>
        <label className="check">
          <input type="radio" name="action" checked={action === "correction"} onChange={() => setAction("correction")} /> Correct the values
        </label>
        <label className="check">
          <input type="radio" name="action" checked={action === "entered-in-error"} onChange={() => setAction("entered-in-error")} /> Entered in error (kept, but
          counted nowhere)
        </label>
      </fieldset>
      {action === "correction" && <div className="correction-fields">{props.fields(error)}</div>}
      <label className="wide-field">
        Reason (required; kept with the record)
        <LimitedText as="textarea" name="reason" rows={2} required max={TEXT_LIMITS.correctionReason} aria-describedby={error?.fields.reason ? "reason-error" : undefined} />
        <FieldError error={error} field="reason" />
      </label>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {action === "correction" ? "Save correction" : "Mark entered in error"}
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** "Show entries in error" for a list; returns the toggle and whether to show them. */
export function useShowInError(entries: readonly EntryState[] | undefined, label: string) {
  const [show, setShow] = useState(false);
  const count = entries?.filter((e) => e.enteredInError).length ?? 0;
  const toggle =
    count > 0 ? (
      <label className="check show-in-error">
        <input type="checkbox" checked={show} onChange={(e) => setShow(e.target.checked)} /> Show {label} entered in error ({count})
      </label>
    ) : null;
  return { show, toggle, visible: <T extends EntryState>(list: readonly T[]) => list.filter((e) => show || !e.enteredInError) };
}

/** The class a row takes: struck through when entered in error. */
export const entryClass = (entry: EntryState, other?: string) => [entry.enteredInError ? "in-error" : "", other ?? ""].join(" ").trim() || undefined;

/** A small label after the entry: "corrected" or "entered in error". */
export function EntryBadge({ entry }: { entry: EntryState }) {
  if (entry.enteredInError) return <span className="badge in-error-badge">entered in error</span>;
  if (entry.revisedAt) return <span className="badge corrected-badge">corrected</span>;
  return null;
}

interface Revision {
  id: string;
  action: "correction" | "entered-in-error" | "stopped";
  reason: string | null;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  authorName: string | null;
  at: string;
}

const ACTION_WORDS: Record<Revision["action"], string> = { correction: "Corrected", "entered-in-error": "Marked entered in error", stopped: "Stopped" };
const words = (column: string) => column.replace(/_/g, " ");
const shown = (value: unknown) => (value === null || value === undefined || value === "" ? "—" : Array.isArray(value) ? value.join(", ") || "—" : String(value));

/** Every change to the entry, oldest first, each with its reason and the values before and after. */
export function EntryHistory({ url }: { url: string }) {
  const [revisions, setRevisions] = useState<Revision[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    api<Revision[]>("GET", url).then(setRevisions, setError);
  }, [url]);
  if (error) return <FormError error={error} />;
  if (!revisions) return <p className="muted small">Loading history…</p>;
  if (revisions.length === 0) return <p className="muted small">As first entered; never changed.</p>;
  return (
    <ol className="entry-history">
      {revisions.map((r) => {
        const changed = Object.keys(r.after).filter((k) => JSON.stringify(r.before[k] ?? null) !== JSON.stringify(r.after[k] ?? null));
        return (
          <li key={r.id}>
            <strong>{ACTION_WORDS[r.action]}</strong> {formatDateTime(r.at)} by {r.authorName ?? "—"}
            {r.reason && <> · “{r.reason}”</>}
            {changed.length > 0 && (
              <ul>
                {changed.map((k) => (
                  <li key={k}>
                    {words(k)}: <del>{shown(r.before[k])}</del> → <ins>{shown(r.after[k])}</ins>
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** The "Correct" and "History" buttons of one entry, and what they open below it. */
export function EntryTools(props: {
  entry: EntryState;
  what: string;
  historyUrl: string;
  /** Whether there is history beyond corrections (a medication's stop). */
  changed?: boolean; correct: (close: (notices?: string[]) => void) => ReactNode; onChanged: () => void }) {
  const [open, setOpen] = useState<"correct" | "history" | null>(null);
  const [notices, setNotices] = useState<string[]>([]);
  const opener = useRef<HTMLButtonElement>(null);
  const close = (changed: boolean, next: string[] = []) => {
    setOpen(null);
    setNotices(next);
    if (changed) props.onChanged();
    opener.current?.focus();
  };
  return (
    <div className="entry-tools">
      <div className="entry-buttons">
        {!props.entry.enteredInError && (
          <button type="button" ref={opener} aria-expanded={open === "correct"} onClick={() => setOpen(open === "correct" ? null : "correct")}>
            Correct<span className="visually-hidden"> the {props.what}</span>
          </button>
        )}
        {(props.entry.revisedAt || props.entry.enteredInError || props.changed) && (
          <button type="button" aria-expanded={open === "history"} onClick={() => setOpen(open === "history" ? null : "history")}>
            History<span className="visually-hidden"> of the {props.what}</span>
          </button>
        )}
      </div>
      {notices.map((n) => (
        <p key={n} className="notice" role="status">
          {n}
        </p>
      ))}
      {open === "correct" && props.correct((next) => (next === undefined ? close(false) : close(true, next)))}
      {open === "history" && <EntryHistory url={props.historyUrl} />}
    </div>
  );
}
