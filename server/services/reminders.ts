/**
 * Appointment reminders. The sender (sendDueReminders) runs in the server on
 * an interval and as `acuback reminders send`: it claims each due reminder,
 * sends it through the Mailer, and records the outcome in sent_messages and
 * the audit log. Without e-mail configured, the same due list is what the
 * front desk phones (dueReminders). Nothing here logs: a failure is kept as
 * its SMTP code in sent_messages, never with an address or words.
 */
import { reminderMessage } from "../../domain/scheduling/reminderMessage.ts";
import type { ClinicId, PatientId } from "../../domain/shared/brand.ts";
import type { Database, Queryable } from "../db/database.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import { clinicTimeZone } from "../db/repositories/scheduleSettings.ts";
import * as reminders from "../db/repositories/reminders.ts";
import { claimReminder, listSentMessages, recordOutcome, type SentMessage } from "../db/repositories/sentMessages.ts";
import { fail, ok, type Outcome } from "../errors.ts";
import type { Delivery, Mailer } from "../notify/mailer.ts";
import { denied, type Actor } from "./actor.ts";
import { refuseUnlessOpen } from "./patientStatus.ts";

/** Attempts at one appointment's reminder before it is left to the front desk to phone. */
export const MAX_REMINDER_ATTEMPTS = 3;

export interface DueReminder {
  appointmentId: string;
  patientId: PatientId;
  patientName: string;
  recordNumber: string;
  phone: string | null;
  start: string;
  practitionerName: string;
  /** "email": the sender will e-mail it; "call": the front desk phones the patient. */
  action: "email" | "call";
  reason: string;
}

export interface DueReminders {
  emailConfigured: boolean;
  leadHours: number;
  timeZone: string;
  due: DueReminder[];
  /** Due appointments of patients who opted out: not listed, not reminded. */
  optedOut: number;
}

function whatToDo(a: reminders.DueAppointment, emailConfigured: boolean): Pick<DueReminder, "action" | "reason"> {
  const call = (reason: string) => ({ action: "call" as const, reason });
  if (!emailConfigured) return call("E-mail is not configured: phone the patient.");
  if (a.demoClinic) return call("The demo clinic's patients are made up: its reminders are never e-mailed.");
  if (!a.email) return call("No e-mail address on the record: phone the patient.");
  if (a.failures >= MAX_REMINDER_ATTEMPTS) return call(`E-mail failed ${a.failures} times (last: ${a.lastErrorCode}): phone the patient.`);
  const retry = a.failures > 0 ? ` (failed ${a.failures} ${a.failures === 1 ? "time" : "times"} so far, last: ${a.lastErrorCode})` : "";
  return { action: "email", reason: `Will be e-mailed at the next check${retry}.` };
}

/** The reminders due now in the actor's clinic, and for each whether it goes by e-mail or by phone. The list is audited. */
export async function dueReminders(db: Database, actor: Actor, emailConfigured: boolean, now = new Date()): Promise<Outcome<DueReminders>> {
  const refused = denied(actor, "appointments.book");
  if (refused) return refused;
  const [due, leadHours, timeZone] = await Promise.all([reminders.dueAppointments(db, now, actor.clinicId), reminders.reminderLeadHours(db, actor.clinicId), clinicTimeZone(db, actor.clinicId)]);
  const listed = due.filter((a) => !a.optedOut);
  await appendAuditEvent(db, { clinicId: actor.clinicId, userId: actor.userId, action: "list", entity: "sent_message", ip: actor.ip, detail: { due: listed.length, shown: [...new Set(listed.map((a) => a.patientId))] } });
  return ok({
    emailConfigured,
    leadHours,
    timeZone,
    optedOut: due.length - listed.length,
    due: listed.map((a) => ({
      appointmentId: a.appointmentId,
      patientId: a.patientId,
      patientName: `${a.familyName}, ${a.givenName}`,
      recordNumber: a.recordNumber,
      phone: a.phone,
      start: a.start.toISOString(),
      practitionerName: a.practitionerName,
      ...whatToDo(a, emailConfigured),
    })),
  });
}

/** The clinic's messages of the last `days` days, newest first (what was sent and what failed). Audited. */
export async function recentMessages(db: Database, actor: Actor, days: number, now = new Date()): Promise<Outcome<SentMessage[]>> {
  const refused = denied(actor, "appointments.book");
  if (refused) return refused;
  const messages = await listSentMessages(db, actor.clinicId, { since: new Date(now.getTime() - days * 86_400_000), limit: 500 });
  await appendAuditEvent(db, { clinicId: actor.clinicId, userId: actor.userId, action: "list", entity: "sent_message", ip: actor.ip, detail: { count: messages.length, shown: [...new Set(messages.map((m) => m.patientId))] } });
  return ok(messages);
}

/** The owner sets how long before an appointment its reminder goes (1 hour to 2 weeks). */
export async function setLeadHours(db: Database, actor: Actor, hours: number): Promise<Outcome<{ leadHours: number }>> {
  const refused = denied(actor, "clinic.configure");
  if (refused) return refused;
  return db.transaction(async (tx) => {
    await reminders.setReminderLeadHours(tx, actor.clinicId, hours);
    await appendAuditEvent(tx, { clinicId: actor.clinicId, userId: actor.userId, action: "update", entity: "reminder_settings", ip: actor.ip, detail: { leadHours: hours } });
    return ok({ leadHours: hours });
  });
}

