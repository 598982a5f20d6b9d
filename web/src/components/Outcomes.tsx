/**
 * "Is this patient improving?": the overall status with the rule that produced
 * it, each measure's change from baseline, and a form to record a questionnaire.
 */
import { useState } from "react";
import { calendarDateOf } from "../../../domain/shared/calendarDate.ts";
import { api } from "../api.ts";
import { useLoad } from "../useLoad.ts";
import { useSubmit } from "../useSubmit.ts";
import { FieldError, FormError } from "./FormError.tsx";
import { MeasureChart } from "../charts/MeasureChart.tsx";
import { ListRow, ListTable } from "./ListTable.tsx";
import { CheckedDateInput } from "./DateCheck.tsx";
import { formatDate } from "../../../domain/shared/dateWords.ts";
import { CorrectEntry, EntryBadge, entryClass, EntryTools, useShowInError, type EntryState } from "./Correction.tsx";
import type { CalendarDate } from "../../../domain/shared/calendarDate.ts";
import type { Trajectory } from "../../../domain/outcomes/trajectory.ts";
import type { InstrumentForm } from "../../../domain/assessment/instruments/wording.ts";

interface Response extends EntryState {
  id: string;
  instrument: string;
  answers: (number | null)[];
  score: number;
  unit: string;
  band: string | null;
  recordedOn: string;
  source: "clinic" | "patient-link";
}

interface Outcomes {
  /** Every response, entries in error included (the trajectories and status leave them out). */
  responses: Response[];
  trajectories: Trajectory[];
  status: { status: string; rule: string };
}

const MEASURE_NAMES: Record<string, string> = { nrs: "Pain (NRS)", odi: "Oswestry (ODI %)", rmdq: "Roland-Morris" };

export function Outcomes({ patientId, refreshKey, visits }: { patientId: string; refreshKey: number; visits?: readonly CalendarDate[] }) {
  const { data, error, reload } = useLoad(() => api<Outcomes>("GET", `/api/v1/patients/${patientId}/outcomes`), `${patientId}:${refreshKey}`);
  return (
    <section className="card outcomes" aria-label="Outcomes">
      <h2>Progress</h2>
      <FormError error={error} />
      {data && (
        <>
          <p className={`status status-${data.status.status.replace(/ /g, "-")}`} data-testid="outcome-status">
            <strong>{data.status.status}</strong> <span className="small">{data.status.rule}</span>
          </p>
          {data.trajectories.length > 0 && (
            <ListTable columns={["Measure", "Baseline", "Latest", "Change", "MCID"]}>
                {data.trajectories.map((t) => (
                  <ListRow key={t.measure}>
                    <td>{MEASURE_NAMES[t.measure] ?? t.measure}</td>
                    <td>
                      {t.baseline.value} <span className="muted small">{formatDate(t.baseline.recordedOn)}</span>
                    </td>
                    <td>
                      {t.latest.value} <span className="muted small">{formatDate(t.latest.recordedOn)}</span>
                    </td>
                    <td>
                      {t.change > 0 ? "+" : ""}
                      {t.change}
                      {t.percentChange !== null && ` (${t.percentChange > 0 ? "+" : ""}${t.percentChange}%)`}
                    </td>
                    <td>{t.responder ? <span className="good">reached MCID</span> : t.worsened ? <span className="bad">worse by MCID</span> : "—"}</td>
                  </ListRow>
                ))}
            </ListTable>
          )}
          {(["odi", "rmdq"] as const).map((measure) => {
            const readings = data.responses.filter((r) => r.instrument === measure && !r.enteredInError);
            return readings.length > 0 ? (
              <MeasureChart
                key={measure}
                measure={measure}
                readings={readings.map((r) => ({ id: r.id, value: r.score, recordedOn: r.recordedOn as CalendarDate }))}
                empty=""
                visits={visits}
              />
            ) : null;
          })}
          {data.responses.length > 0 && <ResponseEntries responses={data.responses} onChanged={reload} />}
          <RecordQuestionnaire patientId={patientId} onDone={reload} />
        </>
      )}
    </section>
  );
}

const scoreText = (r: Pick<Response, "score" | "unit" | "band">) => `${r.score}${r.unit === "percent" ? "%" : ""}${r.band ? ` (${r.band})` : ""}`;

