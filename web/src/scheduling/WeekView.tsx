/**
 * The week at a glance: one row per practitioner (or room), one column per
 * day, each appointment a line with its local time and patient. Days off and
 * clinic holidays are greyed with their reason. A booked appointment dragged
 * to another day or row moves there at the same time; the day view's Move
 * form does it from the keyboard. On a phone the grid becomes a list by row
 * and day. Appointments are grouped once per render, so 500 stay quick.
 */
import type { DragEvent, MouseEvent } from "react";
import { Link, useNavigate } from "react-router";
import { STATUS_LABELS } from "../../../domain/scheduling/appointment.ts";
import { weekdayOf, WEEKDAY_NAMES } from "../../../domain/scheduling/clinicTime.ts";
import { addDays, type CalendarDate } from "../../../domain/shared/calendarDate.ts";
import { formatDate } from "../../../domain/shared/dateWords.ts";
import { FormError } from "../components/FormError.tsx";
import { clinicToday, localClock, localDate } from "./clinicClock.ts";
import { DRAG_TYPE } from "./moveAppointment.ts";
import type { AppointmentListing, CalendarMilestone, CalendarView, ScheduleSettings } from "./types.ts";
import { useDropMove } from "./useDropMove.ts";

/** Which appointment a drag carries, read from the line it starts on. */
function carryAppointment(e: DragEvent) {
  const id = (e.target as HTMLElement).closest<HTMLElement>("li[data-id]")?.dataset.id;
  if (id) e.dataTransfer.setData(DRAG_TYPE, id);
}

interface Row {
  id: string;
  name: string;
}

export function WeekView({
  view,
  settings,
  by,
  rows,
  dayLink,
  onChanged,
}: {
  view: CalendarView;
  settings: ScheduleSettings;
  by: "practitioner" | "room";
  rows: Row[];
  dayLink: (day: CalendarDate) => string;
  onChanged: () => void;
}) {
  const navigate = useNavigate();
  const zone = view.timeZone;
  const followInApp = (e: MouseEvent) => {
    const link = (e.target as HTMLElement).closest("a");
    if (e.defaultPrevented || !link || link.origin !== window.location.origin || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    void navigate(link.pathname + link.search);
  };
  const days = Array.from({ length: view.days }, (_, i) => addDays(view.from as CalendarDate, i));
  const drop = useDropMove(view.appointments, zone, onChanged);
  const cells = new Map<string, AppointmentListing[]>();
  for (const a of view.appointments) {
    const key = `${by === "practitioner" ? a.practitionerId : a.roomId}|${localDate(a.start, zone)}`;
    const list = cells.get(key);
    if (list) list.push(a);
    else cells.set(key, [a]);
  }
  const openHours = new Map(view.practitioners.map((p) => [p.id, new Map(p.days.map((d) => [d.date, d]))]));
  const today = clinicToday(zone);
  const holidays = new Map(settings.holidays.map((h) => [h.on, h.name]));

  return (
    <>
      <FormError error={drop.error} />
      {/* Hundreds of appointments: one click and one drag handler on the grid instead of a router Link and a handler on each (issue 16's 100 ms budget). */}
      <div className="week-grid" onClick={followInApp} onDragStart={carryAppointment} style={{ gridTemplateColumns: `minmax(7rem, 10rem) repeat(${days.length}, minmax(0, 1fr))` }} role="table" aria-label={`Week from ${formatDate(view.from)}`}>
        <div className="week-head" role="row">
          <span role="columnheader">{by === "practitioner" ? "Practitioner" : "Room"}</span>
          {days.map((day) => (
            <span key={day} role="columnheader" className={[holidays.has(day) && "closed", day === today && "today"].filter(Boolean).join(" ") || undefined} aria-current={day === today ? "date" : undefined}>
              <Link to={dayLink(day)}>
                {WEEKDAY_NAMES[weekdayOf(day)].slice(0, 3)} {formatDate(day)}
              </Link>
              {holidays.has(day) && <span className="small"> · closed: {holidays.get(day)}</span>}
            </span>
          ))}
        </div>
        {view.milestones.length > 0 && (
          <div className="week-row due" role="row">
            <strong role="rowheader">Due</strong>
            {days.map((day) => {
              const due = view.milestones.filter((m) => m.on === day);
              return (
                <div key={day} role="cell" className="week-cell">
                  <span className="cell-day small">
                    {WEEKDAY_NAMES[weekdayOf(day)].slice(0, 3)} {formatDate(day)}
                  </span>
                  {due.length > 0 && <MilestoneList milestones={due.slice(0, 3)} />}
                  {due.length > 3 && (
                    <Link className="small" to={dayLink(day)}>
                      +{due.length - 3} more
                    </Link>
                  )}
                </div>
              );
            })}
          </div>
        )}
        {rows.map((row) => (
          <div key={row.id} className="week-row" role="row">
            <strong role="rowheader">{row.name}</strong>
            {days.map((day) => {
              const listed = cells.get(`${row.id}|${day}`) ?? [];
              const hours = by === "practitioner" ? openHours.get(row.id)?.get(day) : undefined;
              const off = hours !== undefined && hours.open.length === 0;
              return (
                <div key={day} role="cell" className={`week-cell${off ? " off" : ""}${day === today ? " today" : ""}`} data-day={day} {...drop.dropTarget({ date: day, ...(by === "practitioner" ? { practitionerId: row.id } : { roomId: row.id }) })}>
                  <span className="cell-day small">
                    {WEEKDAY_NAMES[weekdayOf(day)].slice(0, 3)} {formatDate(day)}
                  </span>
                  {off && <span className="small muted">{hours.closures[0]?.reason ?? "Not working"}</span>}
                  {listed.length > 0 && (
                    <ul className="week-appointments">
                      {listed.map((a) => (
                        <li
                          key={a.id}
                          data-id={a.id}
                          className={`appointment ${a.status}`}
                          draggable={a.status === "booked"}
                          title={`${a.typeName} · ${by === "practitioner" ? a.roomName : a.practitionerName} · ${STATUS_LABELS[a.status]}`}
                        >
                          <span className="when">{localClock(a.start, zone)}</span> <a href={`/patients/${a.patientId}`}>{a.patientName}</a>
                          {a.status !== "booked" && <span className="small muted"> · {STATUS_LABELS[a.status]}</span>}
                          {a.practitionerOverlap && <span className="small overlap"> · overlap</span>}
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </>
  );
}

/** Re-evaluations and follow-up milestones of a day, each linking to the patient to book or send. */
export function MilestoneList({ milestones }: { milestones: CalendarMilestone[] }) {
  return (
    <ul className="milestones">
      {milestones.map((m) => (
        <li key={`${m.kind}-${m.patientId}-${m.label}`} className={`milestone ${m.kind}`}>
          <Link to={`/patients/${m.patientId}`}>{m.patientName}</Link> <span className="small">{m.label}</span>
        </li>
      ))}
    </ul>
  );
}
