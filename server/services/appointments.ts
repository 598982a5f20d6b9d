/**
 * Booking, moving and closing appointments, and the calendar. Every booking
 * is checked by the domain's conflict rules (domain/scheduling/conflicts.ts)
 * inside a transaction that first locks the room and the patient rows, so
 * two desks booking the same room at once cannot both succeed. A refused
 * request writes nothing. Reads and writes are audited by patient.
 */
import { isMissed, STATUSES_WITH_REASON, type AppointmentStatus } from "../../domain/scheduling/appointment.ts";
import { daySchedule, type Interval, type PractitionerCalendar } from "../../domain/scheduling/availability.ts";
import { fromLocal, toLocal } from "../../domain/scheduling/clinicTime.ts";
import { checkBooking, type Conflict } from "../../domain/scheduling/conflicts.ts";
import type { ClinicId, PatientId } from "../../domain/shared/brand.ts";
import { addDays, type CalendarDate } from "../../domain/shared/calendarDate.ts";
import type { Database, Queryable } from "../db/database.ts";
import * as appts from "../db/repositories/appointments.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import { findPatient } from "../db/repositories/patients.ts";
import { clinicTimeZone, findAppointmentType, findRoom, listHolidays, listTimeOff, listWorkingHours } from "../db/repositories/scheduleSettings.ts";
import { findPlan } from "../db/repositories/treatmentPlans.ts";
import { fail, ok, type AppointmentConflict, type Outcome } from "../errors.ts";
import { denied, type Actor } from "./actor.ts";
import { calendarMilestones, type CalendarMilestone } from "./calendarMilestones.ts";
import { bookablePractitioners, findBookablePractitioner } from "./scheduleSettings.ts";
import { refuseUnlessOpen } from "./patientStatus.ts";

export async function practitionerCalendar(q: Queryable, clinicId: ClinicId, practitionerId: string): Promise<PractitionerCalendar> {
  const [blocks, timeOff, holidays] = await Promise.all([listWorkingHours(q, clinicId, practitionerId), listTimeOff(q, clinicId, practitionerId), listHolidays(q, clinicId)]);
  return { blocks, timeOff, holidays };
}

/** Locks the patient's row for the transaction: two bookings for one patient are checked one after the other. */
export async function lockPatient(q: Queryable, clinicId: ClinicId, patientId: string): Promise<void> {
  await q.query("select id from patients where clinic_id = $1 and id = $2 for update", [clinicId, patientId]);
}

export interface AppointmentInput {
  patientId: PatientId;
  practitionerId: string;
  roomId: string;
  typeId: string;
  start: Date;
  planId: string | null;
}

export interface BookingResult {
  appointment: appts.AppointmentRecord;
  /** The practitioner's other appointments at the same time in other rooms: allowed, shown. */
  practitionerOverlaps: string[];
}

export const conflictFailure = (conflicts: AppointmentConflict[]) => ({ ...fail("APPOINTMENT_CONFLICT", conflicts.map((c) => c.message).join(" ")), conflicts });

const asConflicts = (conflicts: Conflict[], visit?: number): AppointmentConflict[] =>
  conflicts.map((c) => ({ kind: c.kind, message: c.message, ...(c.appointmentId && { appointmentId: c.appointmentId }), ...(visit !== undefined && { visit }) }));

export async function createAppointment(db: Database, actor: Actor, input: AppointmentInput): Promise<Outcome<BookingResult>> {
  const refused = denied(actor, "appointments.book");
  if (refused) return refused;
  return db.transaction(async (tx) => {
    const closed = await refuseUnlessOpen(tx, actor.clinicId, input.patientId);
    if (closed) return closed;
    const practitioner = await findBookablePractitioner(tx, actor.clinicId, input.practitionerId);
    if (!practitioner) return fail("PRACTITIONER_NOT_FOUND");
    const type = await findAppointmentType(tx, actor.clinicId, input.typeId);
    if (!type || !type.active) return fail("APPOINTMENT_TYPE_NOT_FOUND");
    if (input.planId) {
      const plan = await findPlan(tx, actor.clinicId, input.planId).catch(() => null);
      if (!plan || plan.patientId !== input.patientId) return fail("PLAN_NOT_FOUND");
    }
    const room = await findRoom(tx, actor.clinicId, input.roomId, { lock: true });
    if (!room || !room.active) return fail("ROOM_NOT_FOUND");
    await lockPatient(tx, actor.clinicId, input.patientId);
    const booking = { ...input, end: new Date(input.start.getTime() + type.minutes * 60_000) };
    const check = await checkAgainstCalendar(tx, actor.clinicId, booking, practitioner.name, room.name);
    if (check.conflicts.length > 0) return conflictFailure(asConflicts(check.conflicts));
    const [appointment] = await appts.insertAppointments(tx, actor.clinicId, [booking], actor.userId);
    await appendAuditEvent(tx, { clinicId: actor.clinicId, userId: actor.userId, action: "create", entity: "appointment", entityId: appointment!.id, patientId: input.patientId, ip: actor.ip });
    return ok({ appointment: appointment!, practitionerOverlaps: check.practitionerOverlaps });
  });
}

