/**
 * A questionnaire link sent by e-mail when the desk creates it: the token
 * exists only then (only its hash is stored), so it goes out at creation or
 * not at all. Checked before the link is made, so a refused request creates
 * nothing; sent after the link's transaction has committed, so the SMTP
 * server's pace never holds the database. Logged and audited like a reminder.
 */
import { reportLinkMessage } from "../../domain/scheduling/reminderMessage.ts";
import type { PatientId } from "../../domain/shared/brand.ts";
import type { Database } from "../db/database.ts";
import { findClinic } from "../db/repositories/clinics.ts";
import { findPatient } from "../db/repositories/patients.ts";
import { clinicTimeZone } from "../db/repositories/scheduleSettings.ts";
import { claimLinkMessage } from "../db/repositories/sentMessages.ts";
import { fail, type Failure } from "../errors.ts";
import type { Delivery, Mailer } from "../notify/mailer.ts";
import type { Actor } from "./actor.ts";
import { recordDelivery } from "./reminders.ts";

/** Why the link cannot go by e-mail, or null when it can. */
export async function refuseLinkEmail(db: Database, mailer: Mailer | null, actor: Actor, patientId: PatientId): Promise<Failure | null> {
  if (!mailer) return fail("EMAIL_NOT_CONFIGURED");
  const patient = await findPatient(db, actor.clinicId, patientId);
  if (!patient) return fail("PATIENT_NOT_FOUND");
  if (!patient.email) return fail("PATIENT_HAS_NO_EMAIL");
  return null;
}

export async function emailReportLink(
  db: Database,
  mailer: Mailer,
  actor: Actor,
  patientId: PatientId,
  link: { id: string; url: string; expiresAt: string },
): Promise<Delivery> {
  const [patient, clinic, timeZone] = await Promise.all([findPatient(db, actor.clinicId, patientId), findClinic(db, actor.clinicId), clinicTimeZone(db, actor.clinicId)]);
  const messageId = await claimLinkMessage(db, actor.clinicId, patientId, link.id, actor.userId);
  const message = reportLinkMessage({ clinicName: clinic!.name, givenName: patient!.givenName, url: link.url, expiresAt: new Date(link.expiresAt), timeZone });
  const delivery = patient?.email ? await mailer.send({ to: patient.email, ...message }) : ({ outcome: "failed", errorCode: "NO_ADDRESS" } as const);
  await recordDelivery(db, { clinicId: actor.clinicId, patientId, messageId, purpose: "report-link", userId: actor.userId, ip: actor.ip, extra: { reportLinkId: link.id } }, delivery);
  return delivery;
}
