import { useState, type FormEvent } from "react";
import { formatDate } from "../../../domain/shared/dateWords.ts";
import { painTrajectory, NRS_MAX, NRS_MIN } from "../../../domain/outcomes/painScore.ts";
import { calendarDateOf } from "../../../domain/shared/calendarDate.ts";
import { api, type PainScore } from "../api.ts";
import { useLoad } from "../useLoad.ts";
import { useSubmit } from "../useSubmit.ts";
import { FieldError, FormError } from "./FormError.tsx";
import { CorrectEntry, EntryBadge, entryClass, EntryTools, useShowInError } from "./Correction.tsx";
import { MeasureChart, type CompanionSeries } from "../charts/MeasureChart.tsx";
import type { Medication, MedicationList } from "./Medications.tsx";
import { mmeSteps } from "../../../domain/assessment/mme.ts";
import type { CalendarDate } from "../../../domain/shared/calendarDate.ts";
import { TEXT_LIMITS } from "../../../domain/plausibility/textLimits.ts";
import { LimitedText } from "./LimitedText.tsx";
import { DateProblem, useDateCheck } from "./DateCheck.tsx";

const SCALE = Array.from({ length: NRS_MAX - NRS_MIN + 1 }, (_, i) => NRS_MIN + i);

/**
 * The patient's pain section: chart (with opioid MME/day alongside when the
 * patient takes any), trajectory summary, and a quick form to record today's score.
 */
export function PainScores({
  patientId,
  onRecorded,
  medications,
  visits,
}: {
  patientId: string;
  onRecorded?: () => void;
  /** The patient's medications, loaded once by the page, for the MME line beside pain. */
  medications?: MedicationList | null;
  visits?: readonly CalendarDate[];
}) {
  const path = `/api/v1/patients/${patientId}/pain-scores`;
  const { data: scores, error, reload } = useLoad(() => api<PainScore[]>("GET", path), patientId);
  // Entries in error are kept and listed on request, but no chart or trajectory reads them.
  const counted = scores?.filter((s) => !s.enteredInError);
  const trajectory = counted ? painTrajectory(counted) : null;

  return (
    <section className="card">
      <h2>Pain (NRS 0–10)</h2>
      <FormError error={error} />
      {counted && (
        <MeasureChart
          measure="nrs"
          readings={counted.map((s) => ({ id: s.id, value: s.score, recordedOn: s.recordedOn, note: s.note }))}
          empty="No pain scores yet. Record the first one below."
          visits={visits}
          alongside={counted.length > 0 ? opioidSeries(medications?.medications ?? [], counted[0]!.recordedOn, counted.at(-1)!.recordedOn) : undefined}
        />
      )}
      {trajectory && (
        <p className="trajectory" data-testid="trajectory">
          Baseline <strong>{trajectory.baseline.score}</strong> ({formatDate(trajectory.baseline.recordedOn)}) → latest{" "}
          <strong>{trajectory.latest.score}</strong> ({formatDate(trajectory.latest.recordedOn)}): change{" "}
          <strong>
            {trajectory.change > 0 ? "+" : ""}
            {trajectory.change}
          </strong>
          {trajectory.percentChange !== null && ` (${trajectory.percentChange > 0 ? "+" : ""}${trajectory.percentChange}%)`}.{" "}
          {trajectory.reachesMcid ? (
            <span className="good">Clinically important improvement</span>
          ) : (
            <span className="muted">Not yet a clinically important improvement</span>
          )}{" "}
          <span className="muted small">(rule: ≥ 2 points or ≥ 30% less than baseline; Ostelo 2008)</span>
        </p>
      )}
      {scores && scores.length > 0 && (
        <ScoreEntries
          scores={scores}
          onChanged={() => {
            reload();
            onRecorded?.();
          }}
        />
      )}
      <RecordPainScore
        path={path}
        onRecorded={() => {
          reload();
          onRecorded?.();
        }}
      />
    </section>
  );
}

