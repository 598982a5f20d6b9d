/** Medications with the current opioid total in MME/day, so it can be followed over the course of care. */
import { useEffect, useRef, useState } from "react";
import { MME_FACTORS, type Opioid } from "../../../domain/assessment/mme.ts";
import { calendarDateOf } from "../../../domain/shared/calendarDate.ts";
import { api, type ApiError } from "../api.ts";
import type { Loaded } from "../useLoad.ts";
import { useSubmit } from "../useSubmit.ts";
import { CorrectEntry, EntryBadge, entryClass, EntryTools, useShowInError, type EntryState } from "./Correction.tsx";
import { FieldError, FormError } from "./FormError.tsx";
import { formatDate } from "../../../domain/shared/dateWords.ts";
import { TEXT_LIMITS } from "../../../domain/plausibility/textLimits.ts";
import { LimitedText } from "./LimitedText.tsx";
import { CheckedDateInput } from "./DateCheck.tsx";
import { ConfirmHighDose, highDoseConfirmed } from "./ConfirmHighDose.tsx";

export interface Medication extends EntryState {
  id: string;
  name: string;
  opioid: Opioid | null;
  dailyDose: number | null;
  startedOn: string | null;
  stoppedOn: string | null;
  note: string | null;
}
export interface MedicationList {
  medications: Medication[];
  currentMmePerDay: number;
}

const doseUnit = (opioid: Opioid) => (opioid === "fentanyl transdermal" ? "mcg/hr" : "mg/day");

/**
 * The list comes from the patient page, which loads it once for this card and
 * the pain chart's MME line; reloading it after a change updates both.
 */
export function Medications({ patientId, list }: { patientId: string; list: Loaded<MedicationList | null> }) {
  const { data, error, reload } = list;
  const { toggle, visible } = useShowInError(data?.medications, "medications");
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
      <FormError error={error} />
      {toggle}
      {data && data.medications.length > 0 && (
        <ul className="entry-list" aria-label="Medication list">
          {visible(data.medications).map((m) => (
            <li key={m.id} className={entryClass(m, m.stoppedOn ? "inactive" : undefined)} data-testid="medication">
              <span className="entry-main">
                <span className="entry-value">{m.name}</span>
                {m.opioid && (
                  <span>
                    {" "}
                    · {m.opioid}, {m.dailyDose} {doseUnit(m.opioid)} = {Math.round(m.dailyDose! * MME_FACTORS[m.opioid] * 10) / 10} MME/day
                  </span>
                )}
                <span className="muted"> {m.stoppedOn ? `· stopped ${formatDate(m.stoppedOn)}` : m.startedOn ? `· since ${formatDate(m.startedOn)}` : ""}</span>
                {m.note && <span className="muted"> · {m.note}</span>} <EntryBadge entry={m} />
              </span>
              {!m.stoppedOn && !m.enteredInError && <StopToday medication={m} onDone={reload} />}
              <EntryTools
                entry={m}
                what={m.name}
                historyUrl={`/api/v1/medications/${m.id}/revisions`}
                changed={m.stoppedOn !== null}
                onChanged={reload}
                correct={(close) => (
                  <CorrectEntry
                    url={`/api/v1/medications/${m.id}/corrections`}
                    what={m.name}
                    onDone={(notices) => close(notices)}
                    onCancel={() => close()}
                    readValues={(form) => ({
                      name: String(form.get("name")),
                      opioid: String(form.get("opioid")) || null,
                      dailyDose: form.get("dailyDose") ? Number(form.get("dailyDose")) : null,
                      startedOn: String(form.get("startedOn") ?? "") || null,
                      stoppedOn: String(form.get("stoppedOn") ?? "") || null,
                      note: String(form.get("note") ?? ""),
                    })}
                    fields={(fieldError) => <MedicationFields medication={m} error={fieldError} />}
                  />
                )}
              />
            </li>
          ))}
        </ul>
      )}
      <AddMedication url={`/api/v1/patients/${patientId}/medications`} onDone={reload} />
      <p className="muted small">
        MME/day uses the CDC 2022 conversion factors; it estimates opioid exposure and is not a guide for switching opioids.
      </p>
    </section>
  );
}

/**
 * "Stopped today" asks first: a stop changes the MME total and the chart, so
 * one stray click must not do it. A stop made by mistake is corrected like any entry.
 */
function StopToday({ medication, onDone }: { medication: Medication; onDone: () => void }) {
  const [asking, setAsking] = useState(false);
  const confirm = useRef<HTMLButtonElement>(null);
  const ask = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirm.current?.focus();
  }, [asking]);
  const stop = useSubmit(async () => {
    await api("POST", `/api/v1/medications/${medication.id}/stop`, { stoppedOn: calendarDateOf(new Date()) });
    setAsking(false);
    onDone();
  });
  if (!asking) {
    return (
      <button type="button" ref={ask} onClick={() => setAsking(true)}>
        Stopped today<span className="visually-hidden">: {medication.name}</span>
      </button>
    );
  }
  return (
    <div className="confirm" role="group" aria-label={`Stop ${medication.name}`}>
      <FormError error={stop.error} />
      <span>
        Record that <strong>{medication.name}</strong> was stopped today?
      </span>
      <button type="button" className="primary" ref={confirm} disabled={stop.busy} onClick={() => void stop.submit()}>
        Yes, stopped today
      </button>
      <button
        type="button"
        onClick={() => {
          setAsking(false);
          setTimeout(() => ask.current?.focus());
        }}
      >
        Keep it
      </button>
    </div>
  );
}

function MedicationFields({ medication: m, error }: { medication: Medication; error: ApiError | null }) {
  const [opioid, setOpioid] = useState(m.opioid ?? "");
  return (
    <div className="row">
      <label className="grow">
        Medication
        <input name="name" required defaultValue={m.name} maxLength={200} />
        <FieldError error={error} field="values.name" />
      </label>
      <label>
        Opioid
        <select name="opioid" value={opioid} onChange={(e) => setOpioid(e.target.value)}>
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
          {doseUnit(opioid as Opioid) === "mcg/hr" ? "mcg per hour" : "mg per day"}
          <input name="dailyDose" type="number" min={0} step="any" required defaultValue={m.dailyDose ?? ""} inputMode="decimal" />
          <FieldError error={error} field="values.dailyDose" />
          <ConfirmHighDose error={error} />
        </label>
      )}
      <label>
        Started on
        <CheckedDateInput field="startedOn" errorField="values.startedOn" error={error} defaultValue={m.startedOn ?? ""} />
      </label>
      <label>
        Stopped on (empty: still taken)
        <CheckedDateInput field="stoppedOn" errorField="values.stoppedOn" error={error} defaultValue={m.stoppedOn ?? ""} />
      </label>
      <label className="grow">
        Note
        <LimitedText name="note" defaultValue={m.note ?? ""} max={TEXT_LIMITS.medicationNote} />
        <FieldError error={error} field="values.note" />
      </label>
    </div>
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
      confirmHighDose: highDoseConfirmed(data),
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
      <ConfirmHighDose error={error} />
      <button type="submit" disabled={busy}>
        Add
      </button>
    </form>
  );
}
