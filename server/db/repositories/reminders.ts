/**
 * Which booked appointments are due a reminder, the clinic's lead time, and
 * patients' opt-outs. "Due" is the clinic's lead time before the start: an
 * appointment starting within the next `reminder_lead_hours`, still booked,
 * for an active patient, that no reminder has gone out for at this start.
 */
import type { ClinicId, PatientId, UserId } from "../../../domain/shared/brand.ts";
import type { Queryable } from "../database.ts";
import { isoTimestamp } from "./rows.ts";

export interface DueAppointment {
  appointmentId: string;
  clinicId: ClinicId;
  patientId: PatientId;
  start: Date;
  end: Date;
  version: number;
  givenName: string;
  familyName: string;
  recordNumber: string;
  phone: string | null;
  email: string | null;
  optedOut: boolean;
  practitionerName: string;
  clinicName: string;
  clinicPhone: string | null;
  timeZone: string;
  demoClinic: boolean;
  /** Failed attempts at this start. */
  failures: number;
  lastErrorCode: string | null;
}

interface Row {
  appointment_id: string;
  clinic_id: ClinicId;
  patient_id: PatientId;
  starts_at: Date | string;
  ends_at: Date | string;
  version: number;
  given_name: string;
  family_name: string;
  record_number: string;
  phone: string | null;
  email: string | null;
  opted_out: boolean;
  practitioner_name: string;
  clinic_name: string;
  clinic_phone: string | null;
  time_zone: string;
  demo: boolean;
  failures: number;
  last_error_code: string | null;
}

/** Due appointments with no claimed or sent reminder at their current start, soonest first; one clinic, or every clinic (the sender). */
export async function dueAppointments(q: Queryable, now: Date, clinicId: ClinicId | null): Promise<DueAppointment[]> {
  const rows = await q.query<Row>(
    `select a.id as appointment_id, a.clinic_id, a.patient_id, a.starts_at, a.ends_at, a.version,
            p.given_name, p.family_name, p.record_number, p.phone, p.email, p.reminders_opted_out as opted_out,
            u.display_name as practitioner_name, c.name as clinic_name, c.phone as clinic_phone, c.time_zone, c.demo,
            (select count(*)::int from sent_messages m
              where m.appointment_id = a.id and m.appointment_starts_at = a.starts_at and m.outcome = 'failed') as failures,
            (select m.error_code from sent_messages m
              where m.appointment_id = a.id and m.appointment_starts_at = a.starts_at and m.outcome = 'failed'
              order by m.sent_at desc limit 1) as last_error_code
       from appointments a
       join clinics c on c.id = a.clinic_id
       join patients p on p.clinic_id = a.clinic_id and p.id = a.patient_id
       join users u on u.clinic_id = a.clinic_id and u.id = a.practitioner_id
      where a.status = 'booked' and p.status = 'active'
        and a.starts_at > $1 and a.starts_at <= $1::timestamptz + c.reminder_lead_hours * interval '1 hour'
        and ($2::uuid is null or a.clinic_id = $2)
        and not exists (select 1 from sent_messages m where m.appointment_id = a.id and m.appointment_starts_at = a.starts_at
                          and m.purpose = 'reminder' and m.outcome in ('sending', 'sent'))
      order by a.starts_at, a.id`,
    [now.toISOString(), clinicId],
  );
  return rows.map((r) => ({
    appointmentId: r.appointment_id,
    clinicId: r.clinic_id,
    patientId: r.patient_id,
    start: new Date(isoTimestamp(r.starts_at)),
    end: new Date(isoTimestamp(r.ends_at)),
    version: Number(r.version),
    givenName: r.given_name,
    familyName: r.family_name,
    recordNumber: r.record_number,
    phone: r.phone,
    email: r.email,
    optedOut: r.opted_out,
    practitionerName: r.practitioner_name,
    clinicName: r.clinic_name,
    clinicPhone: r.clinic_phone,
    timeZone: r.time_zone,
    demoClinic: r.demo,
    failures: Number(r.failures),
    lastErrorCode: r.last_error_code,
  }));
}

export async function reminderLeadHours(q: Queryable, clinicId: ClinicId): Promise<number> {
  const [row] = await q.query<{ hours: number }>("select reminder_lead_hours as hours from clinics where id = $1", [clinicId]);
  return Number(row!.hours);
}

export async function setReminderLeadHours(q: Queryable, clinicId: ClinicId, hours: number): Promise<void> {
  await q.query("update clinics set reminder_lead_hours = $2 where id = $1", [clinicId, hours]);
}

export interface ReminderOptOut {
  optedOut: boolean;
  /** When and by whom it was last changed; null when never changed (reminders on). */
  changedAt: string | null;
  changedByName: string | null;
}

export async function findReminderOptOut(q: Queryable, clinicId: ClinicId, patientId: PatientId): Promise<ReminderOptOut | null> {
  const [row] = await q.query<{ opted_out: boolean; at: Date | string | null; by_name: string | null }>(
    `select p.reminders_opted_out as opted_out, p.reminders_changed_at as at, u.display_name as by_name
       from patients p left join users u on u.id = p.reminders_changed_by where p.clinic_id = $1 and p.id = $2`,
    [clinicId, patientId],
  );
  if (!row) return null;
  return { optedOut: row.opted_out, changedAt: row.at === null ? null : isoTimestamp(row.at), changedByName: row.by_name };
}

/** Records the choice with who and when; returns false when it was already so (nothing changes). */
export async function setReminderOptOut(q: Queryable, clinicId: ClinicId, patientId: PatientId, optedOut: boolean, by: UserId): Promise<boolean> {
  const rows = await q.query(
    `update patients set reminders_opted_out = $3, reminders_changed_at = now(), reminders_changed_by = $4
      where clinic_id = $1 and id = $2 and reminders_opted_out <> $3 returning id`,
    [clinicId, patientId, optedOut, by],
  );
  return rows.length > 0;
}
