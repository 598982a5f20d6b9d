/**
 * Appointments, scoped by clinic. Times go in and out as UTC instants; the
 * clinic's zone is applied by the domain, never by SQL.
 */
import type { ClinicId, PatientId } from "../../../domain/shared/brand.ts";
import type { AppointmentStatus, BookedAppointment } from "../../../domain/scheduling/appointment.ts";
import type { Queryable } from "../database.ts";
import { isoTimestamp } from "./rows.ts";

export interface AppointmentRecord extends BookedAppointment {
  typeId: string;
  statusReason: string | null;
  planId: string | null;
  visitId: string | null;
  version: number;
  createdAt: string;
}

/** An appointment with the names a calendar shows. */
export interface AppointmentListing extends AppointmentRecord {
  patientName: string;
  recordNumber: string;
  practitionerName: string;
  roomName: string;
  typeName: string;
}

interface AppointmentRow {
  id: string;
  patient_id: string;
  practitioner_id: string;
  room_id: string;
  type_id: string;
  starts_at: Date | string;
  ends_at: Date | string;
  status: AppointmentStatus;
  status_reason: string | null;
  plan_id: string | null;
  visit_id: string | null;
  version: number;
  created_at: Date | string;
}

const COLUMNS = "a.id, a.patient_id, a.practitioner_id, a.room_id, a.type_id, a.starts_at, a.ends_at, a.status, a.status_reason, a.plan_id, a.visit_id, a.version, a.created_at";

function toAppointment(r: AppointmentRow): AppointmentRecord {
  return {
    id: r.id,
    patientId: r.patient_id,
    practitionerId: r.practitioner_id,
    roomId: r.room_id,
    typeId: r.type_id,
    start: new Date(isoTimestamp(r.starts_at)),
    end: new Date(isoTimestamp(r.ends_at)),
    status: r.status,
    statusReason: r.status_reason,
    planId: r.plan_id,
    visitId: r.visit_id,
    version: Number(r.version),
    createdAt: isoTimestamp(r.created_at),
  };
}

export interface NewAppointment {
  patientId: string;
  practitionerId: string;
  roomId: string;
  typeId: string;
  start: Date;
  end: Date;
  planId: string | null;
}

export async function insertAppointments(q: Queryable, clinicId: ClinicId, appointments: readonly NewAppointment[], createdBy: string): Promise<AppointmentRecord[]> {
  if (appointments.length === 0) return [];
  const values = appointments.map((_, i) => `($1, $2, $${i * 7 + 3}, $${i * 7 + 4}, $${i * 7 + 5}, $${i * 7 + 6}, $${i * 7 + 7}, $${i * 7 + 8}, $${i * 7 + 9})`).join(", ");
  const rows = await q.query<AppointmentRow>(
    `insert into appointments as a (clinic_id, created_by, patient_id, practitioner_id, room_id, type_id, starts_at, ends_at, plan_id)
     values ${values} returning ${COLUMNS}`,
    [clinicId, createdBy, ...appointments.flatMap((a) => [a.patientId, a.practitionerId, a.roomId, a.typeId, a.start.toISOString(), a.end.toISOString(), a.planId])],
  );
  return rows.map(toAppointment).sort((a, b) => a.start.getTime() - b.start.getTime());
}

export async function findAppointment(q: Queryable, clinicId: ClinicId, id: string, options: { lock?: boolean } = {}): Promise<AppointmentRecord | null> {
  const [row] = await q.query<AppointmentRow>(`select ${COLUMNS} from appointments a where a.clinic_id = $1 and a.id = $2${options.lock ? " for update" : ""}`, [clinicId, id]);
  return row ? toAppointment(row) : null;
}

/**
 * Appointments that overlap [from, to) and involve any of the rooms,
 * practitioners or patients named: what a new booking could clash with.
 */
export async function appointmentsAround(
  q: Queryable,
  clinicId: ClinicId,
  window: { from: Date; to: Date },
  involving: { roomIds?: readonly string[]; practitionerIds?: readonly string[]; patientIds?: readonly string[] },
): Promise<AppointmentRecord[]> {
  const rows = await q.query<AppointmentRow>(
    `select ${COLUMNS} from appointments a
      where a.clinic_id = $1 and a.starts_at < $3 and a.ends_at > $2 and a.status in ('booked', 'done')
        and (a.room_id = any($4::uuid[]) or a.practitioner_id = any($5::uuid[]) or a.patient_id = any($6::uuid[]))
      order by a.starts_at`,
    [clinicId, window.from.toISOString(), window.to.toISOString(), involving.roomIds ?? [], involving.practitionerIds ?? [], involving.patientIds ?? []],
  );
  return rows.map(toAppointment);
}

