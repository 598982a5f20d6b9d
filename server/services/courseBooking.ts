/**
 * Book the course from the plan. `proposeCourseFor` lays the plan's
 * remaining visits on the practitioner's free time (domain/scheduling/
 * coursePlanner.ts) and, for a Medicare patient, adds NCD 30.3.3 warnings
 * (domain/scheduling/medicareCourse.ts); it writes nothing. `bookCourse`
 * writes the list the front desk confirmed, in one transaction: every visit
 * is checked against the calendar and the visits before it, and one refusal
 * refuses them all.
 */
import type { CoverageStatus } from "../../domain/coverage/types.ts";
import { overallStatus } from "../../domain/outcomes/trajectory.ts";
import type { BookedAppointment } from "../../domain/scheduling/appointment.ts";
import { formatClock, toLocal, type MinuteOfDay } from "../../domain/scheduling/clinicTime.ts";
import { checkBooking } from "../../domain/scheduling/conflicts.ts";
import { proposeCourse, remainingSchedule, type UnplacedVisit } from "../../domain/scheduling/coursePlanner.ts";
import { medicareCourseWarnings, type CourseWarning } from "../../domain/scheduling/medicareCourse.ts";
import type { ClinicId, PatientId } from "../../domain/shared/brand.ts";
import { addDays, type CalendarDate } from "../../domain/shared/calendarDate.ts";
import type { Database, Queryable } from "../db/database.ts";
import * as appts from "../db/repositories/appointments.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import { findPatientCoverage, listVisitClaims } from "../db/repositories/coverage.ts";
import { clinicTimeZone, findAppointmentType, findRoom, listRooms } from "../db/repositories/scheduleSettings.ts";
import { findPlan, type PlanRecord } from "../db/repositories/treatmentPlans.ts";
import { listAmendments, listVisits } from "../db/repositories/visits.ts";
import { fail, ok, type AppointmentConflict, type Outcome } from "../errors.ts";
import { denied, type Actor } from "./actor.ts";
import { conflictFailure, lockPatient, practitionerCalendar } from "./appointments.ts";
import { measuredTrajectories } from "./outcomes.ts";
import { refuseUnlessOpen } from "./patientStatus.ts";
import { findBookablePractitioner } from "./scheduleSettings.ts";

/** The trajectory's words as the coverage engines read them (as server/services/coverage.ts maps them). */
const STATUS: Record<string, CoverageStatus> = { improving: "improving", "not improving": "not-improving", regressing: "regressing" };

export interface ProposalInput {
  practitionerId: string;
  typeId: string;
  startOn: CalendarDate;
  preferredStart: MinuteOfDay | null;
}

export interface ProposedVisitView {
  number: number;
  week: number;
  start: string;
  end: string;
  roomId: string;
  roomName: string;
  localDate: CalendarDate;
  localTime: string;
  warnings: string[];
}

export interface CourseProposalView {
  planId: string;
  schedule: string;
  plannedVisits: number;
  /** Signed visits of the plan and appointments already booked for it: not proposed again. */
  alreadyCounted: number;
  timeZone: string;
  practitionerId: string;
  typeId: string;
  minutes: number;
  visits: ProposedVisitView[];
  unplaced: UnplacedVisit[];
  payer: "medicare" | "plan" | "self-pay" | null;
  warnings: CourseWarning[];
}

async function planOf(q: Queryable, clinicId: ClinicId, planId: string): Promise<PlanRecord | null> {
  return findPlan(q, clinicId, planId).catch(() => null);
}

/** Visits of the plan already done (signed) or booked, which the proposal leaves out. */
async function countedForPlan(q: Queryable, clinicId: ClinicId, plan: PlanRecord): Promise<number> {
  const signed = (await listVisits(q, clinicId, plan.patientId)).filter((v) => v.planId === plan.id && v.status === "signed").length;
  const [row] = await q.query<{ n: number }>("select count(*)::int as n from appointments where clinic_id = $1 and plan_id = $2 and status = 'booked'", [clinicId, plan.id]);
  return signed + Number(row!.n);
}

/**
 * The local days NCD 30.3.3 counts before the course: signed visits whose
 * claim in force names Medicare (not entered in error), and appointments
 * booked but not yet charted.
 */
