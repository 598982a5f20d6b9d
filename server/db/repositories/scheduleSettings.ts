/**
 * The clinic's scheduling data: its time zone, rooms, appointment types,
 * practitioners' working hours and time off, and holidays. Every query is
 * scoped by clinic.
 */
import type { ClinicId } from "../../../domain/shared/brand.ts";
import type { CalendarDate } from "../../../domain/shared/calendarDate.ts";
import type { AppointmentKind } from "../../../domain/scheduling/appointment.ts";
import type { ClinicHoliday, TimeOff, WeeklyBlock } from "../../../domain/scheduling/availability.ts";
import type { Weekday } from "../../../domain/scheduling/clinicTime.ts";
import type { Queryable } from "../database.ts";

export async function clinicTimeZone(q: Queryable, clinicId: ClinicId): Promise<string> {
  const [row] = await q.query<{ time_zone: string }>("select time_zone from clinics where id = $1", [clinicId]);
  return row?.time_zone ?? "UTC";
}

export async function saveClinicTimeZone(q: Queryable, clinicId: ClinicId, zone: string): Promise<void> {
  await q.query("update clinics set time_zone = $2 where id = $1", [clinicId, zone]);
}

export interface Room {
  id: string;
  name: string;
  active: boolean;
}

export async function listRooms(q: Queryable, clinicId: ClinicId): Promise<Room[]> {
  return q.query<Room>("select id, name, active from rooms where clinic_id = $1 order by name", [clinicId]);
}

export async function findRoom(q: Queryable, clinicId: ClinicId, id: string, options: { lock?: boolean } = {}): Promise<Room | null> {
  const [row] = await q.query<Room>(`select id, name, active from rooms where clinic_id = $1 and id = $2${options.lock ? " for update" : ""}`, [clinicId, id]);
  return row ?? null;
}

export async function insertRoom(q: Queryable, clinicId: ClinicId, name: string): Promise<Room> {
  const [row] = await q.query<Room>("insert into rooms (clinic_id, name) values ($1, $2) returning id, name, active", [clinicId, name]);
  return row!;
}

export async function updateRoom(q: Queryable, clinicId: ClinicId, id: string, fields: { name: string; active: boolean }): Promise<Room | null> {
  const [row] = await q.query<Room>("update rooms set name = $3, active = $4 where clinic_id = $1 and id = $2 returning id, name, active", [clinicId, id, fields.name, fields.active]);
  return row ?? null;
}

export interface AppointmentType {
  id: string;
  name: string;
  kind: AppointmentKind;
  minutes: number;
  active: boolean;
}

const TYPE_COLUMNS = "id, name, kind, minutes::int as minutes, active";

export async function listAppointmentTypes(q: Queryable, clinicId: ClinicId): Promise<AppointmentType[]> {
  return q.query<AppointmentType>(`select ${TYPE_COLUMNS} from appointment_types where clinic_id = $1 order by minutes desc, name`, [clinicId]);
}

export async function findAppointmentType(q: Queryable, clinicId: ClinicId, id: string): Promise<AppointmentType | null> {
  const [row] = await q.query<AppointmentType>(`select ${TYPE_COLUMNS} from appointment_types where clinic_id = $1 and id = $2`, [clinicId, id]);
  return row ?? null;
}

export async function insertAppointmentType(q: Queryable, clinicId: ClinicId, type: Omit<AppointmentType, "id" | "active">): Promise<AppointmentType> {
  const [row] = await q.query<AppointmentType>(`insert into appointment_types (clinic_id, name, kind, minutes) values ($1, $2, $3, $4) returning ${TYPE_COLUMNS}`, [
    clinicId,
    type.name,
    type.kind,
    type.minutes,
  ]);
  return row!;
}

export async function updateAppointmentType(q: Queryable, clinicId: ClinicId, id: string, type: Omit<AppointmentType, "id">): Promise<AppointmentType | null> {
  const [row] = await q.query<AppointmentType>(
    `update appointment_types set name = $3, kind = $4, minutes = $5, active = $6 where clinic_id = $1 and id = $2 returning ${TYPE_COLUMNS}`,
    [clinicId, id, type.name, type.kind, type.minutes, type.active],
  );
  return row ?? null;
}

interface BlockRow {
  practitioner_id: string;
  weekday: number;
  kind: "work" | "break";
  start_minute: number;
  end_minute: number;
}

