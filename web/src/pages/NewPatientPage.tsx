import { useEffect, useRef, useState } from "react";
import { Link, useNavigate } from "react-router";
import { formatDate } from "../../../domain/shared/dateWords.ts";
import { api, ApiError, type LikelyDuplicate, type Patient } from "../api.ts";
import { PatientForm, type PatientFormValues } from "../components/PatientForm.tsx";
import "../components/plausibility.css";

/**
 * Registering a patient. When the server finds a likely duplicate in this
 * clinic (same name and date of birth, or date of birth and phone), nothing is
 * saved: the existing record is offered, and "Register anyway" sends the same
 * details again marked as someone else.
 */
export function NewPatientPage() {
  const navigate = useNavigate();
  const [duplicates, setDuplicates] = useState<{ values: PatientFormValues; matches: LikelyDuplicate[] } | null>(null);
  const register = async (values: PatientFormValues, confirmedNotDuplicate: boolean) => {
    try {
      const patient = await api<Patient>("POST", "/api/v1/patients", { ...values, confirmedNotDuplicate });
      void navigate(`/patients/${patient.id}`);
    } catch (error) {
      if (error instanceof ApiError && error.code === "PATIENT_LIKELY_DUPLICATE") {
        setDuplicates({ values, matches: error.likelyDuplicates });
        return;
      }
      setDuplicates(null);
      throw error;
    }
  };
  return (
    <section>
      <h1>New patient</h1>
      {duplicates && <DuplicateWarning matches={duplicates.matches} onRegisterAnyway={() => register(duplicates.values, true)} />}
      <PatientForm submitLabel="Register patient" onCancel={() => void navigate("/patients")} onSubmit={(values) => register(values, false)} />
    </section>
  );
}

function DuplicateWarning({ matches, onRegisterAnyway }: { matches: LikelyDuplicate[]; onRegisterAnyway: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The button pressed is at the foot of a long form (on a phone, a screen away): bring the warning to the person.
    box.current?.scrollIntoView({ block: "start" });
    box.current?.focus();
  }, [matches]);
  return (
    <div className="confirm-warning" role="alert" aria-labelledby="duplicate-title" ref={box} tabIndex={-1}>
      <p id="duplicate-title">
        <strong>This patient may already be registered.</strong> {matches.length === 1 ? "A record" : "Records"} with the same name and date of birth, or the same date of birth and
        phone, {matches.length === 1 ? "is" : "are"} already in this clinic. Nothing has been saved.
      </p>
      <ul>
        {matches.map((m) => (
          <li key={m.id}>
            <Link to={`/patients/${m.id}`}>
              Open {m.givenName} {m.familyName}, born {formatDate(m.birthDate)}
            </Link>
          </li>
        ))}
      </ul>
      {failed && <p className="field-error">{failed}</p>}
      <div className="actions">
        <button
          type="button"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            onRegisterAnyway()
              .catch((error: unknown) => setFailed(error instanceof Error ? error.message : String(error)))
              .finally(() => setBusy(false));
          }}
        >
          {busy ? "Registering…" : "Register anyway"}
        </button>
        <span className="small muted">only if this is someone else</span>
      </div>
    </div>
  );
}
