/**
 * What the practitioner records after a positive red-flag screen: the
 * referral (or who already assessed the finding), or, for a lone weak flag
 * only, an acknowledgement with a listed reason and the safety-net confirmed
 * (decision record 0011). The server decides which are allowed; this form
 * offers only those.
 */
import { useState } from "react";
import { ACKNOWLEDGEMENT_REASONS, SAFETY_NET_STATEMENT } from "../../../domain/assessment/redFlagAcknowledgement.ts";
import { api } from "../api.ts";
import { useSubmit } from "../useSubmit.ts";
import { FieldError, FormError } from "./FormError.tsx";
import { TEXT_LIMITS } from "../../../domain/plausibility/textLimits.ts";
import { LimitedText } from "./LimitedText.tsx";

export interface RaisedFlag {
  id: string;
  category: string;
  label: string;
  weakAlone: boolean;
  raisedBy: string;
}

export interface ScreenToResolve {
  id: string;
  raised: RaisedFlag[];
  acknowledgementReasons: { id: string; label: string }[] | null;
}

/** Under each action, the answers that raised it, so "refer" always says why. */
export function RaisedBy({ raised, category }: { raised: RaisedFlag[]; category: string }) {
  const here = raised.filter((flag) => flag.category === category);
  if (here.length === 0) return null;
  return (
    <ul className="raised-by" aria-label={`What raised: ${category}`}>
      {here.map((flag) => (
        <li key={flag.id}>
          {flag.raisedBy}
          {flag.weakAlone && raised.length === 1 && <span className="muted"> A weak flag on its own.</span>}
        </li>
      ))}
    </ul>
  );
}

/** The listed reason an acknowledged screen was acknowledged with, in words. */
export function acknowledgementLabel(reasonId: string): string {
  return ACKNOWLEDGEMENT_REASONS.find((reason) => reason.id === reasonId)?.label ?? reasonId;
}

export function RedFlagResolution({ screen, onDone }: { screen: ScreenToResolve; onDone: () => void }) {
  const reasons = screen.acknowledgementReasons;
  const [kind, setKind] = useState<"referred" | "acknowledged">("referred");
  const [note, setNote] = useState("");
  const [reasonId, setReasonId] = useState("");
  const [safetyNetted, setSafetyNetted] = useState(false);
  const { submit, error, busy } = useSubmit(async () => {
    const body = kind === "referred" ? { kind, note } : { kind, reasonId, safetyNetted, note: note || null };
    await api("POST", `/api/v1/red-flag-screens/${screen.id}/resolution`, body);
    onDone();
  });
  return (
    <form
      className="resolution"
      aria-label="Record what was done about the red flags"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <FormError error={error} />
      <fieldset>
        <legend>Record what was done</legend>
        <label className="check">
          <input type="radio" name="kind" checked={kind === "referred"} onChange={() => setKind("referred")} /> Referred, or already
          assessed by a physician for this finding
        </label>
        {reasons && (
          <label className="check">
            <input type="radio" name="kind" checked={kind === "acknowledged"} onChange={() => setKind("acknowledged")} /> Acknowledge
            this single weak flag and go on
          </label>
        )}
        {kind === "acknowledged" && reasons && (
          <fieldset className="reasons">
            <legend>Reason</legend>
            {reasons.map((reason) => (
              <label className="check" key={reason.id}>
                <input type="radio" name="reason" required checked={reasonId === reason.id} onChange={() => setReasonId(reason.id)} />{" "}
                {reason.label}
              </label>
            ))}
            <label className="check">
              <input type="checkbox" required checked={safetyNetted} onChange={(e) => setSafetyNetted(e.target.checked)} />{" "}
              {SAFETY_NET_STATEMENT}
            </label>
          </fieldset>
        )}
        <label className="wide-field">
          {kind === "referred" ? "Where, when and to whom the patient was referred, or who assessed them" : "Note (optional)"}
          <LimitedText
            as="textarea"
            max={TEXT_LIMITS.redFlagNote}
            name="note"
            rows={3}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            required={kind === "referred"}
            minLength={kind === "referred" ? 10 : undefined}
          />
          <FieldError error={error} field="note" />
        </label>
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          Record
        </button>
      </div>
    </form>
  );
}
