/**
 * The clinic's scheduling settings: time zone, rooms, appointment types,
 * holidays (owners), and practitioners' working hours and time off (owners
 * for anyone, practitioners for themselves). Everyone who books reads them.
 * Changes are audited; none touches patient data.
 */
import { can } from "../../domain/access/roles.ts";
import type { AuditEntity } from "../../domain/access/auditVocabulary.ts";
import type { AppointmentKind } from "../../domain/scheduling/appointment.ts";
import { weekProblem, type ClinicHoliday, type TimeOff, type WeeklyBlock } from "../../domain/scheduling/availability.ts";
import { isTimeZone } from "../../domain/scheduling/clinicTime.ts";
import type { ClinicId, UserId } from "../../domain/shared/brand.ts";
import type { Database, Queryable } from "../db/database.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import { isUniqueViolation } from "../db/repositories/rows.ts";
import * as repo from "../db/repositories/scheduleSettings.ts";
import { findUser } from "../db/repositories/users.ts";
import { listUsers } from "../db/repositories/users.ts";
import { fail, ok, type Outcome } from "../errors.ts";
import { denied, type Actor } from "./actor.ts";

export interface PractitionerSchedule {
  id: string;
  name: string;
  hours: Omit<WeeklyBlock, "practitionerId">[];
  timeOff: repo.TimeOffRecord[];
}

export interface ScheduleSettings {
  timeZone: string;
  rooms: repo.Room[];
  appointmentTypes: repo.AppointmentType[];
  holidays: repo.HolidayRecord[];
  practitioners: PractitionerSchedule[];
}

/** Active staff who see patients: practitioners, and owners (many owners treat). */
export async function bookablePractitioners(q: Queryable, clinicId: ClinicId): Promise<{ id: string; name: string }[]> {
  return (await listUsers(q, clinicId)).filter((u) => u.active && (u.role === "practitioner" || u.role === "owner")).map((u) => ({ id: u.id, name: u.displayName }));
}

export async function findBookablePractitioner(q: Queryable, clinicId: ClinicId, id: string): Promise<{ id: string; name: string } | null> {
  const user = await findUser(q, clinicId, id as UserId).catch(() => null);
  return user && user.active && (user.role === "practitioner" || user.role === "owner") ? { id: user.id, name: user.displayName } : null;
}

export async function scheduleSettings(db: Database, actor: Actor): Promise<Outcome<ScheduleSettings>> {
  const refused = denied(actor, "appointments.book");
  if (refused) return refused;
  const [timeZone, rooms, appointmentTypes, holidays, practitioners, hours, timeOff] = await Promise.all([
    repo.clinicTimeZone(db, actor.clinicId),
    repo.listRooms(db, actor.clinicId),
    repo.listAppointmentTypes(db, actor.clinicId),
    repo.listHolidays(db, actor.clinicId),
    bookablePractitioners(db, actor.clinicId),
    repo.listWorkingHours(db, actor.clinicId),
    repo.listTimeOff(db, actor.clinicId),
  ]);
  return ok({
    timeZone,
    rooms,
    appointmentTypes,
    holidays,
    practitioners: practitioners.map((p) => ({
      ...p,
      hours: hours.filter((h) => h.practitionerId === p.id).map(({ weekday, kind, start, end }) => ({ weekday, kind, start, end })),
      timeOff: timeOff.filter((t) => t.practitionerId === p.id),
    })),
  });
}

async function audited<T>(db: Database, actor: Actor, entity: AuditEntity, action: "create" | "update" | "delete", work: (tx: Queryable) => Promise<Outcome<T & { id?: string }>>, detail?: Record<string, string>) {
  return db.transaction(async (tx) => {
    const result = await work(tx);
    if (result.ok) await appendAuditEvent(tx, { clinicId: actor.clinicId, userId: actor.userId, action, entity, entityId: result.value.id ?? null, ip: actor.ip, ...(detail && { detail }) });
    return result;
  });
}

export async function setClinicTimeZone(db: Database, actor: Actor, timeZone: string): Promise<Outcome<{ timeZone: string }>> {
  const refused = denied(actor, "clinic.configure");
  if (refused) return refused;
  if (!isTimeZone(timeZone)) return fail("VALIDATION_FAILED", `"${timeZone}" is not a time zone this server knows; write an IANA name such as America/New_York.`, { timeZone: "Not a known IANA time zone." });
  return audited(db, actor, "clinic_time_zone", "update", async (tx) => {
    await repo.saveClinicTimeZone(tx, actor.clinicId, timeZone);
    return ok({ timeZone });
  }, { timeZone });
}

export async function addRoom(db: Database, actor: Actor, name: string): Promise<Outcome<repo.Room>> {
  const refused = denied(actor, "clinic.configure");
  if (refused) return refused;
  try {
    return await audited(db, actor, "room", "create", async (tx) => ok(await repo.insertRoom(tx, actor.clinicId, name)));
  } catch (error) {
    if (isUniqueViolation(error, "rooms_clinic_id_name_key")) return fail("ROOM_NAME_TAKEN");
    throw error;
  }
}

export async function changeRoom(db: Database, actor: Actor, id: string, fields: { name?: string | undefined; active?: boolean | undefined }): Promise<Outcome<repo.Room>> {
  const refused = denied(actor, "clinic.configure");
  if (refused) return refused;
  try {
    return await audited(db, actor, "room", "update", async (tx) => {
      const room = await repo.findRoom(tx, actor.clinicId, id);
      if (!room) return fail("ROOM_NOT_FOUND");
      return ok((await repo.updateRoom(tx, actor.clinicId, id, { name: fields.name ?? room.name, active: fields.active ?? room.active }))!);
    });
  } catch (error) {
    if (isUniqueViolation(error, "rooms_clinic_id_name_key")) return fail("ROOM_NAME_TAKEN");
    throw error;
  }
}

