/**
 * Book one appointment: find the patient, then practitioner, room, type, day
 * and local time. A refusal shows the server's reasons (room taken, outside
 * hours…) and leaves the form as typed.
 */
import { useState } from "react";
import { fromLocal, parseClock } from "../../../domain/scheduling/clinicTime.ts";
import type { CalendarDate } from "../../../domain/shared/calendarDate.ts";
import { formatDate } from "../../../domain/shared/dateWords.ts";
import { api, type Patient } from "../api.ts";
import { FormError } from "../components/FormError.tsx";
import { useLoad } from "../useLoad.ts";
import { NamedSelect } from "./NamedSelect.tsx";
import { useSubmit } from "../useSubmit.ts";
import type { ScheduleSettings } from "./types.ts";

export function BookAppointment({ settings, day, onDone }: { settings: ScheduleSettings; day: CalendarDate; onDone: (booked: boolean) => void }) {
  const [query, setQuery] = useState("");
  const found = useLoad(() => (query.trim().length < 2 ? Promise.resolve({ patients: [] as Patient[] }) : api<{ patients: Patient[] }>("GET", `/api/v1/patients?q=${encodeURIComponent(query)}&limit=10`)), `find-${query}`);
  const rooms = settings.rooms.filter((r) => r.active);
  const types = settings.appointmentTypes.filter((t) => t.active);
  const [form, setForm] = useState({ patientId: "", practitionerId: settings.practitioners[0]?.id ?? "", roomId: rooms[0]?.id ?? "", typeId: types.find((t) => t.kind === "follow-up")?.id ?? types[0]?.id ?? "", date: day as string, time: "09:00" });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const book = useSubmit(async () => {
    const minute = parseClock(form.time);
    const start = fromLocal(form.date as CalendarDate, minute ?? 0, settings.timeZone).toISOString();
    await api("POST", "/api/v1/appointments", { patientId: form.patientId, practitionerId: form.practitionerId, roomId: form.roomId, typeId: form.typeId, start });
    onDone(true);
  });
  const patients = found.data?.patients ?? [];
  return (
    <form
      className="card form-grid"
      aria-label="Book an appointment"
      onSubmit={(e) => {
        e.preventDefault();
        void book.submit();
      }}
    >
      <h2>Book an appointment</h2>
      <FormError error={book.error} />
      <fieldset>
        <label>
          Find the patient
          <input value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Name, date of birth or record number" autoFocus />
        </label>
        <label>
          Patient
          <select value={form.patientId} onChange={set("patientId")} required>
            <option value="">{patients.length === 0 ? "Type at least two letters above" : "Choose…"}</option>
            {patients.map((p) => (
              <option key={p.id} value={p.id}>
                {p.familyName}, {p.givenName} · born {formatDate(p.birthDate)}
              </option>
            ))}
          </select>
        </label>
        <NamedSelect label="Practitioner" value={form.practitionerId} options={settings.practitioners} onChange={(id) => setForm({ ...form, practitionerId: id })} />
        <NamedSelect label="Room" value={form.roomId} options={rooms} onChange={(id) => setForm({ ...form, roomId: id })} />
        <label>
          Type
          <select value={form.typeId} onChange={set("typeId")}>
            {types.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name} ({t.minutes} min)
              </option>
            ))}
          </select>
        </label>
        <label>
          Day
          <input type="date" value={form.date} onChange={set("date")} required />
        </label>
        <label>
          Time ({settings.timeZone})
          <input type="time" value={form.time} onChange={set("time")} step={300} required />
        </label>
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary" disabled={book.busy || !form.patientId}>
          Book
        </button>
        <button type="button" onClick={() => onDone(false)}>
          Close
        </button>
      </div>
    </form>
  );
}