export interface ReminderPreference extends reminders.ReminderOptOut {
  hasEmail: boolean;
  messages: SentMessage[];
}

async function preferenceOf(db: Queryable, clinicId: ClinicId, patientId: PatientId, hasEmail: boolean): Promise<ReminderPreference> {
  const choice = await reminders.findReminderOptOut(db, clinicId, patientId);
  const messages = await listSentMessages(db, clinicId, { since: new Date(0), patientId, limit: 10 });
  return { ...choice!, hasEmail, messages };
}

/** Whether the patient is reminded, who last changed that, and the last messages sent to them. Audited as a read. */
export async function reminderPreference(db: Database, actor: Actor, patientId: PatientId): Promise<Outcome<ReminderPreference>> {
  const refused = denied(actor, "patients.demographics.read");
  if (refused) return refused;
  const [patient] = await db.query<{ has_email: boolean }>("select email is not null as has_email from patients where clinic_id = $1 and id = $2", [actor.clinicId, patientId]);
  if (!patient) return fail("PATIENT_NOT_FOUND");
  const preference = await preferenceOf(db, actor.clinicId, patientId, patient.has_email);
  await appendAuditEvent(db, { clinicId: actor.clinicId, userId: actor.userId, action: "read", entity: "reminder_preference", patientId, ip: actor.ip, detail: { messages: preference.messages.length } });
  return ok(preference);
}

/** The front desk records the patient's wish: no reminders, or reminders again. Audited; a retired record is refused. */
export async function setReminderOptOut(db: Database, actor: Actor, patientId: PatientId, optedOut: boolean): Promise<Outcome<ReminderPreference>> {
  const refused = denied(actor, "patients.demographics.write");
  if (refused) return refused;
  return db.transaction(async (tx) => {
    const closed = await refuseUnlessOpen(tx, actor.clinicId, patientId);
    if (closed) return closed;
    const changed = await reminders.setReminderOptOut(tx, actor.clinicId, patientId, optedOut, actor.userId);
    if (changed) await appendAuditEvent(tx, { clinicId: actor.clinicId, userId: actor.userId, action: "update", entity: "reminder_preference", patientId, ip: actor.ip, detail: { optedOut } });
    const [patient] = await tx.query<{ has_email: boolean }>("select email is not null as has_email from patients where clinic_id = $1 and id = $2", [actor.clinicId, patientId]);
    return ok(await preferenceOf(tx, actor.clinicId, patientId, patient!.has_email));
  });
}

export interface SendingRun {
  sent: number;
  failed: number;
}

/**
 * Sends every reminder due now, in every clinic but the demo: one at a time,
 * each claimed first so a reminder goes once however many senders run. A
 * failure is recorded with its code and tried again at the next run, up to
 * MAX_REMINDER_ATTEMPTS; the appointment and the patient are never changed.
 */
export async function sendDueReminders(db: Database, mailer: Mailer, now = new Date()): Promise<SendingRun> {
  const run: SendingRun = { sent: 0, failed: 0 };
  const due = await reminders.dueAppointments(db, now, null);
  for (const a of due) {
    if (a.optedOut || a.demoClinic || !a.email || a.failures >= MAX_REMINDER_ATTEMPTS) continue;
    const messageId = await claimReminder(db, a.clinicId, a.appointmentId, a.start);
    if (!messageId) continue;
    const message = reminderMessage(a, now);
    const delivery = await mailer.send({
      to: a.email,
      subject: message.subject,
      text: message.text,
      attachments: [{ filename: "appointment.ics", contentType: "text/calendar; charset=utf-8; method=PUBLISH", content: message.ics }],
    });
    await recordDelivery(db, { clinicId: a.clinicId, patientId: a.patientId, messageId, purpose: "reminder", userId: null, ip: null, extra: { appointmentId: a.appointmentId } }, delivery);
    run[delivery.outcome] += 1;
  }
  return run;
}

/** The outcome into sent_messages and one audit row for the message, in one transaction. */
export async function recordDelivery(
  db: Database,
  message: { clinicId: ClinicId; patientId: PatientId; messageId: string; purpose: "reminder" | "report-link"; userId: Actor["userId"] | null; ip: string | null; extra: Record<string, string> },
  delivery: Delivery,
): Promise<void> {
  const errorCode = delivery.outcome === "failed" ? delivery.errorCode : null;
  await db.transaction(async (tx) => {
    await recordOutcome(tx, message.clinicId, message.messageId, delivery.outcome, errorCode);
    await appendAuditEvent(tx, {
      clinicId: message.clinicId,
      userId: message.userId,
      action: "create",
      entity: "sent_message",
      entityId: message.messageId,
      patientId: message.patientId,
      ip: message.ip,
      detail: { channel: "email", purpose: message.purpose, outcome: delivery.outcome, ...(errorCode && { errorCode }), ...message.extra },
    });
  });
}
