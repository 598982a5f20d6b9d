/**
 * One appointment in the day view: time, patient, type and where, its status,
 * the overlap mark, and what can be done with it: open its visit chart (a
 * practitioner, on the day), move it, or close it. Booked ones can be dragged
 * to another column; the Move form does the same from the keyboard.
 */
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { STATUS_LABELS } from "../../../domain/scheduling/appointment.ts";
import { api } from "../api.ts";
import { FormError } from "../components/FormError.tsx";
import { useCan } from "../session.tsx";
import { useSubmit } from "../useSubmit.ts";
import { clinicToday, localClock, localDate } from "./clinicClock.ts";
import { CloseAppointment } from "./CloseAppointment.tsx";
import { DRAG_TYPE } from "./moveAppointment.ts";
import { MoveAppointment } from "./MoveAppointment.tsx";
import type { AppointmentListing, ScheduleSettings } from "./types.ts";

export function AppointmentItem({
  appointment: a,
  settings,
  by,
  onChanged,
}: {
  appointment: AppointmentListing;
  settings: ScheduleSettings;
  by: "practitioner" | "room";
  onChanged: () => void;
}) {
  const zone = settings.timeZone;
  const [moving, setMoving] = useState(false);
  const where = by === "practitioner" ? a.roomName : a.practitionerName;
  const booked = a.status === "booked";
  return (
    <li
      className={`appointment ${a.status}`}
      aria-label={`${localClock(a.start, zone)} ${a.patientName}`}
      draggable={booked}
      onDragStart={(e) => e.dataTransfer.setData(DRAG_TYPE, a.id)}
    >
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
      {moving ? (
        <MoveAppointment
          appointment={a}
          settings={settings}
          onDone={(moved) => {
            setMoving(false);
            if (moved) onChanged();
          }}
        />
      ) : (
        <div className="appointment-actions">
          <VisitChartAction appointment={a} zone={zone} />
          {booked && (
            <button type="button" className="small" onClick={() => setMoving(true)}>
              Move…
            </button>
          )}
          {booked && <CloseAppointment appointment={a} onDone={onChanged} />}
        </div>
      )}
    </li>
  );
}

/** The chart of a visit that happened, or (for a practitioner, from the day itself) the start of it. */
function VisitChartAction({ appointment: a, zone }: { appointment: AppointmentListing; zone: string }) {
  const navigate = useNavigate();
  const charts = useCan("patients.clinical.write");
  const open = useSubmit(async () => {
    const chart = await api<{ visitId: string }>("POST", `/api/v1/appointments/${a.id}/visit`, {});
    void navigate(`/visits/${chart.visitId}`);
  });
  if (a.visitId) {
    return (
      <Link className="small" to={`/visits/${a.visitId}`}>
        Open the visit chart
      </Link>
    );
  }
  if (!charts || a.status !== "booked" || localDate(a.start, zone) > clinicToday(zone)) return null;
  return (
    <>
      <FormError error={open.error} />
      <button type="button" className="small primary" disabled={open.busy} onClick={() => void open.submit()}>
        Start the visit chart
      </button>
    </>
  );
}
