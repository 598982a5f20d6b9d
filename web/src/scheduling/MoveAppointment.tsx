/**
 * Move from the keyboard (and on a touch screen, where dragging is awkward):
 * day, local time, practitioner and room, prefilled with where the
 * appointment is now. A refusal shows the server's reasons and keeps the form.
 */
import { useState } from "react";
import { parseClock, toLocal, formatClock } from "../../../domain/scheduling/clinicTime.ts";
import { isCalendarDate } from "../../../domain/shared/calendarDate.ts";
import { ApiError } from "../api.ts";
import { FormError } from "../components/FormError.tsx";
import { NamedSelect } from "./NamedSelect.tsx";
import { useSubmit } from "../useSubmit.ts";
import { moveAppointment } from "./moveAppointment.ts";
import type { Appointment, ScheduleSettings } from "./types.ts";

export function MoveAppointment({ appointment, settings, onDone }: { appointment: Appointment; settings: ScheduleSettings; onDone: (moved: boolean) => void }) {
  const zone = settings.timeZone;
  const now = toLocal(new Date(appointment.start), zone);
  const [form, setForm] = useState({ date: now.date as string, time: formatClock(now.minute), practitionerId: appointment.practitionerId, roomId: appointment.roomId });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const move = useSubmit(async () => {
    const minute = parseClock(form.time);
    if (!isCalendarDate(form.date) || minute === null) throw new ApiError(400, "VALIDATION_FAILED", "Give the day and a time as HH:MM.");
    await moveAppointment(appointment, { date: form.date, minute, practitionerId: form.practitionerId, roomId: form.roomId }, zone);
    onDone(true);
  });
  return (
    <form
      className="form-grid narrow move-appointment"
      aria-label="Move the appointment"
      onSubmit={(e) => {
        e.preventDefault();
        void move.submit();
      }}
    >
      <FormError error={move.error} />
      <label>
        Day
        <input type="date" value={form.date} onChange={set("date")} required autoFocus />
      </label>
      <label>
        Time ({zone})
        <input type="time" value={form.time} onChange={set("time")} step={300} required />
      </label>
      <NamedSelect label="Practitioner" value={form.practitionerId} options={settings.practitioners} onChange={(id) => setForm({ ...form, practitionerId: id })} />
      <NamedSelect label="Room" value={form.roomId} options={settings.rooms.filter((r) => r.active || r.id === appointment.roomId)} onChange={(id) => setForm({ ...form, roomId: id })} />
      <div className="actions">
        <button type="submit" className="primary" disabled={move.busy}>
          Move
        </button>
        <button type="button" onClick={() => onDone(false)}>
          Back
        </button>
      </div>
    </form>
  );
}
