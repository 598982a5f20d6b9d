/**
 * One practitioner's week: working blocks and breaks per weekday, in the
 * clinic's local time. The whole week is saved at once (the server checks
 * that blocks do not overlap and breaks fall inside working hours, and names
 * the day when they do); a refused week stays on screen as typed.
 */
import { useState } from "react";
import { WEEKDAY_NAMES, type Weekday } from "../../../../domain/scheduling/clinicTime.ts";
import { api } from "../../api.ts";
import { FieldError, FormError } from "../../components/FormError.tsx";
import { useSubmit } from "../../useSubmit.ts";
import type { HoursBlock } from "./settingsTypes.ts";

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as Weekday[];

interface Draft {
  key: number;
  weekday: number;
  kind: "work" | "break";
  start: string;
  end: string;
}

let nextKey = 0;
const draftOf = (b: HoursBlock): Draft => ({ key: nextKey++, weekday: b.weekday, kind: b.kind, start: b.startTime, end: b.endTime });

export function WorkingHours({ practitioner, editable, timeZone, onSaved }: { practitioner: { id: string; name: string; hours: HoursBlock[] }; editable: boolean; timeZone: string; onSaved: () => void }) {
  const [blocks, setBlocks] = useState<Draft[]>(() => practitioner.hours.map(draftOf));
  const [saved, setSaved] = useState(false);
  const save = useSubmit(async () => {
    setSaved(false);
    await api("PUT", `/api/v1/practitioners/${practitioner.id}/working-hours`, { blocks: blocks.map(({ weekday, kind, start, end }) => ({ weekday, kind, start, end })) });
    setSaved(true);
    onSaved();
  });
  const change = (key: number, patch: Partial<Draft>) => {
    setSaved(false);
    setBlocks(blocks.map((b) => (b.key === key ? { ...b, ...patch } : b)));
  };
  const add = (weekday: Weekday, kind: "work" | "break") => {
    setSaved(false);
    setBlocks([...blocks, { key: nextKey++, weekday, kind, start: kind === "work" ? "09:00" : "12:30", end: kind === "work" ? "17:00" : "13:30" }]);
  };

  if (!editable) {
    return (
      <dl className="week-hours" aria-label={`Working hours of ${practitioner.name}`}>
        {WEEKDAYS.map((day) => {
          const todays = practitioner.hours.filter((b) => b.weekday === day);
          return (
            <div key={day}>
              <dt>{WEEKDAY_NAMES[day]}</dt>
              <dd>{todays.length === 0 ? <span className="muted">not working</span> : todays.map((b) => `${b.kind === "break" ? "break " : ""}${b.startTime}–${b.endTime}`).join(", ")}</dd>
            </div>
          );
        })}
      </dl>
    );
  }
  return (
    <form
      aria-label={`Working hours of ${practitioner.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save.submit();
      }}
      noValidate
    >
      <p className="muted small">Local times in {timeZone}. Add a break inside a working block; a day without blocks is a day off.</p>
      {WEEKDAYS.map((day) => (
        <fieldset key={day} className="weekday-hours">
          <legend>{WEEKDAY_NAMES[day]}</legend>
          {blocks.filter((b) => b.weekday === day).length === 0 && <p className="muted small">Not working.</p>}
          {blocks.map((b, index) =>
            b.weekday !== day ? null : (
              <div className="hours-block" key={b.key}>
                <label>
                  Block
                  <select value={b.kind} onChange={(e) => change(b.key, { kind: e.target.value as "work" | "break" })}>
                    <option value="work">Working</option>
                    <option value="break">Break</option>
                  </select>
                </label>
                <label className={save.error?.fields[`blocks.${index}.start`] ? "invalid" : undefined}>
                  From
                  <input type="time" value={b.start} onChange={(e) => change(b.key, { start: e.target.value })} step={300} />
                  <FieldError error={save.error} field={`blocks.${index}.start`} />
                </label>
                <label className={save.error?.fields[`blocks.${index}.end`] ? "invalid" : undefined}>
                  To
                  <input type="time" value={b.end} onChange={(e) => change(b.key, { end: e.target.value })} step={300} />
                  <FieldError error={save.error} field={`blocks.${index}.end`} />
                </label>
                <button type="button" onClick={() => setBlocks(blocks.filter((x) => x.key !== b.key))} aria-label={`Remove ${WEEKDAY_NAMES[day]} ${b.kind === "work" ? "working block" : "break"} ${b.start}–${b.end}`}>
                  Remove
                </button>
              </div>
            ),
          )}
          <div className="actions">
            <button type="button" className="small" onClick={() => add(day, "work")} aria-label={`Add working hours on ${WEEKDAY_NAMES[day]}`}>
              + Hours
            </button>
            <button type="button" className="small" onClick={() => add(day, "break")} aria-label={`Add a break on ${WEEKDAY_NAMES[day]}`}>
              + Break
            </button>
          </div>
        </fieldset>
      ))}
      <FormError error={save.error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={save.busy}>
          Save the week of {practitioner.name}
        </button>
        <FieldError error={save.error} field="blocks" />
        {saved && !save.error && (
          <span className="success" role="status">
            Saved.
          </span>
        )}
      </div>
    </form>
  );
}