export async function addAppointmentType(db: Database, actor: Actor, type: { name: string; kind: AppointmentKind; minutes: number }): Promise<Outcome<repo.AppointmentType>> {
  const refused = denied(actor, "clinic.configure");
  if (refused) return refused;
  try {
    return await audited(db, actor, "appointment_type", "create", async (tx) => ok(await repo.insertAppointmentType(tx, actor.clinicId, type)));
  } catch (error) {
    if (isUniqueViolation(error, "appointment_types_clinic_id_name_key")) return fail("APPOINTMENT_TYPE_NAME_TAKEN");
    throw error;
  }
}

export async function changeAppointmentType(
  db: Database,
  actor: Actor,
  id: string,
  fields: Partial<{ name: string; kind: AppointmentKind; minutes: number; active: boolean }>,
): Promise<Outcome<repo.AppointmentType>> {
  const refused = denied(actor, "clinic.configure");
  if (refused) return refused;
  try {
    return await audited(db, actor, "appointment_type", "update", async (tx) => {
      const type = await repo.findAppointmentType(tx, actor.clinicId, id);
      if (!type) return fail("APPOINTMENT_TYPE_NOT_FOUND");
      const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
      return ok((await repo.updateAppointmentType(tx, actor.clinicId, id, { ...type, ...defined }))!);
    });
  } catch (error) {
    if (isUniqueViolation(error, "appointment_types_clinic_id_name_key")) return fail("APPOINTMENT_TYPE_NAME_TAKEN");
    throw error;
  }
}

/** Owners keep anyone's hours; a practitioner keeps their own. */
function refuseHours(actor: Actor, practitionerId: string) {
  if (can(actor.role, "clinic.configure")) return null;
  if (can(actor.role, "hours.own") && actor.userId === practitionerId) return null;
  return fail("FORBIDDEN", can(actor.role, "hours.own") ? "A practitioner keeps their own hours and time off; ask an owner to change someone else's." : `The ${actor.role} role cannot do this.`);
}

export async function replaceWeek(db: Database, actor: Actor, practitionerId: string, blocks: Omit<WeeklyBlock, "practitionerId">[]): Promise<Outcome<{ id: string; hours: Omit<WeeklyBlock, "practitionerId">[] }>> {
  const refused = refuseHours(actor, practitionerId);
  if (refused) return refused;
  const problem = weekProblem(blocks);
  if (problem) return fail("VALIDATION_FAILED", problem, { blocks: problem });
  return audited(db, actor, "working_hours", "update", async (tx) => {
    if (!(await findBookablePractitioner(tx, actor.clinicId, practitionerId))) return fail("PRACTITIONER_NOT_FOUND");
    await repo.replaceWorkingHours(tx, actor.clinicId, practitionerId, blocks);
    return ok({ id: practitionerId, hours: (await repo.listWorkingHours(tx, actor.clinicId, practitionerId)).map(({ weekday, kind, start, end }) => ({ weekday, kind, start, end })) });
  });
}

export async function addTimeOff(db: Database, actor: Actor, entry: TimeOff): Promise<Outcome<repo.TimeOffRecord>> {
  const refused = refuseHours(actor, entry.practitionerId);
  if (refused) return refused;
  if (entry.toOn !== null && entry.toOn < entry.fromOn) return fail("VALIDATION_FAILED", "The time off must end on or after the day it starts.", { toOn: "Before the first day." });
  if (entry.weekday === null && entry.toOn === null) return fail("VALIDATION_FAILED", "Time off on every day needs a last day; repeat it weekly by choosing a weekday.", { toOn: "Give the last day." });
  if ((entry.start === null) !== (entry.end === null) || (entry.start !== null && entry.end! <= entry.start)) {
    return fail("VALIDATION_FAILED", "Give both times, the end after the start, or neither for whole days.", { end: "Must be after the start." });
  }
  return audited(db, actor, "time_off", "create", async (tx) => {
    if (!(await findBookablePractitioner(tx, actor.clinicId, entry.practitionerId))) return fail("PRACTITIONER_NOT_FOUND");
    return ok(await repo.insertTimeOff(tx, actor.clinicId, entry, actor.userId));
  });
}

export async function removeTimeOff(db: Database, actor: Actor, id: string): Promise<Outcome<{ id: string }>> {
  const entry = await repo.findTimeOff(db, actor.clinicId, id);
  if (!entry) return fail("TIME_OFF_NOT_FOUND");
  const refused = refuseHours(actor, entry.practitionerId);
  if (refused) return refused;
  return audited(db, actor, "time_off", "delete", async (tx) => {
    await repo.deleteTimeOff(tx, actor.clinicId, id);
    return ok({ id });
  });
}

export async function addHoliday(db: Database, actor: Actor, holiday: ClinicHoliday): Promise<Outcome<repo.HolidayRecord>> {
  const refused = denied(actor, "clinic.configure");
  if (refused) return refused;
  try {
    return await audited(db, actor, "clinic_holiday", "create", async (tx) => ok(await repo.insertHoliday(tx, actor.clinicId, holiday)));
  } catch (error) {
    if (isUniqueViolation(error, "clinic_holidays_clinic_id_on_date_key")) return fail("HOLIDAY_EXISTS");
    throw error;
  }
}

export async function removeHoliday(db: Database, actor: Actor, id: string): Promise<Outcome<{ id: string }>> {
  const refused = denied(actor, "clinic.configure");
  if (refused) return refused;
  return audited(db, actor, "clinic_holiday", "delete", async (tx) => ((await repo.deleteHoliday(tx, actor.clinicId, id)) ? ok({ id }) : fail("HOLIDAY_NOT_FOUND")));
}
