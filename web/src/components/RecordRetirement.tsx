/**
 * Duplicates and records made by mistake, on the patient's page. A retired
 * record says what happened to it, who did it and why, and points at the
 * record in use; an active one offers, tucked away, to merge it into the
 * other record of the same person or to mark it registered in error. Nothing
 * is deleted either way (server/services/patientRetirement.ts).
 */
import { useState, type ReactNode } from "react";
import { Link } from "react-router";
import { formatDate, formatDateTime } from "../../../domain/shared/dateWords.ts";
import { api, type ApiError, type Patient } from "../api.ts";
import { useCan } from "../session.tsx";
import { useLoad } from "../useLoad.ts";
import { useSubmit } from "../useSubmit.ts";
import { FieldError, FormError } from "./FormError.tsx";
import { LimitedText } from "./LimitedText.tsx";
import { TEXT_LIMITS } from "../../../domain/plausibility/textLimits.ts";

interface Retirement {
  id: string;
  patientId: string;
  action: "merged" | "registered-in-error";
  mergedInto: string | null;
  reason: string;
  moved: Record<string, number>;
  authorName: string | null;
  at: string;
}

/** What moved, in the clinic's words: [one, many]. */
const MOVED_WORDS: Record<string, [string, string]> = {
  episodes: ["episode", "episodes"],
  pain_scores: ["pain score", "pain scores"],
  instrument_responses: ["questionnaire", "questionnaires"],
  medications: ["medication", "medications"],
  record_revisions: ["correction", "corrections"],
  treatment_plans: ["course of care", "courses of care"],
  visits: ["visit", "visits"],
  report_links: ["report link", "report links"],
  appointments: ["appointment", "appointments"],
  patient_safety_flags: ["safety flag", "safety flags"],
  patient_coverage: ["coverage", "coverage"],
};

const movedInWords = (moved: Record<string, number>) =>
  Object.entries(moved)
    .map(([table, n]) => {
      const [one, many] = MOVED_WORDS[table] ?? ["record", "records"];
      return `${n} ${n === 1 ? one : many}`;
    })
    .join(", ") || "no records";

const nameOf = (p: Pick<Patient, "familyName" | "givenName" | "recordNumber" | "birthDate">) =>
  `${p.familyName}, ${p.givenName} (${p.recordNumber}, born ${formatDate(p.birthDate)})`;

export function RecordRetirement({ patient, onChange }: { patient: Patient; onChange: () => void }) {
  const history = useLoad(
    () => api<{ retirements: Retirement[] }>("GET", `/api/v1/patients/${patient.id}/retirements`),
    `${patient.id}:${patient.version}`,
  );
  const own = history.data?.retirements.find((r) => r.patientId === patient.id);
  const mergedHere = history.data?.retirements.filter((r) => r.mergedInto === patient.id) ?? [];
  return (
    <>
      {patient.status !== "active" && own && (
        <section className="card retired-record" role="status" aria-label="Record status">
          {own.action === "merged" ? (
            <p>
              <strong>This record was merged into another record of the same person</strong> on {formatDateTime(own.at)} by{" "}
              {own.authorName ?? "a former user"}: “{own.reason}”. What it held ({movedInWords(own.moved)}) is there now.{" "}
              <Link to={`/patients/${own.mergedInto}`}>Open the record in use</Link>
            </p>
          ) : (
            <p>
              <strong>This record was registered in error</strong> on {formatDateTime(own.at)} by {own.authorName ?? "a former user"}: “
              {own.reason}”. It is kept for the record and no longer found by searches.
            </p>
          )}
        </section>
      )}
      {mergedHere.length > 0 && (
        <p className="muted small merged-here">
          {mergedHere.map((r) => (
            <span key={r.id}>
              <Link to={`/patients/${r.patientId}`}>A duplicate record</Link> was merged into this one on {formatDate(r.at.slice(0, 10))} (
              {movedInWords(r.moved)}).{" "}
            </span>
          ))}
        </p>
      )}
      {patient.status === "active" && <RetireActions patient={patient} onChange={onChange} />}
    </>
  );
}

