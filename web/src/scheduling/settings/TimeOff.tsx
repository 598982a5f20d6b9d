/**
 * A practitioner's time off: a run of days (a holiday week, a course) or one
 * weekday each week (every Wednesday afternoon), whole days or some hours,
 * with a reason in words. The calendar stops offering those times.
 */
import { useState } from "react";
import { WEEKDAY_NAMES, type Weekday } from "../../../../domain/scheduling/clinicTime.ts";
import { formatDate } from "../../../../domain/shared/dateWords.ts";
import { api } from "../../api.ts";
import { FieldError, FormError } from "../../components/FormError.tsx";
import { ListRow, ListTable } from "../../components/ListTable.tsx";
import { useSubmit } from "../../useSubmit.ts";
import type { TimeOffEntry } from "./settingsTypes.ts";

export function describeTimeOff(t: TimeOffEntry): string {
  const hours = t.start && t.end ? `${t.start}–${t.end}` : "all day";
  if (t.weekday !== null) {
    const day = WEEKDAY_NAMES[t.weekday as Weekday];
    return `Every ${day}, ${hours}, from ${formatDate(t.fromOn)}${t.toOn ? ` to ${formatDate(t.toOn)}` : " until further notice"}`;
  }
  return `${formatDate(t.fromOn)}${t.toOn && t.toOn !== t.fromOn ? ` to ${formatDate(t.toOn)}` : ""}, ${hours}`;
}

export function TimeOff({ practitioner, editable, onChanged }: { practitioner: { id: string; name: string; timeOff: TimeOffEntry[] }; editable: boolean; onChanged: () => void }) {
  const remove = useSubmit(async (id: string) => {
    await api("DELETE", `/api/v1/time-off/${id}`);
    onChanged();
  });
  return (
    <div>
      <FormError error={remove.error} />
      <ListTable columns={editable ? ["When", "Reason", { label: "Actions", actions: true }] : ["When", "Reason"]} empty="No time off." aria-label={`Time off of ${practitioner.name}`}>
        {practitioner.timeOff.map((t) => (
          <ListRow key={t.id}>
            <td>{describeTimeOff(t)}</td>
            <td>{t.reason ?? <span className="muted">—</span>}</td>
            {editable && (
              <td>
                <button type="button" onClick={() => void remove.submit(t.id)} disabled={remove.busy} aria-label={`Remove time off: ${describeTimeOff(t)}`}>
                  Remove
                </button>
              </td>
            )}
          </ListRow>
        ))}
      </ListTable>
      {editable && <AddTimeOff practitioner={practitioner} onAdded={onChanged} />}
    </div>
  );
}

const BLANK = { repeat: "dates" as "dates" | "weekly", fromOn: "", toOn: "", weekday: "1", wholeDay: true, start: "13:00", end: "17:00", reason: "" };

function AddTimeOff({ practitioner, onAdded }: { practitioner: { id: string; name: string }; onAdded: () => void }) {
  const [form, setForm] = useState(BLANK);
  const [added, setAdded] = useState(false);
  const set = (patch: Partial<typeof BLANK>) => {
    setAdded(false);
    setForm({ ...form, ...patch });
  };
  const add = useSubmit(async () => {
    await api("POST", `/api/v1/practitioners/${practitioner.id}/time-off`, {
      fromOn: form.fromOn,
      toOn: form.toOn === "" ? (form.repeat === "dates" ? form.fromOn || null : null) : form.toOn,
      weekday: form.repeat === "weekly" ? Number(form.weekday) : null,
      start: form.wholeDay ? null : form.start,
      end: form.wholeDay ? null : form.end,
      reason: form.reason,
    });
    setForm(BLANK);
    setAdded(true);
    onAdded();
  });
  const invalid = (field: string) => (add.error?.fields[field] ? "invalid" : undefined);
  return (
    <form
      className="settings-subform form-grid"
      aria-label={`Add time off for ${practitioner.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        void add.submit();
      }}
      noValidate
    >
      <h3>Add time off for {practitioner.name}</h3>
      <fieldset className="inline-choices">
        <legend>Repeat</legend>
        <label className="check">
          <input type="radio" name={`repeat-${practitioner.id}`} checked={form.repeat === "dates"} onChange={() => set({ repeat: "dates" })} /> Days from–to
        </label>
        <label className="check">
          <input type="radio" name={`repeat-${practitioner.id}`} checked={form.repeat === "weekly"} onChange={() => set({ repeat: "weekly" })} /> One weekday each week
        </label>
      </fieldset>
      <fieldset>
        {form.repeat === "weekly" && (
          <label>
            Weekday
            <select value={form.weekday} onChange={(e) => set({ weekday: e.target.value })}>
              {([1, 2, 3, 4, 5, 6, 7] as Weekday[]).map((d) => (
                <option key={d} value={d}>
                  {WEEKDAY_NAMES[d]}
                </option>
              ))}
            </select>
            <FieldError error={add.error} field="weekday" />
          </label>
        )}
        <label className={invalid("fromOn")}>
          {form.repeat === "weekly" ? "Starting" : "First day"}
          <input type="date" value={form.fromOn} onChange={(e) => set({ fromOn: e.target.value })} />
          <FieldError error={add.error} field="fromOn" />
        </label>
        <label className={invalid("toOn")}>
          {form.repeat === "weekly" ? "Until (empty: until further notice)" : "Last day (empty: the first day only)"}
          <input type="date" value={form.toOn} onChange={(e) => set({ toOn: e.target.value })} />
          <FieldError error={add.error} field="toOn" />
        </label>
        <label className="check">
          <input type="checkbox" checked={form.wholeDay} onChange={(e) => set({ wholeDay: e.target.checked })} /> Whole day
        </label>
        {!form.wholeDay && (
          <>
            <label className={invalid("start")}>
              From
              <input type="time" value={form.start} onChange={(e) => set({ start: e.target.value })} step={300} />
              <FieldError error={add.error} field="start" />
            </label>
            <label className={invalid("end")}>
              To
              <input type="time" value={form.end} onChange={(e) => set({ end: e.target.value })} step={300} />
              <FieldError error={add.error} field="end" />
            </label>
          </>
        )}
        <label className={`wide-field ${invalid("reason") ?? ""}`}>
          Reason (optional; no patient details)
          <input value={form.reason} onChange={(e) => set({ reason: e.target.value })} maxLength={200} placeholder="e.g. teaching, conference" />
          <FieldError error={add.error} field="reason" />
        </label>
      </fieldset>
      <FormError error={add.error} />
      <div className="actions">
        <button type="submit" disabled={add.busy}>
          Add time off
        </button>
        {added && !add.error && (
          <span className="success" role="status">
            Time off added.
          </span>
        )}
      </div>
    </form>
  );
}
