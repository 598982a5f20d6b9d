/** Medications with the current opioid total in MME/day, so it can be followed over the course of care. */
import { useState } from "react";
import { MME_FACTORS, type Opioid } from "../../../domain/assessment/mme.ts";
import { calendarDateOf } from "../../../domain/shared/calendarDate.ts";
import { api } from "../api.ts";
import { useLoad } from "../useLoad.ts";
import { useSubmit } from "../useSubmit.ts";
import { FieldError, FormError } from "./FormError.tsx";

export interface Medication {
  id: string;
  name: string;
  opioid: Opioid | null;
  dailyDose: number | null;
  startedOn: string | null;
  stoppedOn: string | null;
}
export interface MedicationList {
  medications: Medication[];
  currentMmePerDay: number;
}

export function Medications({ patientId, onChange }: { patientId: string; onChange?: () => void }) {
  const url = `/api/v1/patients/${patientId}/medications`;
  const { data, error, reload: load } = useLoad(() => api<MedicationList>("GET", url), patientId);
  // The pain chart draws MME beside pain, so it is told of every change too.
  const reload = () => {
    load();
    onChange?.();
  };
  const stop = useSubmit(async (id: string) => {
    await api("POST", `/api/v1/medications/${id}/stop`, { stoppedOn: calendarDateOf(new Date()) });
    reload();
  });
  return (
    <section className="card medications" aria-label="Medications">
      <div className="page-head">
        <h2>Medications</h2>
        {data && (
          <span className="mme" data-testid="mme">
            Opioids now: <strong>{data.currentMmePerDay}</strong> MME/day
          </span>
        )}
      </div>
      <FormError error={error ?? stop.error} />
      {data && data.medications.length > 0 && (
        <table className="list">
          <tbody>
            {data.medications.map((m) => (
              <tr key={m.id} className={m.stoppedOn ? "inactive" : undefined}>
                <td>{m.name}</td>
                <td>
                  {m.opioid
                    ? `${m.opioid}, ${m.dailyDose} ${m.opioid === "fentanyl transdermal" ? "mcg/hr" : "mg/day"} = ${Math.round(m.dailyDose! * MME_FACTORS[m.opioid] * 10) / 10} MME/day`
                    : ""}
                </td>
                <td>{m.stoppedOn ? `stopped ${m.stoppedOn}` : m.startedOn ? `since ${m.startedOn}` : ""}</td>
                <td>
                  {!m.stoppedOn && (
                    <button type="button" onClick={() => void stop.submit(m.id)}>
                      Stopped today
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <AddMedication url={url} onDone={reload} />
      <p className="muted small">
        MME/day uses the CDC 2022 conversion factors; it estimates opioid exposure and is not a guide for switching opioids.
      </p>
    </section>
  );
}

function AddMedication({ url, onDone }: { url: string; onDone: () => void }) {
  const [opioid, setOpioid] = useState("");
  const { submit, error, busy } = useSubmit(async (form: HTMLFormElement) => {
    const data = new FormData(form);
    const dose = String(data.get("dailyDose") ?? "");
    await api("POST", url, {
      name: String(data.get("name")),
      opioid: opioid || null,
      dailyDose: dose ? Number(dose) : null,
    });
    form.reset();
    setOpioid("");
    onDone();
  });
  return (
    <form
      className="row add-medication"
      onSubmit={(event) => {
        event.preventDefault();
        void submit(event.currentTarget);
      }}
    >
      <FormError error={error} />
      <label className="grow">
        Medication
        <input name="name" required placeholder="e.g. Tramadol 50 mg four times daily" />
        <FieldError error={error} field="name" />
      </label>
      <label>
        Opioid
        <select value={opioid} onChange={(e) => setOpioid(e.target.value)} aria-label="Opioid">
          <option value="">Not an opioid</option>
          {Object.keys(MME_FACTORS).map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      {opioid && (
        <label>
          {opioid === "fentanyl transdermal" ? "mcg per hour" : "mg per day"}
          <input name="dailyDose" type="number" min={0} step="any" required inputMode="decimal" />
          <FieldError error={error} field="dailyDose" />
        </label>
      )}
      <button type="submit" disabled={busy}>
        Add
      </button>
    </form>
  );
}
