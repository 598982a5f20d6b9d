/**
 * Whether an appointment can be booked where and when it is asked for, and
 * if not, why, in plain words.
 *
 * Refused: the room already holds another appointment then; the time is
 * outside the practitioner's working hours, or in a break, time off or a
 * clinic holiday; the patient already has an appointment then.
 * Allowed and shown: the practitioner's other appointments at the same time
 * in other rooms. With needles retained for 20–30 minutes a practitioner
 * treats the next patient in another room while the first rests, so a
 * practitioner overlap is normal practice, not a conflict.
 */
import { daySchedule, type PractitionerCalendar } from "./availability.ts";
import { formatClock, toLocal, weekdayOf } from "./clinicTime.ts";
import { holdsTime, overlaps, type BookedAppointment, type Booking } from "./appointment.ts";

export type ConflictKind = "room-taken" | "patient-busy" | "outside-hours" | "break" | "time-off" | "holiday" | "invalid-time";

export interface Conflict {
  kind: ConflictKind;
  message: string;
  /** The appointment it clashes with, when there is one. */
  appointmentId?: string;
}

export interface BookingCheck {
  conflicts: Conflict[];
  /** The practitioner's other appointments at the same time in other rooms: allowed, listed so the calendar shows them. */
  practitionerOverlaps: string[];
}

export interface BookingContext {
  zone: string;
  /** The practitioner's hours, breaks and time off, and the clinic's holidays. */
  calendar: PractitionerCalendar;
  practitionerName: string;
  /** Appointments around the time (any status; only booked and done ones hold time). */
  appointments: readonly BookedAppointment[];
  roomName?: string;
}

const when = (start: Date, zone: string) => formatClock(toLocal(start, zone).minute);

/** The conflicts of `booking` (empty when it can be booked), ignoring the appointment it moves (`booking.id`). */
export function checkBooking(booking: Booking, context: BookingContext): BookingCheck {
  const conflicts: Conflict[] = [];
  if (!(booking.end.getTime() > booking.start.getTime())) {
    return { conflicts: [{ kind: "invalid-time", message: "The appointment must end after it starts." }], practitionerOverlaps: [] };
  }
  conflicts.push(...hoursConflicts(booking, context));
  const others = context.appointments.filter((a) => a.id !== booking.id && holdsTime(a.status) && overlaps(a, booking));
  const practitionerOverlaps: string[] = [];
  for (const other of others) {
    if (other.roomId === booking.roomId) {
      conflicts.push({
        kind: "room-taken",
        message: `${context.roomName ?? "The room"} is already booked from ${when(other.start, context.zone)} to ${when(other.end, context.zone)}.`,
        appointmentId: other.id,
      });
    } else if (other.patientId === booking.patientId) {
      conflicts.push({
        kind: "patient-busy",
        message: `The patient already has an appointment from ${when(other.start, context.zone)} to ${when(other.end, context.zone)}.`,
        appointmentId: other.id,
      });
    } else if (other.practitionerId === booking.practitionerId) {
      practitionerOverlaps.push(other.id);
    }
  }
  return { conflicts, practitionerOverlaps };
}

/** Outside the practitioner's hours, in a break, time off or a holiday. */
function hoursConflicts(booking: Booking, context: BookingContext): Conflict[] {
  const { zone, calendar, practitionerName } = context;
  const start = toLocal(booking.start, zone);
  const endLocal = toLocal(booking.end, zone);
  const span = `${formatClock(start.minute)}–${formatClock(endLocal.minute)}`;
  const endMinute = endLocal.date === start.date ? endLocal.minute : endLocal.minute === 0 ? 1440 : Number.POSITIVE_INFINITY;
  const day = daySchedule(calendar, start.date);
  if (day.holiday) return [{ kind: "holiday", message: `The clinic is closed on ${start.date} (${day.holiday.name}).` }];
  if (day.open.some((i) => i.start <= start.minute && endMinute <= i.end)) return [];
  const inWork = calendar.blocks.filter((b) => b.kind === "work" && b.weekday === weekdayOf(start.date));
  const withinWorkBlock = inWork.some((b) => b.start <= start.minute && endMinute <= b.end);
  if (withinWorkBlock) {
    const closure = day.closures.find((c) => c.start < endMinute && start.minute < c.end);
    if (closure) {
      const kind = closure.reason.startsWith("a break") ? "break" : "time-off";
      return [{ kind, message: `${span} on ${start.date} falls in ${practitionerName}'s ${closure.reason} (${formatClock(closure.start)}–${formatClock(closure.end)}).` }];
    }
  }
  const hours = inWork.map((b) => `${formatClock(b.start)}–${formatClock(b.end)}`).join(", ");
  const closure = day.closures.find((c) => c.start < endMinute && start.minute < c.end && c.reason.startsWith("time off"));
  if (closure) return [{ kind: "time-off", message: `${span} on ${start.date} falls in ${practitionerName}'s ${closure.reason}.` }];
  return [
    {
      kind: "outside-hours",
      message: hours
        ? `${span} on ${start.date} is outside ${practitionerName}'s working hours that day (${hours}).`
        : `${practitionerName} does not work on ${start.date} (no working hours that weekday).`,
    },
  ];
}