/** Working blocks and breaks; all practitioners' when `practitionerId` is absent. */
export async function listWorkingHours(q: Queryable, clinicId: ClinicId, practitionerId?: string): Promise<WeeklyBlock[]> {
  const rows = await q.query<BlockRow>(
    `select practitioner_id, weekday, kind, start_minute, end_minute from working_hours
      where clinic_id = $1 and ($2::uuid is null or practitioner_id = $2) order by practitioner_id, weekday, kind desc, start_minute`,
    [clinicId, practitionerId ?? null],
  );
  return rows.map((r) => ({ practitionerId: r.practitioner_id, weekday: Number(r.weekday) as Weekday, kind: r.kind, start: Number(r.start_minute), end: Number(r.end_minute) }));
}

/** Replaces a practitioner's whole week in one statement pair (the caller's transaction). */
export async function replaceWorkingHours(q: Queryable, clinicId: ClinicId, practitionerId: string, blocks: readonly Omit<WeeklyBlock, "practitionerId">[]): Promise<void> {
  await q.query("delete from working_hours where clinic_id = $1 and practitioner_id = $2", [clinicId, practitionerId]);
  if (blocks.length === 0) return;
  const values = blocks.map((_, i) => `($1, $2, $${i * 4 + 3}, $${i * 4 + 4}, $${i * 4 + 5}, $${i * 4 + 6})`).join(", ");
  await q.query(
    `insert into working_hours (clinic_id, practitioner_id, weekday, kind, start_minute, end_minute) values ${values}`,
    [clinicId, practitionerId, ...blocks.flatMap((b) => [b.weekday, b.kind, b.start, b.end])],
  );
}

export interface TimeOffRecord extends TimeOff {
  id: string;
}

interface TimeOffRow {
  id: string;
  practitioner_id: string;
  from_on: CalendarDate;
  to_on: CalendarDate | null;
  weekday: number | null;
  start_minute: number | null;
  end_minute: number | null;
  reason: string | null;
}

const TIME_OFF_COLUMNS = "id, practitioner_id, from_on, to_on, weekday, start_minute, end_minute, reason";

function toTimeOff(r: TimeOffRow): TimeOffRecord {
  const n = (v: number | null) => (v === null ? null : Number(v));
  return { id: r.id, practitionerId: r.practitioner_id, fromOn: r.from_on, toOn: r.to_on, weekday: n(r.weekday) as Weekday | null, start: n(r.start_minute), end: n(r.end_minute), reason: r.reason };
}

export async function listTimeOff(q: Queryable, clinicId: ClinicId, practitionerId?: string): Promise<TimeOffRecord[]> {
  const rows = await q.query<TimeOffRow>(
    `select ${TIME_OFF_COLUMNS} from time_off where clinic_id = $1 and ($2::uuid is null or practitioner_id = $2) order by from_on, id`,
    [clinicId, practitionerId ?? null],
  );
  return rows.map(toTimeOff);
}

export async function findTimeOff(q: Queryable, clinicId: ClinicId, id: string): Promise<TimeOffRecord | null> {
  const [row] = await q.query<TimeOffRow>(`select ${TIME_OFF_COLUMNS} from time_off where clinic_id = $1 and id = $2`, [clinicId, id]);
  return row ? toTimeOff(row) : null;
}

export async function insertTimeOff(q: Queryable, clinicId: ClinicId, entry: TimeOff, createdBy: string): Promise<TimeOffRecord> {
  const [row] = await q.query<TimeOffRow>(
    `insert into time_off (clinic_id, practitioner_id, from_on, to_on, weekday, start_minute, end_minute, reason, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning ${TIME_OFF_COLUMNS}`,
    [clinicId, entry.practitionerId, entry.fromOn, entry.toOn, entry.weekday, entry.start, entry.end, entry.reason, createdBy],
  );
  return toTimeOff(row!);
}

export async function deleteTimeOff(q: Queryable, clinicId: ClinicId, id: string): Promise<void> {
  await q.query("delete from time_off where clinic_id = $1 and id = $2", [clinicId, id]);
}

export interface HolidayRecord extends ClinicHoliday {
  id: string;
}

export async function listHolidays(q: Queryable, clinicId: ClinicId): Promise<HolidayRecord[]> {
  return q.query<HolidayRecord>(`select id, on_date as "on", name from clinic_holidays where clinic_id = $1 order by on_date`, [clinicId]);
}

export async function insertHoliday(q: Queryable, clinicId: ClinicId, holiday: ClinicHoliday): Promise<HolidayRecord> {
  const [row] = await q.query<HolidayRecord>(`insert into clinic_holidays (clinic_id, on_date, name) values ($1, $2, $3) returning id, on_date as "on", name`, [clinicId, holiday.on, holiday.name]);
  return row!;
}

/** True when a holiday was removed. */
export async function deleteHoliday(q: Queryable, clinicId: ClinicId, id: string): Promise<boolean> {
  const rows = await q.query("delete from clinic_holidays where clinic_id = $1 and id = $2 returning id", [clinicId, id]);
  return rows.length > 0;
}