/** The calendar: every appointment starting in [from, to), optionally for one practitioner or room, with names. */
export async function listAppointments(
  q: Queryable,
  clinicId: ClinicId,
  window: { from: Date; to: Date },
  filter: { practitionerId?: string | undefined; roomId?: string | undefined; patientId?: PatientId | undefined } = {},
): Promise<AppointmentListing[]> {
  const rows = await q.query<AppointmentRow & { patient_name: string; record_number: string; practitioner_name: string; room_name: string; type_name: string }>(
    `select ${COLUMNS}, p.family_name || ', ' || p.given_name as patient_name, p.record_number, u.display_name as practitioner_name,
            r.name as room_name, t.name as type_name
       from appointments a
       join patients p on p.clinic_id = a.clinic_id and p.id = a.patient_id
       join users u on u.clinic_id = a.clinic_id and u.id = a.practitioner_id
       join rooms r on r.clinic_id = a.clinic_id and r.id = a.room_id
       join appointment_types t on t.clinic_id = a.clinic_id and t.id = a.type_id
      where a.clinic_id = $1 and a.starts_at >= $2 and a.starts_at < $3
        and ($4::uuid is null or a.practitioner_id = $4) and ($5::uuid is null or a.room_id = $5) and ($6::uuid is null or a.patient_id = $6)
      order by a.starts_at, r.name`,
    [clinicId, window.from.toISOString(), window.to.toISOString(), filter.practitionerId ?? null, filter.roomId ?? null, filter.patientId ?? null],
  );
  return rows.map((r) => ({ ...toAppointment(r), patientName: r.patient_name, recordNumber: r.record_number, practitionerName: r.practitioner_name, roomName: r.room_name, typeName: r.type_name }));
}

export async function moveAppointment(q: Queryable, clinicId: ClinicId, id: string, to: { start: Date; end: Date; roomId: string; practitionerId: string }): Promise<AppointmentRecord> {
  const [row] = await q.query<AppointmentRow>(
    `update appointments a set starts_at = $3, ends_at = $4, room_id = $5, practitioner_id = $6, version = version + 1, updated_at = now()
      where a.clinic_id = $1 and a.id = $2 returning ${COLUMNS}`,
    [clinicId, id, to.start.toISOString(), to.end.toISOString(), to.roomId, to.practitionerId],
  );
  return toAppointment(row!);
}

export async function setAppointmentStatus(q: Queryable, clinicId: ClinicId, id: string, status: AppointmentStatus, reason: string | null): Promise<AppointmentRecord> {
  const [row] = await q.query<AppointmentRow>(
    `update appointments a set status = $3, status_reason = $4, version = version + 1, updated_at = now() where a.clinic_id = $1 and a.id = $2 returning ${COLUMNS}`,
    [clinicId, id, status, reason],
  );
  return toAppointment(row!);
}

/** The patient's appointments by status, for the patient page's count of missed visits. */
export async function countAppointmentsByStatus(q: Queryable, clinicId: ClinicId, patientId: PatientId): Promise<Record<AppointmentStatus, number>> {
  const rows = await q.query<{ status: AppointmentStatus; n: number }>("select status, count(*)::int as n from appointments where clinic_id = $1 and patient_id = $2 group by status", [
    clinicId,
    patientId,
  ]);
  const counts: Record<AppointmentStatus, number> = { booked: 0, done: 0, "no-show": 0, "late-cancel": 0, cancelled: 0 };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

/** Booked or attended appointments of the patient (their local dates are counted against Medicare's window). */
export async function patientAppointmentTimes(q: Queryable, clinicId: ClinicId, patientId: string): Promise<{ id: string; start: Date; status: AppointmentStatus; visitId: string | null }[]> {
  const rows = await q.query<{ id: string; starts_at: Date | string; status: AppointmentStatus; visit_id: string | null }>(
    "select id, starts_at, status, visit_id from appointments where clinic_id = $1 and patient_id = $2 and status in ('booked', 'done') order by starts_at",
    [clinicId, patientId],
  );
  return rows.map((r) => ({ id: r.id, start: new Date(isoTimestamp(r.starts_at)), status: r.status, visitId: r.visit_id }));
}

/** The appointment's chart was started: it was attended, and it points at its visit. */
export async function linkVisit(q: Queryable, clinicId: ClinicId, id: string, visitId: string): Promise<AppointmentRecord> {
  const [row] = await q.query<AppointmentRow>(
    `update appointments a set visit_id = $3, status = 'done', status_reason = null, version = version + 1, updated_at = now()
      where a.clinic_id = $1 and a.id = $2 returning ${COLUMNS}`,
    [clinicId, id, visitId],
  );
  return toAppointment(row!);
}

/** A draft started by mistake is discarded: its appointment is booked again, as it was before the chart was opened. */
export async function unlinkVisit(q: Queryable, clinicId: ClinicId, visitId: string): Promise<AppointmentRecord[]> {
  const rows = await q.query<AppointmentRow>(
    `update appointments a set visit_id = null, status = 'booked', version = version + 1, updated_at = now()
      where a.clinic_id = $1 and a.visit_id = $2 returning ${COLUMNS}`,
    [clinicId, visitId],
  );
  return rows.map(toAppointment);
}

/** Cancels the patient's booked appointments with one reason (the record was registered in error). */
export async function cancelBookedOfPatient(q: Queryable, clinicId: ClinicId, patientId: string, reason: string): Promise<AppointmentRecord[]> {
  const rows = await q.query<AppointmentRow>(
    `update appointments a set status = 'cancelled', status_reason = $3, version = version + 1, updated_at = now()
      where a.clinic_id = $1 and a.patient_id = $2 and a.status = 'booked' returning ${COLUMNS}`,
    [clinicId, patientId, reason],
  );
  return rows.map(toAppointment);
}