/** Every score as a list, newest first, each one correctable; entries in error on request. */
function ScoreEntries({ scores, onChanged }: { scores: PainScore[]; onChanged: () => void }) {
  const { toggle, visible } = useShowInError(scores, "scores");
  return (
    <details className="entries">
      <summary>All scores ({scores.filter((s) => !s.enteredInError).length}): correct a score</summary>
      {toggle}
      <ul className="entry-list" aria-label="Pain scores">
        {visible([...scores].reverse()).map((s) => (
          <li key={s.id} className={entryClass(s)} data-testid="pain-entry">
            <span className="entry-main">
              <span className="entry-value">{s.score}/10</span> on {formatDate(s.recordedOn)}
              {s.note && <span className="muted"> · {s.note}</span>} <EntryBadge entry={s} />
            </span>
            <EntryTools
              entry={s}
              what={`pain score of ${formatDate(s.recordedOn)}`}
              historyUrl={`/api/v1/pain-scores/${s.id}/revisions`}
              onChanged={onChanged}
              correct={(close) => (
                <CorrectEntry
                  url={`/api/v1/pain-scores/${s.id}/corrections`}
                  what={`pain score of ${formatDate(s.recordedOn)}`}
                  onDone={(notices) => close(notices)}
                  onCancel={() => close()}
                  readValues={(form) => ({ score: Number(form.get("score")), recordedOn: String(form.get("recordedOn")), note: String(form.get("note") ?? "") })}
                  fields={(error) => (
                    <div className="row">
                      <label>
                        Score (0–10)
                        <input name="score" type="number" min={NRS_MIN} max={NRS_MAX} step={1} required defaultValue={s.score} inputMode="numeric" />
                        <FieldError error={error} field="values.score" />
                      </label>
                      <label>
                        Date
                        <input name="recordedOn" type="date" required defaultValue={s.recordedOn} max={calendarDateOf(new Date())} />
                        <FieldError error={error} field="values.recordedOn" />
                      </label>
                      <label className="grow">
                        Note
                        <LimitedText name="note" defaultValue={s.note ?? ""} max={TEXT_LIMITS.painScoreNote} />
                        <FieldError error={error} field="values.note" />
                      </label>
                    </div>
                  )}
                />
              )}
            />
          </li>
        ))}
      </ul>
    </details>
  );
}

/** Opioid MME/day over the charted dates; none when the patient has no opioid on record. */
function opioidSeries(medications: Medication[], first: CalendarDate, last: CalendarDate): CompanionSeries | undefined {
  const periods = medications.flatMap((m) =>
    m.opioid && m.dailyDose !== null && !m.enteredInError
      ? [{ opioid: m.opioid, dailyDose: m.dailyDose, startedOn: m.startedOn as CalendarDate | null, stoppedOn: m.stoppedOn as CalendarDate | null }]
      : [],
  );
  if (periods.length === 0) return undefined;
  return { name: "Opioids", unit: "MME/day", source: "CDC 2022 conversion factors", steps: mmeSteps(periods, first, last).map((s) => ({ from: s.from, value: s.mmePerDay })) };
}

function RecordPainScore({ path, onRecorded }: { path: string; onRecorded: () => void }) {
  const [score, setScore] = useState<number | null>(null);
  const [recordedOn, setRecordedOn] = useState<string>(calendarDateOf(new Date()));
  const [note, setNote] = useState("");
  const dateCheck = useDateCheck("Date recorded");
  const { submit: record, error, busy } = useSubmit(async () => {
    await api("POST", path, { score, recordedOn, note });
    setScore(null);
    setNote("");
    onRecorded();
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void record();
  };

  return (
    <form className="record-score" onSubmit={submit} aria-label="Record a pain score">
      <FormError error={error} />
      <fieldset className="scale">
        <legend>Pain now (0 = none, 10 = worst imaginable)</legend>
        {SCALE.map((value) => (
          <label key={value} className={score === value ? "chosen" : undefined}>
            <input type="radio" name="score" value={value} checked={score === value} onChange={() => setScore(value)} />
            {value}
          </label>
        ))}
        <FieldError error={error} field="score" />
      </fieldset>
      <div className="row">
        <label>
          Date
          <input
            type="date"
            name="recordedOn"
            value={recordedOn}
            {...dateCheck.input}
            onChange={(e) => {
              setRecordedOn(e.target.value);
              dateCheck.input.onChange(e);
            }}
          />
          <FieldError error={error} field="recordedOn" />
          <DateProblem problem={dateCheck.problem} field="recordedOn" shadowedBy={error?.fields.recordedOn} />
        </label>
        <label className="grow">
          Note (optional)
          <LimitedText name="note" value={note} max={TEXT_LIMITS.painScoreNote} onChange={(e) => setNote(e.target.value)} />
          <FieldError error={error} field="note" />
        </label>
        <button type="submit" className="primary" disabled={busy || score === null}>
          Record score
        </button>
      </div>
    </form>
  );
}
