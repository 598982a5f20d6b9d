/** The clinic's follow-up schedule, set by owners: milestone weeks and what they ask for, and optional check-ins. */
import { useEffect, useState } from "react";
import { INSTRUMENTS } from "../../../domain/assessment/instruments/registry.ts";
import { describeSchedule, type FollowUpSchedule } from "../../../domain/outcomes/followUp.ts";
import { api, ApiError } from "../api.ts";
import { useLoad } from "../useLoad.ts";
import { useSubmit } from "../useSubmit.ts";
import { FieldError, FormError } from "./FormError.tsx";

interface Setting {
  schedule: FollowUpSchedule;
  isDefault: boolean;
}

const IDS = Object.keys(INSTRUMENTS) as (keyof typeof INSTRUMENTS)[];

function InstrumentChoice({ legend, chosen, onChange, error, field }: { legend: string; chosen: string[]; onChange: (ids: string[]) => void; error: ApiError | null; field: string }) {
  return (
    <fieldset className="inline-choices">
      <legend>{legend}</legend>
      {IDS.map((id) => (
        <label key={id} className="check">
          <input type="checkbox" checked={chosen.includes(id)} onChange={(e) => onChange(e.target.checked ? [...chosen, id] : chosen.filter((c) => c !== id))} />
          {INSTRUMENTS[id].shortName}
        </label>
      ))}
      <FieldError error={error} field={field} />
    </fieldset>
  );
}

export function FollowUpScheduleForm() {
  const { data, error, reload } = useLoad(() => api<Setting>("GET", "/api/v1/follow-up-schedule"), "follow-up-schedule");
  const [weeks, setWeeks] = useState("");
  const [windowDays, setWindowDays] = useState(7);
  const [milestoneInstruments, setMilestoneInstruments] = useState<string[]>([]);
  const [checkIn, setCheckIn] = useState<FollowUpSchedule["checkIn"]>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!data) return;
    setWeeks(data.schedule.weeks.join(", "));
    setWindowDays(data.schedule.windowDays);
    setMilestoneInstruments(data.schedule.milestoneInstruments);
    setCheckIn(data.schedule.checkIn);
  }, [data]);

  const save = useSubmit(async (restoreDefault: boolean) => {
    setSaved(false);
    const parsed = weeks.split(/[\s,]+/).filter(Boolean).map(Number);
    if (!restoreDefault && parsed.some((w) => !Number.isInteger(w))) {
      throw new ApiError(400, "VALIDATION_FAILED", "Check the milestone weeks.", undefined, { "schedule.weeks": "Whole numbers of weeks, separated by commas." });
    }
    const schedule = restoreDefault ? null : { weeks: parsed, windowDays, milestoneInstruments, checkIn };
    await api("PUT", "/api/v1/follow-up-schedule", { schedule });
    setSaved(true);
    reload();
  });

  return (
    <section className="card" aria-label="Follow-up schedule">
      <h2>Follow-up schedule</h2>
      <FormError error={error ?? save.error} />
      {data && (
        <p data-testid="schedule-summary">
          {describeSchedule(data.schedule)} {data.isDefault && <span className="muted small">(Acuback&apos;s default)</span>}
        </p>
      )}
      <p className="muted small">
        No guideline fixes these intervals; set what your clinic measures. The follow-up list on the patients page and the dashboard use them.
      </p>
      {data && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void save.submit(false);
          }}
        >
          <div className="row">
            <label>
              Milestone weeks after intake
              <input value={weeks} onChange={(e) => setWeeks(e.target.value)} inputMode="numeric" />
              <FieldError error={save.error} field="schedule.weeks" />
            </label>
            <label>
              Window (± days)
              <input type="number" min={1} max={14} value={windowDays} onChange={(e) => setWindowDays(Number(e.target.value))} />
              <FieldError error={save.error} field="schedule.windowDays" />
            </label>
          </div>
          <InstrumentChoice legend="Each milestone asks for" chosen={milestoneInstruments} onChange={setMilestoneInstruments} error={save.error} field="schedule.milestoneInstruments" />
          <label className="check">
            <input
              type="checkbox"
              checked={checkIn !== null}
              onChange={(e) => setCheckIn(e.target.checked ? { everyWeeks: 1, instruments: ["nrs"] } : null)}
            />
            Check-ins between milestones
          </label>
          {checkIn && (
            <>
              <label>
                Every
                <select value={checkIn.everyWeeks} onChange={(e) => setCheckIn({ ...checkIn, everyWeeks: Number(e.target.value) })}>
                  {[1, 2, 3, 4].map((n) => (
                    <option key={n} value={n}>
                      {n === 1 ? "week" : `${n} weeks`}
                    </option>
                  ))}
                </select>
              </label>
              <InstrumentChoice
                legend="Each check-in asks for"
                chosen={checkIn.instruments}
                onChange={(instruments) => setCheckIn({ ...checkIn, instruments })}
                error={save.error}
                field="schedule.checkIn.instruments"
              />
            </>
          )}
          {saved && (
            <p className="success" role="status">
              Saved.
            </p>
          )}
          <div className="actions">
            <button type="submit" className="primary" disabled={save.busy}>
              Save schedule
            </button>
            {!data.isDefault && (
              <button type="button" onClick={() => void save.submit(true)} disabled={save.busy}>
                Use Acuback&apos;s default
              </button>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
