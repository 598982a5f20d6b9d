/**
 * Appointments and the statuses they move through. Times are UTC instants;
 * the clinic's zone only decides how they are shown and which working hours
 * they fall in.
 */
export const APPOINTMENT_STATUSES = ["booked", "done", "no-show", "late-cancel", "cancelled"] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/** Statuses that need a reason in words: the front desk's record of why a visit did not happen. */
export const STATUSES_WITH_REASON: readonly AppointmentStatus[] = ["no-show", "late-cancel", "cancelled"];

/** A booked or attended appointment holds its room, its patient and its slot; the others free them. */
export function holdsTime(status: AppointmentStatus): boolean {
  return status === "booked" || status === "done";
}

/** A missed appointment, counted on the patient page. */
export function isMissed(status: AppointmentStatus): boolean {
  return status === "no-show" || status === "late-cancel";
}

export const STATUS_LABELS: Record<AppointmentStatus, string> = {
  booked: "booked",
  done: "done",
  "no-show": "no-show",
  "late-cancel": "late cancellation",
  cancelled: "cancelled",
};

/** What the conflict rules need to know of an appointment. */
export interface Booking {
  id?: string;
  patientId: string;
  practitionerId: string;
  roomId: string;
  start: Date;
  end: Date;
}

export interface BookedAppointment extends Booking {
  id: string;
  status: AppointmentStatus;
}

export function overlaps(a: { start: Date; end: Date }, b: { start: Date; end: Date }): boolean {
  return a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();
}

/**
 * The kinds of appointment a clinic offers, with editable default durations.
 * The minutes are Acuback's starting configuration, not clinical facts: the
 * first visit is longer because it holds the intake and screening; the clinic
 * sets its own.
 */
export const APPOINTMENT_KINDS = ["first-visit", "follow-up", "re-evaluation", "other"] as const;
export type AppointmentKind = (typeof APPOINTMENT_KINDS)[number];

export const DEFAULT_APPOINTMENT_TYPES: readonly { name: string; kind: AppointmentKind; minutes: number }[] = [
  { name: "First visit with intake", kind: "first-visit", minutes: 90 },
  { name: "Follow-up treatment", kind: "follow-up", minutes: 60 },
  { name: "Re-evaluation", kind: "re-evaluation", minutes: 60 },
];

/** Limits that catch typing slips, not clinical rules. */
export const APPOINTMENT_MINUTES = { min: 5, max: 480 } as const;