function RetireActions({ patient, onChange }: { patient: Patient; onChange: () => void }) {
  const movesCharts = useCan("patients.clinical.write");
  const [mode, setMode] = useState<"merge" | "error" | null>(null);
  return (
    <details className="card retire-actions" open={mode !== null} onToggle={(e) => !e.currentTarget.open && setMode(null)}>
      <summary>Duplicate record, or registered by mistake?</summary>
      {mode === null && (
        <div className="actions">
          {movesCharts && (
            <button type="button" onClick={() => setMode("merge")}>
              Merge into another record…
            </button>
          )}
          <button type="button" onClick={() => setMode("error")}>
            Mark registered in error…
          </button>
        </div>
      )}
      {mode === "merge" && <MergeForm patient={patient} onCancel={() => setMode(null)} onDone={onChange} />}
      {mode === "error" && <RegisteredInErrorForm patient={patient} onCancel={() => setMode(null)} onDone={onChange} />}
    </details>
  );
}

function MergeForm({ patient, onCancel, onDone }: { patient: Patient; onCancel: () => void; onDone: () => void }) {
  const [query, setQuery] = useState(patient.familyName);
  const [chosen, setChosen] = useState<Patient | null>(null);
  const found = useLoad(
    () => (query.trim().length >= 2 ? api<{ patients: Patient[] }>("GET", `/api/v1/patients?q=${encodeURIComponent(query.trim())}&limit=10`) : Promise.resolve({ patients: [] })),
    query,
  );
  const candidates = (found.data?.patients ?? []).filter((p) => p.id !== patient.id);
  return (
    <ReasonForm
      name="Merge into another record"
      reasonLabel="Why are these the same person?"
      submitLabel={chosen ? `Merge into ${chosen.familyName}, ${chosen.givenName} (${chosen.recordNumber})` : "Choose the record to keep"}
      ready={chosen !== null}
      send={(reason) => api("POST", `/api/v1/patients/${patient.id}/merge`, { intoId: chosen?.id ?? "", reason })}
      onDone={onDone}
      onCancel={onCancel}
    >
      {(error) => (
        <>
          <p className="small">
            Everything recorded on this record (visits, episodes, scores, questionnaires, medications, links) moves, unchanged, to the record you
            choose. Active safety flags stay active there. This record is kept, pointing at that one, and leaves the patient list.
          </p>
          <label>
            Find the record to keep
            <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoFocus />
          </label>
          <fieldset>
            <legend>Keep this record</legend>
            {candidates.length === 0 && <p className="muted small">No other record matches.</p>}
            {candidates.map((p) => (
              <label key={p.id} className="check">
                <input type="radio" name="intoId" checked={chosen?.id === p.id} onChange={() => setChosen(p)} /> {nameOf(p)}
                {p.phone ? ` · ${p.phone}` : ""}
              </label>
            ))}
            <FieldError error={error} field="intoId" />
          </fieldset>
        </>
      )}
    </ReasonForm>
  );
}

function RegisteredInErrorForm({ patient, onCancel, onDone }: { patient: Patient; onCancel: () => void; onDone: () => void }) {
  return (
    <ReasonForm
      name="Mark registered in error"
      reasonLabel="Why was it registered in error?"
      focusReason
      submitLabel={`Mark ${patient.givenName} ${patient.familyName} registered in error`}
      ready
      send={(reason) => api("POST", `/api/v1/patients/${patient.id}/registered-in-error`, { reason })}
      onDone={onDone}
      onCancel={onCancel}
    >
      {() => (
        <p className="small">
          For a record that should never have been made (a test, or the wrong person). It is kept but no longer found by searches. A record with
          clinical entries cannot be: merge it, or mark each entry entered in error first.
        </p>
      )}
    </ReasonForm>
  );
}

/** The shape both retirements share: what it does, its own fields, a required reason, and go or cancel (Escape cancels). */
function ReasonForm(props: {
  name: string;
  reasonLabel: string;
  submitLabel: string;
  ready: boolean;
  focusReason?: boolean;
  send: (reason: string) => Promise<unknown>;
  onDone: () => void;
  onCancel: () => void;
  children: (error: ApiError | null) => ReactNode;
}) {
  const { submit, error, busy } = useSubmit(async (reason: string) => {
    await props.send(reason);
    props.onDone();
  });
  return (
    <form
      aria-label={props.name}
      onSubmit={(event) => {
        event.preventDefault();
        void submit(String(new FormData(event.currentTarget).get("reason") ?? ""));
      }}
      onKeyDown={(event) => event.key === "Escape" && props.onCancel()}
    >
      <FormError error={error} />
      {props.children(error)}
      <label>
        {props.reasonLabel}
        <LimitedText as="textarea" name="reason" required max={TEXT_LIMITS.correctionReason} rows={2} autoFocus={props.focusReason} />
        <FieldError error={error} field="reason" />
      </label>
      <div className="actions">
        <button type="submit" disabled={busy || !props.ready}>
          {props.submitLabel}
        </button>
        <button type="button" className="secondary" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
