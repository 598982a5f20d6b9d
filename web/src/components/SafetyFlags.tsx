/** The patient's safety flags: shown at a glance, edited in place (clinical-facts §6). */
import { useState } from "react";
import type { SafetyFlagState } from "../../../domain/assessment/safetyFlags.ts";
import { api } from "../api.ts";
import { useLoad } from "../useLoad.ts";
import { useSubmit } from "../useSubmit.ts";
import { FormError } from "./FormError.tsx";
import { TEXT_LIMITS } from "../../../domain/plausibility/textLimits.ts";
import { LimitedText } from "./LimitedText.tsx";

type Flag = SafetyFlagState;

export function SafetyFlags({ patientId }: { patientId: string }) {
  const url = `/api/v1/patients/${patientId}/safety-flags`;
  const { data: flags, error, reload } = useLoad(() => api<Flag[]>("GET", url), patientId);
  const [editing, setEditing] = useState(false);
  const active = flags?.filter((f) => f.active) ?? [];
  return (
    <section className="card safety" aria-label="Safety flags">
      <div className="page-head">
        <h2>Safety</h2>
        {flags && !editing && (
          <button type="button" onClick={() => setEditing(true)}>
            Edit safety flags
          </button>
        )}
      </div>
      <FormError error={error} />
      {!flags && !error && <p className="muted">Loading…</p>}
      {flags && !editing && <IntakeProposals flags={flags} url={url} onDone={reload} />}
      {flags && !editing && (active.length === 0 ? (
        <p className="muted" data-testid="safety-summary">
          {flags.some((f) => f.updatedAt) ? "No safety flags." : "Safety flags not recorded yet."}
        </p>
      ) : (
        <ul className="safety-flags" data-testid="safety-summary">
          {active.map((f) => (
            <li key={f.flag}>
              <strong>{f.label}</strong>
              {f.note && <span> — {f.note}</span>}
              <div className="muted small">{f.meaning}</div>
            </li>
          ))}
        </ul>
      ))}
      {flags && editing && (
        <SafetyFlagForm
          flags={flags}
          url={url}
          onDone={() => {
            setEditing(false);
            reload();
          }}
        />
      )}
    </section>
  );
}

/** Where the intake records what a flag means (pregnancy) and the flag is not set: the check already counts it; one click sets it. */
function IntakeProposals({ flags, url, onDone }: { flags: Flag[]; url: string; onDone: () => void }) {
  const proposed = flags.filter((f) => f.fromIntake !== null);
  const { submit, error, busy } = useSubmit(async (flag: Flag) => {
    await api("PATCH", url, { [flag.flag]: { active: true, note: flag.fromIntake } });
    onDone();
  });
  if (proposed.length === 0) return null;
  return (
    <div className="intake-proposals" role="status">
      <FormError error={error} />
      {proposed.map((f) => (
        <p key={f.flag} className="status status-not-improving">
          {f.fromIntake} The safety check treats the patient as <strong>{f.label.toLowerCase()}</strong>.{" "}
          <button type="button" disabled={busy} onClick={() => void submit(f)}>
            Set the {f.label} flag
          </button>
        </p>
      ))}
    </div>
  );
}

function SafetyFlagForm({ flags, url, onDone }: { flags: Flag[]; url: string; onDone: () => void }) {
  const [state, setState] = useState(() => Object.fromEntries(flags.map((f) => [f.flag, { active: f.active, note: f.note ?? "" }])));
  const { submit, error, busy } = useSubmit(async () => {
    await api("PATCH", url, state);
    onDone();
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <FormError error={error} />
      {flags.map((f) => (
        <div key={f.flag} className="safety-row">
          <label className="check">
            <input
              type="checkbox"
              checked={state[f.flag]!.active}
              onChange={(e) => setState({ ...state, [f.flag]: { ...state[f.flag]!, active: e.target.checked } })}
            />{" "}
            {f.label}
          </label>
          <LimitedText
            max={TEXT_LIMITS.safetyFlagNote}
            aria-label={`Note on ${f.label}`}
            placeholder="Note (drug, dose, site…)"
            value={state[f.flag]!.note}
            onChange={(e) => setState({ ...state, [f.flag]: { ...state[f.flag]!, note: e.target.value } })}
          />
        </div>
      ))}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          Save safety flags
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
