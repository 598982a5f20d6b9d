/**
 * The episode's billing diagnosis: the ICD-10 code claims carry and why, the
 * picker (the suggestion marked, codes the record contradicts disabled with the
 * reason), and whether the pain has a systemic cause. Changing an earlier
 * choice asks for the reason.
 */
import { useState } from "react";
import { api } from "../api.ts";
import { FormError } from "../components/FormError.tsx";
import { useCan } from "../session.tsx";
import { useLoad } from "../useLoad.ts";
import { useSubmit } from "../useSubmit.ts";

interface Diagnosis {
  icd10Code: string | null;
  systemicCause: boolean;
  inForce: { code: string; title: string; rule: string };
  choices: { code: string; title: string; suggested: boolean; contradiction: string | null }[];
}

const SUGGESTED = "";

export function EpisodeDiagnosis({ episodeId }: { episodeId: string }) {
  const { data, error, reload } = useLoad(() => api<Diagnosis>("GET", `/api/v1/episodes/${episodeId}/diagnosis`), episodeId);
  const [editing, setEditing] = useState(false);
  const canEdit = useCan("patients.clinical.write");
  if (error) return <FormError error={error} />;
  if (!data) return null;
  return (
    <div className="episode-diagnosis" data-testid="episode-diagnosis">
      <p>
        Billing diagnosis:{" "}
        <strong>
          {data.inForce.code} {data.inForce.title}
        </strong>{" "}
        <span className="muted small">— {data.inForce.rule}</span>
        {data.systemicCause && <strong className="field-error"> · systemic cause recorded (not covered under Medicare NCD 30.3.3)</strong>}
        {canEdit && !editing && (
          <>
            {" "}
            <button type="button" className="link-button" onClick={() => setEditing(true)}>
              Change
            </button>
          </>
        )}
      </p>
      {editing && (
        <DiagnosisForm
          diagnosis={data}
          episodeId={episodeId}
          onDone={() => {
            setEditing(false);
            reload();
          }}
        />
      )}
    </div>
  );
}

function DiagnosisForm({ diagnosis, episodeId, onDone }: { diagnosis: Diagnosis; episodeId: string; onDone: () => void }) {
  const [code, setCode] = useState(diagnosis.icd10Code ?? SUGGESTED);
  const [systemicCause, setSystemicCause] = useState(diagnosis.systemicCause);
  const [reason, setReason] = useState("");
  const suggested = diagnosis.choices.find((c) => c.suggested);
  const replacing = (diagnosis.icd10Code !== null && diagnosis.icd10Code !== (code || null)) || (diagnosis.systemicCause && !systemicCause);
  const { submit, error, busy } = useSubmit(async () => {
    await api("PUT", `/api/v1/episodes/${episodeId}/diagnosis`, { icd10Code: code || null, systemicCause, reason });
    onDone();
  });
  return (
    <form
      className="form-grid"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <FormError error={error} />
      <label>
        ICD-10-CM code
        <select value={code} onChange={(e) => setCode(e.target.value)}>
          <option value={SUGGESTED}>Follow the record: {suggested ? `${suggested.code} ${suggested.title}` : "suggested code"}</option>
          {diagnosis.choices.map((c) => (
            <option key={c.code} value={c.code} disabled={c.contradiction !== null} title={c.contradiction ?? undefined}>
              {c.code} {c.title}
              {c.contradiction ? " — not supported by the record" : ""}
            </option>
          ))}
        </select>
      </label>
      <label className="inline">
        <input type="checkbox" checked={systemicCause} onChange={(e) => setSystemicCause(e.target.checked)} /> The pain has an identifiable systemic cause (metastatic, inflammatory or infectious
        disease)
      </label>
      {replacing && (
        <label>
          Reason for the change
          <input type="text" required value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || (replacing && reason.trim() === "")}>
          Save diagnosis
        </button>
        <button type="button" className="link-button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