async function medicareDaysBefore(q: Queryable, clinicId: ClinicId, patientId: PatientId, zone: string): Promise<CalendarDate[]> {
  const signed = (await listVisits(q, clinicId, patientId)).filter((v) => v.status === "signed");
  const ids = signed.map((v) => v.id);
  const inError = new Set((await listAmendments(q, clinicId, ids)).filter((a) => a.enteredInError).map((a) => a.visitId));
  const inForce = new Map((await listVisitClaims(q, clinicId, ids)).map((c) => [c.visitId, c.payer]));
  const days = signed.filter((v) => !inError.has(v.id) && inForce.get(v.id) === "medicare").map((v) => v.visitOn);
  for (const a of await appts.patientAppointmentTimes(q, clinicId, patientId)) if (!a.visitId) days.push(toLocal(a.start, zone).date);
  return days.sort();
}

export async function proposeCourseFor(db: Database, actor: Actor, planId: string, input: ProposalInput, now: Date): Promise<Outcome<CourseProposalView>> {
  const refused = denied(actor, "appointments.book");
  if (refused) return refused;
  const plan = await planOf(db, actor.clinicId, planId);
  if (!plan) return fail("PLAN_NOT_FOUND");
  const closed = await refuseUnlessOpen(db, actor.clinicId, plan.patientId);
  if (closed) return closed;
  const practitioner = await findBookablePractitioner(db, actor.clinicId, input.practitionerId);
  if (!practitioner) return fail("PRACTITIONER_NOT_FOUND");
  const type = await findAppointmentType(db, actor.clinicId, input.typeId);
  if (!type || !type.active) return fail("APPOINTMENT_TYPE_NOT_FOUND");
  const zone = await clinicTimeZone(db, actor.clinicId);
  const rooms = (await listRooms(db, actor.clinicId)).filter((r) => r.active);
  const counted = await countedForPlan(db, actor.clinicId, plan);
  const remaining = Math.max(0, plan.plannedVisits - counted);
  // The course continues where the patient is: visits done or booked come off the front of the schedule.
  const phases = remainingSchedule(plan.phases, counted);
  const totalWeeks = phases.reduce((sum, p) => sum + p.weeks, 0);
  const span = { from: new Date(Date.parse(`${input.startOn}T00:00:00Z`) - 86_400_000), to: new Date(Date.parse(`${addDays(input.startOn, totalWeeks * 7)}T00:00:00Z`) + 86_400_000) };
  const around = await appts.appointmentsAround(db, actor.clinicId, span, { roomIds: rooms.map((r) => r.id), practitionerIds: [practitioner.id], patientIds: [plan.patientId] });
  const proposal = proposeCourse({
    phases,
    startOn: input.startOn,
    visits: remaining,
    zone,
    practitionerId: practitioner.id,
    practitionerName: practitioner.name,
    patientId: plan.patientId,
    calendar: await practitionerCalendar(db, actor.clinicId, practitioner.id),
    rooms,
    appointments: around,
    minutes: type.minutes,
    notBefore: now,
    ...(input.preferredStart !== null && { preferredStart: input.preferredStart }),
  });
  const coverage = await findPatientCoverage(db, actor.clinicId, plan.patientId);
  let warnings: CourseWarning[] = [];
  if (coverage?.payer === "medicare") {
    const { trajectories } = await measuredTrajectories(db, actor.clinicId, plan.patientId);
    const status = trajectories.length > 0 ? (STATUS[overallStatus(trajectories).status] ?? "unknown") : "unknown";
    const prior = await medicareDaysBefore(db, actor.clinicId, plan.patientId, zone);
    warnings = medicareCourseWarnings(proposal.visits.map((v) => v.localDate), prior, status);
  }
  await appendAuditEvent(db, { clinicId: actor.clinicId, userId: actor.userId, action: "read", entity: "course_booking", entityId: plan.id, patientId: plan.patientId, ip: actor.ip, detail: { proposed: proposal.visits.length } });
  const roomName = new Map(rooms.map((r) => [r.id, r.name]));
  return ok({
    planId: plan.id,
    schedule: plan.schedule,
    plannedVisits: plan.plannedVisits,
    alreadyCounted: counted,
    timeZone: zone,
    practitionerId: practitioner.id,
    typeId: type.id,
    minutes: type.minutes,
    visits: proposal.visits.map((v) => ({
      number: v.number,
      week: v.week,
      start: v.start.toISOString(),
      end: v.end.toISOString(),
      roomId: v.roomId,
      roomName: roomName.get(v.roomId) ?? "",
      localDate: v.localDate,
      localTime: formatClock(toLocal(v.start, zone).minute),
      warnings: warnings.filter((w) => w.number === v.number).map((w) => w.message),
    })),
    unplaced: proposal.unplaced,
    payer: coverage?.payer ?? null,
    warnings,
  });
}

