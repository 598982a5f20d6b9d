/**
 * The log of messages sent to patients: what for, when and how it ended,
 * never the address or the words (migration 0028). A reminder is claimed
 * with a 'sending' row before the SMTP server is spoken to; the unique index
 * on the appointment and its start lets only one claim succeed, so two
 * senders at once still send one reminder.
 */
import type { ClinicId, PatientId, UserId } from "../../../domain/shared/brand.ts";
import type { Queryable } from "../database.ts";
import { isoTimestamp } from "./rows.ts";

export type MessagePurpose = "reminder" | "report-link";
export type MessageOutcome = "sending" | "sent" | "failed";

export interface SentMessage {
  id: string;
  patientId: PatientId;
  patientName: string;
  channel: "email";
  purpose: MessagePurpose;
  appointmentId: string | null;
  appointmentStart: string | null;
  reportLinkId: string | null;
  outcome: MessageOutcome;
  errorCode: string | null;
  sentByName: string | null;
  sentAt: string;
}

interface Row {
  id: string;
  patient_id: PatientId;
  patient_name: string;
  channel: "email";
  purpose: MessagePurpose;
  appointment_id: string | null;
  appointment_starts_at: Date | string | null;
  report_link_id: string | null;
  outcome: MessageOutcome;
  error_code: string | null;
  sent_by_name: string | null;
  sent_at: Date | string;
}

const toMessage = (r: Row): SentMessage => ({
  id: r.id,
  patientId: r.patient_id,
  patientName: r.patient_name,
  channel: r.channel,
  purpose: r.purpose,
  appointmentId: r.appointment_id,
  appointmentStart: r.appointment_starts_at === null ? null : isoTimestamp(r.appointment_starts_at),
  reportLinkId: r.report_link_id,
  outcome: r.outcome,
  errorCode: r.error_code,
  sentByName: r.sent_by_name,
  sentAt: isoTimestamp(r.sent_at),
});

/**
 * Claims the reminder of a booked appointment at its current start, if no
 * claim or sent reminder holds it and the patient has not opted out since it
 * was found due. Returns the message id, or null when someone else has it.
 */
export async function claimReminder(q: Queryable, clinicId: ClinicId, appointmentId: string, start: Date): Promise<string | null> {
  const rows = await q.query<{ id: string }>(
    `insert into sent_messages (clinic_id, patient_id, channel, purpose, appointment_id, appointment_starts_at)
     select a.clinic_id, a.patient_id, 'email', 'reminder', a.id, a.starts_at
       from appointments a join patients p on p.clinic_id = a.clinic_id and p.id = a.patient_id
      where a.clinic_id = $1 and a.id = $2 and a.starts_at = $3 and a.status = 'booked'
        and p.status = 'active' and not p.reminders_opted_out
     on conflict (appointment_id, appointment_starts_at) where purpose = 'reminder' and outcome in ('sending', 'sent') do nothing
     returning id`,
    [clinicId, appointmentId, start.toISOString()],
  );
  return rows[0]?.id ?? null;
}

/** A message about to be sent that is not a reminder (a questionnaire link the desk sends). */
export async function claimLinkMessage(q: Queryable, clinicId: ClinicId, patientId: PatientId, reportLinkId: string, sentBy: UserId): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `insert into sent_messages (clinic_id, patient_id, channel, purpose, report_link_id, sent_by) values ($1, $2, 'email', 'report-link', $3, $4) returning id`,
    [clinicId, patientId, reportLinkId, sentBy],
  );
  return row!.id;
}

export async function recordOutcome(q: Queryable, clinicId: ClinicId, id: string, outcome: "sent" | "failed", errorCode: string | null): Promise<void> {
  await q.query("update sent_messages set outcome = $3, error_code = $4 where clinic_id = $1 and id = $2 and outcome = 'sending'", [clinicId, id, outcome, outcome === "failed" ? errorCode : null]);
}

const SELECT = `select m.id, m.patient_id, p.family_name || ', ' || p.given_name as patient_name, m.channel, m.purpose, m.appointment_id,
         m.appointment_starts_at, m.report_link_id, m.outcome, m.error_code, u.display_name as sent_by_name, m.sent_at
    from sent_messages m join patients p on p.clinic_id = m.clinic_id and p.id = m.patient_id
    left join users u on u.id = m.sent_by`;

/** The clinic's messages since `since`, newest first. */
export async function listSentMessages(q: Queryable, clinicId: ClinicId, filter: { since: Date; patientId?: PatientId; limit: number }): Promise<SentMessage[]> {
  const rows = await q.query<Row>(
    `${SELECT} where m.clinic_id = $1 and m.sent_at >= $2 and ($3::uuid is null or m.patient_id = $3) order by m.sent_at desc, m.id limit $4`,
    [clinicId, filter.since.toISOString(), filter.patientId ?? null, filter.limit],
  );
  return rows.map(toMessage);
}
