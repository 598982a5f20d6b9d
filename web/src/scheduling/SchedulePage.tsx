/**
 * The day's schedule per practitioner or per room, in the clinic's time zone:
 * each column lists its appointments in time order with the practitioner's
 * open hours, marks a practitioner's overlapping patients (needles retained),
 * and lets the desk close an appointment (done, cancelled, late cancellation,
 * no-show with its reason). Everything is a button, a link or a form field,
 * so it works from the keyboard; columns stack on a phone.
 */
import "./scheduling.css";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { STATUS_LABELS } from "../../../domain/scheduling/appointment.ts";
import { formatClock, toLocal } from "../../../domain/scheduling/clinicTime.ts";
import { addDays, isCalendarDate, type CalendarDate } from "../../../domain/shared/calendarDate.ts";
import { formatDate } from "../../../domain/shared/dateWords.ts";
import { api } from "../api.ts";
import { FormError } from "../components/FormError.tsx";
import { useLoad } from "../useLoad.ts";
import { BookAppointment } from "./BookAppointment.tsx";
import { CloseAppointment } from "./CloseAppointment.tsx";
import type { AppointmentListing, CalendarView, ScheduleSettings } from "./types.ts";

/** Today in the clinic's zone (the browser's own zone may differ). */
export function clinicToday(zone: string): CalendarDate {
  return toLocal(new Date(), zone).date;
}

export const localClock = (iso: string, zone: string) => formatClock(toLocal(new Date(iso), zone).minute);

export function SchedulePage() {
  const [params, setParams] = useSearchParams();
  const settings = useLoad(() => api<ScheduleSettings>("GET", "/api/v1/schedule/settings"), "schedule-settings");
  const zone = settings.data?.timeZone ?? "UTC";
  const asked = params.get("day") ?? "";
  const day = isCalendarDate(asked) ? asked : clinicToday(zone);
  const by = params.get("by") === "room" ? "room" : "practitioner";
  const view = useLoad(() => api<CalendarView>("GET", `/api/v1/appointments?from=${day}&days=1`), `calendar-${day}`);
  const [booking, setBooking] = useState(false);

  const go = (next: Partial<{ day: string; by: string }>) => setParams({ day: next.day ?? day, by: next.by ?? by });
  const columns = settings.data
    ? by === "practitioner"
      ? settings.data.practitioners.map((p) => ({ id: p.id, name: p.name, items: view.data?.appointments.filter((a) => a.practitionerId === p.id) ?? [] }))
      : settings.data.rooms.filter((r) => r.active).map((r) => ({ id: r.id, name: r.name, items: view.data?.appointments.filter((a) => a.roomId === r.id) ?? [] }))
    : [];

  return (
    <section aria-labelledby="schedule-heading">
      <div className="page-head">
        <h1 id="schedule-heading">Schedule</h1>
        <span className="small muted">Times in {zone} · <Link to="/schedule/settings">Settings, hours and calendar feed</Link></span>
      </div>
      <FormError error={settings.error ?? view.error} />
      <div className="schedule-nav">
        <button type="button" onClick={() => go({ day: addDays(day, -1) })}>
          ← Previous day
        </button>
        <button type="button" onClick={() => go({ day: clinicToday(zone) })}>
          Today
        </button>
        <button type="button" onClick={() => go({ day: addDays(day, 1) })}>
          Next day →
        </button>
        <label>
          Day
          <input type="date" value={day} onChange={(e) => isCalendarDate(e.target.value) && go({ day: e.target.value })} />
        </label>
        <label>
          Show
          <select value={by} onChange={(e) => go({ by: e.target.value })}>
            <option value="practitioner">By practitioner</option>
            <option value="room">By room</option>
          </select>
        </label>
        {!booking && (
          <button type="button" className="primary" onClick={() => setBooking(true)}>
            Book an appointment
          </button>
        )}
      </div>
      <h2 className="small muted" aria-live="polite">
        {formatDate(day)}
        {settings.data?.holidays.find((h) => h.on === day) && ` · closed: ${settings.data.holidays.find((h) => h.on === day)!.name}`}
      </h2>
      {booking && settings.data && (
        <BookAppointment
          settings={settings.data}
          day={day}
          onDone={(booked) => {
            setBooking(false);
            if (booked) view.reload();
          }}
        />
      )}
      {settings.data && settings.data.rooms.length === 0 && <p className="notice">The clinic has no rooms yet: an owner adds them before the first booking.</p>}
      <div className="schedule-columns">
        {columns.map((column) => (
          <section key={column.id} className="card schedule-column" aria-label={column.name}>
            <h2>{column.name}</h2>
            {by === "practitioner" && <OpenHours days={view.data?.practitioners.find((p) => p.id === column.id)?.days[0]} />}
            {column.items.length === 0 ? (
              <p className="muted small">No appointments.</p>
            ) : (
              <ol className="appointments">
                {column.items.map((a) => (
                  <AppointmentItem key={a.id} appointment={a} zone={zone} by={by} onChanged={view.reload} />
                ))}
              </ol>
            )}
          </section>
        ))}
      </div>
    </section>
  );
}

function OpenHours({ days }: { days: CalendarView["practitioners"][number]["days"][number] | undefined }) {
  if (!days) return null;
  if (days.open.length === 0) return <p className="small muted">Not working{days.closures[0] ? ` (${days.closures[0].reason})` : ""}.</p>;
  return <p className="small muted">Open {days.open.map((o) => `${o.start}–${o.end}`).join(", ")}</p>;
}

function AppointmentItem({ appointment: a, zone, by, onChanged }: { appointment: AppointmentListing; zone: string; by: "practitioner" | "room"; onChanged: () => void }) {
  const where = by === "practitioner" ? a.roomName : a.practitionerName;
  return (
    <li className={`appointment ${a.status}`} aria-label={`${localClock(a.start, zone)} ${a.patientName}`}>
      <span className="when">
        {localClock(a.start, zone)}–{localClock(a.end, zone)}
      </span>{" "}
      <Link to={`/patients/${a.patientId}`}>{a.patientName}</Link>
      <span className="appointment-status">{STATUS_LABELS[a.status]}</span>
      <div className="small">
        {a.typeName} · {where}
        {a.planId && " · course of care"}
      </div>
      {a.statusReason && <div className="small muted">Reason: {a.statusReason}</div>}
      {a.practitionerOverlap && <div className="small overlap">Overlaps another of {a.practitionerName}'s patients in another room (needles retained).</div>}
      {a.status === "booked" && <CloseAppointment appointment={a} onDone={onChanged} />}
    </li>
  );
}