/** The booking checked against the practitioner's hours and the appointments around it. */
export async function checkAgainstCalendar(
  q: Queryable,
  clinicId: ClinicId,
  booking: { id?: string; patientId: string; practitionerId: string; roomId: string; start: Date; end: Date },
  practitionerName: string,
  roomName: string,
) {
  const [zone, calendar, around] = await Promise.all([
    clinicTimeZone(q, clinicId),
    practitionerCalendar(q, clinicId, booking.practitionerId),
    appts.appointmentsAround(q, clinicId, { from: booking.start, to: booking.end }, { roomIds: [booking.roomId], practitionerIds: [booking.practitionerId], patientIds: [booking.patientId] }),
  ]);
  return checkBooking(booking, { zone, calendar, practitionerName, appointments: around, roomName });
}

export interface MoveInput {
  start: Date;
  roomId?: string | undefined;
  practitionerId?: string | undefined;
  version: number;
}

export async function moveAppointment(db: Database, actor: Actor, id: string, input: MoveInput): Promise<Outcome<BookingResult>> {
  const refused = denied(actor, "appointments.book");
  if (refused) return refused;
  return db.transaction(async (tx) => {
    const current = await appts.findAppointment(tx, actor.clinicId, id, { lock: true });
    if (!current) return fail("APPOINTMENT_NOT_FOUND");
    if (current.status !== "booked") return fail("APPOINTMENT_NOT_BOOKED");
    if (current.version !== input.version) return fail("APPOINTMENT_VERSION_CONFLICT");
    const practitioner = await findBookablePractitioner(tx, actor.clinicId, input.practitionerId ?? current.practitionerId);
    if (!practitioner) return fail("PRACTITIONER_NOT_FOUND");
    const room = await findRoom(tx, actor.clinicId, input.roomId ?? current.roomId, { lock: true });
    if (!room || !room.active) return fail("ROOM_NOT_FOUND");
    await lockPatient(tx, actor.clinicId, current.patientId);
    const length = current.end.getTime() - current.start.getTime();
    const to = { id, patientId: current.patientId, practitionerId: practitioner.id, roomId: room.id, start: input.start, end: new Date(input.start.getTime() + length) };
    const check = await checkAgainstCalendar(tx, actor.clinicId, to, practitioner.name, room.name);
    if (check.conflicts.length > 0) return conflictFailure(asConflicts(check.conflicts));
    const moved = await appts.moveAppointment(tx, actor.clinicId, id, to);
    await appendAuditEvent(tx, { clinicId: actor.clinicId, userId: actor.userId, action: "update", entity: "appointment", entityId: id, patientId: current.patientId as PatientId, ip: actor.ip, detail: { change: "moved" } });
    return ok({ appointment: moved, practitionerOverlaps: check.practitionerOverlaps });
  });
}

export async function closeAppointment(db: Database, actor: Actor, id: string, input: { status: Exclude<AppointmentStatus, "booked">; reason: string | null; version: number }): Promise<Outcome<appts.AppointmentRecord>> {
  const refused = denied(actor, "appointments.book");
  if (refused) return refused;
  const needsReason = STATUSES_WITH_REASON.includes(input.status);
  if (needsReason && !input.reason) return fail("VALIDATION_FAILED", "Say why: a cancellation, late cancellation or no-show is recorded with its reason.", { reason: "Give the reason." });
  return db.transaction(async (tx) => {
    const current = await appts.findAppointment(tx, actor.clinicId, id, { lock: true });
    if (!current) return fail("APPOINTMENT_NOT_FOUND");
    if (current.status !== "booked") return fail("APPOINTMENT_NOT_BOOKED");
    if (current.version !== input.version) return fail("APPOINTMENT_VERSION_CONFLICT");
    const closed = await appts.setAppointmentStatus(tx, actor.clinicId, id, input.status, needsReason ? input.reason : null);
    await appendAuditEvent(tx, { clinicId: actor.clinicId, userId: actor.userId, action: "update", entity: "appointment", entityId: id, patientId: current.patientId as PatientId, ip: actor.ip, detail: { status: input.status } });
    return ok(closed);
  });
}