/** Every questionnaire, newest first, each one correctable (answers or date; scored again) or marked entered in error. */
function ResponseEntries({ responses, onChanged }: { responses: Response[]; onChanged: () => void }) {
  const instruments = useLoad(() => api<InstrumentForm[]>("GET", "/api/v1/questionnaires"), "questionnaires");
  const { toggle, visible } = useShowInError(responses, "questionnaires");
  const nameOf = (id: string) => instruments.data?.find((i) => i.id === id)?.name ?? id.toUpperCase();
  return (
    <details className="entries">
      <summary>All questionnaires ({responses.filter((r) => !r.enteredInError).length}): correct a questionnaire</summary>
      {toggle}
      <ul className="entry-list" aria-label="Questionnaires">
        {visible([...responses].reverse()).map((r) => {
          const form = instruments.data?.find((i) => i.id === r.instrument);
          const what = `${nameOf(r.instrument)} of ${formatDate(r.recordedOn)}`;
          return (
            <li key={r.id} className={entryClass(r)} data-testid="questionnaire-entry">
              <span className="entry-main">
                <span className="entry-value">{nameOf(r.instrument)}</span> {scoreText(r)} on {formatDate(r.recordedOn)}
                {r.source === "patient-link" && <span className="muted"> · by the patient</span>} <EntryBadge entry={r} />
              </span>
              <EntryTools
                entry={r}
                what={what}
                historyUrl={`/api/v1/instrument-responses/${r.id}/revisions`}
                onChanged={onChanged}
                correct={(close) => (
                  <CorrectEntry
                    url={`/api/v1/instrument-responses/${r.id}/corrections`}
                    what={what}
                    onDone={(notices) => close(notices)}
                    onCancel={() => close()}
                    readValues={(data) => ({
                      recordedOn: String(data.get("recordedOn")),
                      answers: (form?.items ?? []).map((item) => (data.get(`answer-${item.id}`) === null ? null : Number(data.get(`answer-${item.id}`)))),
                    })}
                    fields={(error) => (
                      <>
                        <label>
                          Date answered
                          <CheckedDateInput field="recordedOn" errorField="values.recordedOn" error={error} required defaultValue={r.recordedOn} />
                        </label>
                        {form?.items.map((item, index) => (
                          <div key={item.id} className={`item-row ${error?.fields[item.id] ? "invalid" : ""}`} role="radiogroup" aria-label={item.label}>
                            <span title={item.shortLabel}>{item.label}</span>
                            <span className="options">
                              {item.options.map((option) => (
                                <label key={option.value} title={option.label}>
                                  <input type="radio" name={`answer-${item.id}`} value={option.value} defaultChecked={r.answers[index] === option.value} />
                                  {option.label.split(" (")[0]}
                                </label>
                              ))}
                            </span>
                            <FieldError error={error} field={item.id} />
                          </div>
                        ))}
                      </>
                    )}
                  />
                )}
              />
            </li>
          );
        })}
      </ul>
    </details>
  );
}

function RecordQuestionnaire({ patientId, onDone }: { patientId: string; onDone: () => void }) {
  const instruments = useLoad(() => api<InstrumentForm[]>("GET", "/api/v1/questionnaires"), "questionnaires");
  const [chosen, setChosen] = useState("");
  const [answers, setAnswers] = useState<(number | null)[]>([]);
  const [result, setResult] = useState<string | null>(null);
  // A questionnaire filled in on paper is dated the day the patient answered it, not the day it is typed in.
  const [answeredOn, setAnsweredOn] = useState(calendarDateOf(new Date()));
  const instrument = instruments.data?.find((i) => i.id === chosen);
  const { submit, error, busy } = useSubmit(async () => {
    const saved = await api<{ score: number; unit: string; band: string | null }>("POST", `/api/v1/patients/${patientId}/instrument-responses`, {
      instrument: chosen,
      answers,
      recordedOn: answeredOn,
    });
    setResult(`${instrument!.name}: ${saved.score}${saved.unit === "percent" ? "%" : ""}${saved.band ? ` (${saved.band})` : ""}`);
    setChosen("");
    onDone();
  });
  return (
    <form
      className="questionnaire"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {result && (
        <p className="success" role="status">
          Recorded {result}.
        </p>
      )}
      <label>
        Record a questionnaire
        <select
          value={chosen}
          onChange={(event) => {
            const next = instruments.data?.find((i) => i.id === event.target.value);
            setChosen(event.target.value);
            setAnswers(next ? next.items.map(() => null) : []);
            setResult(null);
          }}
        >
          <option value="">Choose…</option>
          {/* Pain (NRS) has one way in on this page: the 0–10 scale in the Pain section. */}
          {instruments.data?.filter((i) => i.id !== "nrs").map((i) => (
            <option key={i.id} value={i.id}>
              {i.name} ({i.version})
            </option>
          ))}
        </select>
      </label>
      {instrument && (
        <>
          <FormError error={error} />
          <label>
            Answered on
            <CheckedDateInput
              field="recordedOn"
              error={error}
              value={answeredOn}
              required
              onChange={(event) => setAnsweredOn(event.target.value as typeof answeredOn)}
            />
          </label>
          {instrument.wording ? (
            <p className="muted small">
              {instrument.wording.title}
              {instrument.wording.copyright && ` · ${instrument.wording.copyright}`}
            </p>
          ) : (
            <p className="muted small">Short labels only: ask the items in their licensed wording (an owner can load it under Questionnaires).</p>
          )}
          {instrument.items.map((item, index) => (
            <div key={item.id} className={`item-row ${error?.fields[item.id] ? "invalid" : ""}`} role="radiogroup" aria-label={item.label}>
              <span title={item.shortLabel}>{item.label}</span>
              <span className="options">
                {item.options.map((option) => (
                  <label key={option.value} title={option.label}>
                    <input
                      type="radio"
                      name={item.id}
                      checked={answers[index] === option.value}
                      onChange={() => setAnswers(answers.map((a, i) => (i === index ? option.value : a)))}
                    />
                    {/* "0 (least)" → "0", "No (does not apply today)" → "No"; the full label is the tooltip */}
                    {option.label.split(" (")[0]}
                  </label>
                ))}
              </span>
              <FieldError error={error} field={item.id} />
            </div>
          ))}
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              Score and record
            </button>
          </div>
        </>
      )}
    </form>
  );
}
