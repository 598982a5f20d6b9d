/**
 * The schedule in the clinic's time zone, by day or by week, per
 * practitioner or per room. The day view lists each column's appointments in
 * time order with the practitioner's open hours, marks a practitioner's
 * overlapping patients (needles retained), and lets the desk move or close an
 * appointment and the practitioner start its visit chart. Everything is a
 * button, a link or a form field, so it works from the keyboard; dragging is
 * a shortcut, never the only way. Columns stack on a phone.
 */
import "./scheduling.css";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { mondayOf } from "../../../domain/scheduling/clinicTime.ts";
import { addDays, isCalendarDate, type CalendarDate } from "../../../domain/shared/calendarDate.ts";
import { formatDate } from "../../../domain/shared/dateWords.ts";
import { api } from "../api.ts";
import { FormError } from "../components/FormError.tsx";
import { useLoad } from "../useLoad.ts";
import { AppointmentItem } from "./AppointmentItem.tsx";
import { BookAppointment } from "./BookAppointment.tsx";
import { clinicToday } from "./clinicClock.ts";
import type { CalendarView, ScheduleSettings } from "./types.ts";
import { useDropMove } from "./useDropMove.ts";
import { MilestoneList, WeekView } from "./WeekView.tsx";

type By = "practitioner" | "room";

export function SchedulePage() {
  const [params, setParams] = useSearchParams();
  const settings = useLoad(() => api<ScheduleSettings>("GET", "/api/v1/schedule/settings"), "schedule-settings");
  const zone = settings.data?.timeZone ?? "UTC";
  const asked = params.get("day") ?? "";
  const day = isCalendarDate(asked) ? asked : clinicToday(zone);
  const by: By = params.get("by") === "room" ? "room" : "practitioner";
  const week = params.get("view") === "week";
  const from = week ? mondayOf(day) : day;
  const span = week ? 7 : 1;
  const view = useLoad(() => api<CalendarView>("GET", `/api/v1/appointments?from=${from}&days=${span}`), `calendar-${from}-${span}`);
  const [booking, setBooking] = useState(false);

  const link = (next: Partial<{ day: string; by: string; view: string }>) => ({ day: next.day ?? day, by: next.by ?? by, view: next.view ?? (week ? "week" : "day") });
  const go = (next: Partial<{ day: string; by: string; view: string }>) => setParams(link(next));
  const step = week ? 7 : 1;
  const rows = settings.data ? (by === "practitioner" ? settings.data.practitioners : settings.data.rooms.filter((r) => r.active)) : [];
  const holiday = settings.data?.holidays.find((h) => h.on === day);

  return (
    <section aria-labelledby="schedule-heading">
      <div className="page-head">
        <h1 id="schedule-heading">Schedule</h1>
        <span className="small muted">Times in {zone} · <Link to="/schedule/settings">Settings, hours and calendar feed</Link></span>
      </div>
      <FormError error={settings.error ?? view.error} />
      <div className="schedule-nav">
        <button type="button" onClick={() => go({ day: addDays(day, -step) })}>
          ← Previous {week ? "week" : "day"}
        </button>
        <button type="button" onClick={() => go({ day: clinicToday(zone) })}>
          Today
        </button>
        <button type="button" onClick={() => go({ day: addDays(day, step) })}>
          Next {week ? "week" : "day"} →
        </button>
        <label>
          Day
          <input type="date" value={day} onChange={(e) => isCalendarDate(e.target.value) && go({ day: e.target.value })} />
        </label>
        <label>
          View
          <select value={week ? "week" : "day"} onChange={(e) => go({ view: e.target.value })}>
            <option value="day">Day</option>
            <option value="week">Week</option>
          </select>
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
        {week ? `Week of ${formatDate(from)}` : formatDate(day)}
        {!week && holiday && ` · closed: ${holiday.name}`}
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
      {settings.data &&
        view.data &&
        (week ? (
          <WeekView view={view.data} settings={settings.data} by={by} rows={rows} dayLink={(d) => `/schedule?${new URLSearchParams(link({ day: d, view: "day" }))}`} onChanged={view.reload} />
        ) : (
          <DayView view={view.data} settings={settings.data} by={by} rows={rows} day={day} onChanged={view.reload} />
        ))}
    </section>
  );
}

function DayView({ view, settings, by, rows, day, onChanged }: { view: CalendarView; settings: ScheduleSettings; by: By; rows: { id: string; name: string }[]; day: CalendarDate; onChanged: () => void }) {
  const drop = useDropMove(view.appointments, view.timeZone, onChanged);
  const due = view.milestones.filter((m) => m.on === day);
  return (
    <>
      <FormError error={drop.error} />
      {due.length > 0 && (
        <section className="card schedule-due" aria-label="Due this day">
          <h2>Due this day</h2>
          <MilestoneList milestones={due} />
        </section>
      )}
      <div className="schedule-columns">
        {rows.map((row) => {
          const items = view.appointments.filter((a) => (by === "practitioner" ? a.practitionerId : a.roomId) === row.id);
          return (
            <section key={row.id} className="card schedule-column" aria-label={row.name} {...drop.dropTarget({ date: day, ...(by === "practitioner" ? { practitionerId: row.id } : { roomId: row.id }) })}>
              <h2>{row.name}</h2>
              {by === "practitioner" && <OpenHours days={view.practitioners.find((p) => p.id === row.id)?.days[0]} />}
              {items.length === 0 ? (
                <p className="muted small">No appointments.</p>
              ) : (
                <ol className="appointments">
                  {items.map((a) => (
                    <AppointmentItem key={a.id} appointment={a} settings={settings} by={by} onChanged={onChanged} />
                  ))}
                </ol>
              )}
            </section>
          );
        })}
      </div>
    </>
  );
}

function OpenHours({ days }: { days: CalendarView["practitioners"][number]["days"][number] | undefined }) {
  if (!days) return null;
  if (days.open.length === 0) return <p className="small muted">Not working{days.closures[0] ? ` (${days.closures[0].reason})` : ""}.</p>;
  return <p className="small muted">Open {days.open.map((o) => `${o.start}–${o.end}`).join(", ")}</p>;
}