export interface CalendarDay {
  date: CalendarDate;
  /** Bookable local times, "HH:MM" minutes of the day. */
  open: Interval[];
  closures: { start: number; end: number; reason: string }[];
}

export interface CalendarView {
  timeZone: string;
  from: CalendarDate;
  days: number;
  appointments: (appts.AppointmentListing & { practitionerOverlap: boolean })[];
  practitioners: { id: string; name: string; days: CalendarDay[] }[];
  /** Re-evaluations and follow-up milestones due on the days shown (services/calendarMilestones.ts). */
  milestones: CalendarMilestone[];
}

/** Days of the calendar from a local date, per practitioner or room; lists are audited with the patients shown. */
export async function calendar(
  db: Database,
  actor: Actor,
  query: { from: CalendarDate; days: number; practitionerId?: string | undefined; roomId?: string | undefined },
): Promise<Outcome<CalendarView>> {
  const refused = denied(actor, "appointments.book");
  if (refused) return refused;
  const zone = await clinicTimeZone(db, actor.clinicId);
  const window = { from: fromLocal(query.from, 0, zone), to: fromLocal(addDays(query.from, query.days), 0, zone) };
  const listed = await appts.listAppointments(db, actor.clinicId, window, { practitionerId: query.practitionerId, roomId: query.roomId });
  const holding = listed.filter((a) => a.status === "booked" || a.status === "done");
  const appointments = listed.map((a) => ({
    ...a,
    practitionerOverlap: (a.status === "booked" || a.status === "done") && holding.some((b) => b.id !== a.id && b.practitionerId === a.practitionerId && b.start < a.end && a.start < b.end),
  }));
  const everyone = await bookablePractitioners(db, actor.clinicId);
  const shown = query.practitionerId ? everyone.filter((p) => p.id === query.practitionerId) : everyone;
  const practitioners = [];
  for (const p of shown) {
    const cal = await practitionerCalendar(db, actor.clinicId, p.id);
    const days = Array.from({ length: query.days }, (_, i) => {
      const day = daySchedule(cal, addDays(query.from, i));
      return { date: day.date, open: day.open, closures: day.closures };
    });
    practitioners.push({ ...p, days });
  }
  // A calendar for one practitioner or room is about its appointments; the clinic's markers belong to the whole view.
  const milestones = query.practitionerId || query.roomId ? [] : await calendarMilestones(db, actor.clinicId, query.from, addDays(query.from, query.days - 1), toLocal(new Date(), zone).date);
  await appendAuditEvent(db, {
    clinicId: actor.clinicId,
    userId: actor.userId,
    action: "list",
    entity: "appointment",
    ip: actor.ip,
    detail: { from: query.from, days: query.days, shown: [...new Set([...listed.map((a) => a.patientId), ...milestones.map((m) => m.patientId)])] },
  });
  return ok({ timeZone: zone, from: query.from, days: query.days, appointments, practitioners, milestones });
}

export interface PatientAppointments {
  timeZone: string;
  appointments: appts.AppointmentListing[];
  /** No-shows and late cancellations: the patient page's count. */
  missed: number;
}

export async function appointmentsOfPatient(db: Database, actor: Actor, patientId: PatientId): Promise<Outcome<PatientAppointments>> {
  const refused = denied(actor, "appointments.book");
  if (refused) return refused;
  if (!(await findPatient(db, actor.clinicId, patientId))) return fail("PATIENT_NOT_FOUND");
  const zone = await clinicTimeZone(db, actor.clinicId);
  const listed = await appts.listAppointments(db, actor.clinicId, { from: new Date("1900-01-01T00:00:00Z"), to: new Date("9999-01-01T00:00:00Z") }, { patientId });
  await appendAuditEvent(db, { clinicId: actor.clinicId, userId: actor.userId, action: "read", entity: "appointment", patientId, ip: actor.ip, detail: { count: listed.length } });
  return ok({ timeZone: zone, appointments: listed, missed: listed.filter((a) => isMissed(a.status)).length });
}

/** The local date of an instant in the clinic's zone (Medicare counts visits by day). */
export function localDateOf(instant: Date, zone: string): CalendarDate {
  return toLocal(instant, zone).date;
}