export interface CourseBookingInput {
  practitionerId: string;
  typeId: string;
  visits: { start: Date; roomId: string }[];
}

/** Writes the confirmed visits, all or none. */
export async function bookCourse(db: Database, actor: Actor, planId: string, input: CourseBookingInput): Promise<Outcome<{ planId: string; appointments: appts.AppointmentRecord[] }>> {
  const refused = denied(actor, "appointments.book");
  if (refused) return refused;
  if (input.visits.length === 0) return fail("COURSE_NOTHING_TO_BOOK");
  return db.transaction(async (tx) => {
    const plan = await planOf(tx, actor.clinicId, planId);
    if (!plan) return fail("PLAN_NOT_FOUND");
    const closed = await refuseUnlessOpen(tx, actor.clinicId, plan.patientId);
    if (closed) return closed;
    const practitioner = await findBookablePractitioner(tx, actor.clinicId, input.practitionerId);
    if (!practitioner) return fail("PRACTITIONER_NOT_FOUND");
    const type = await findAppointmentType(tx, actor.clinicId, input.typeId);
    if (!type || !type.active) return fail("APPOINTMENT_TYPE_NOT_FOUND");
    // Rooms locked in one order, then the patient, so concurrent bookings wait rather than deadlock.
    const roomIds = [...new Set(input.visits.map((v) => v.roomId))].sort();
    const rooms = new Map<string, string>();
    for (const id of roomIds) {
      const room = await findRoom(tx, actor.clinicId, id, { lock: true }).catch(() => null);
      if (!room || !room.active) return fail("ROOM_NOT_FOUND", `Visit ${input.visits.findIndex((v) => v.roomId === id) + 1}: no such room in this clinic.`);
      rooms.set(id, room.name);
    }
    await lockPatient(tx, actor.clinicId, plan.patientId);
    const zone = await clinicTimeZone(tx, actor.clinicId);
    const calendar = await practitionerCalendar(tx, actor.clinicId, practitioner.id);
    const bookings = input.visits.map((v) => ({ patientId: plan.patientId, practitionerId: practitioner.id, roomId: v.roomId, typeId: type.id, start: v.start, end: new Date(v.start.getTime() + type.minutes * 60_000), planId: plan.id }));
    const span = { from: new Date(Math.min(...bookings.map((b) => b.start.getTime()))), to: new Date(Math.max(...bookings.map((b) => b.end.getTime()))) };
    const taken: BookedAppointment[] = await appts.appointmentsAround(tx, actor.clinicId, span, { roomIds, practitionerIds: [practitioner.id], patientIds: [plan.patientId] });
    const conflicts: AppointmentConflict[] = [];
    bookings.forEach((b, i) => {
      const check = checkBooking(b, { zone, calendar, practitionerName: practitioner.name, appointments: taken, roomName: rooms.get(b.roomId)! });
      for (const c of check.conflicts) conflicts.push({ kind: c.kind, message: `Visit ${i + 1}: ${c.message}`, visit: i + 1, ...(c.appointmentId && !c.appointmentId.startsWith("course-") && { appointmentId: c.appointmentId }) });
      taken.push({ ...b, id: `course-${i + 1}`, status: "booked" });
    });
    if (conflicts.length > 0) return conflictFailure(conflicts);
    const written = await appts.insertAppointments(tx, actor.clinicId, bookings, actor.userId);
    await appendAuditEvent(tx, {
      clinicId: actor.clinicId,
      userId: actor.userId,
      action: "create",
      entity: "course_booking",
      entityId: plan.id,
      patientId: plan.patientId,
      ip: actor.ip,
      detail: { appointments: written.map((a) => a.id) },
    });
    return ok({ planId: plan.id, appointments: written });
  });
}
