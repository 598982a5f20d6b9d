/**
 * Patient self-report between visits: the practitioner creates a single-use,
 * expiring link for a set of instruments; the patient fills them in on a phone
 * without an account; the answers land on the chart. The link's random token is
 * the credential (256 bits; only its hash is stored), so it cannot be guessed,
 * can be withdrawn by the clinic, and can be used once.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Answer, Score } from "../../domain/assessment/instruments/instrument.ts";
import { instrumentById } from "../../domain/assessment/instruments/registry.ts";
import type { InstrumentForm } from "../../domain/assessment/instruments/wording.ts";
import type { PatientId } from "../../domain/shared/brand.ts";
import type { CalendarDate } from "../../domain/shared/calendarDate.ts";
import type { Database } from "../db/database.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import { findClinic } from "../db/repositories/clinics.ts";
import { insertInstrumentResponse } from "../db/repositories/instrumentResponses.ts";
import { findPatient } from "../db/repositories/patients.ts";
import { findReportLinkByHash, insertReportLink, listReportLinks, revokeReportLink, useReportLink, type ReportLinkRecord } from "../db/repositories/reportLinks.ts";
import { fail, ok, type Outcome } from "../errors.ts";
import { denied, type Actor } from "./actor.ts";
import { describeScoringProblem } from "./instrumentScoring.ts";
import { clinicQuestionnaires } from "./instrumentWordings.ts";
import { refuseUnlessOpen } from "./patientStatus.ts";

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createReportLink(
  db: Database,
  actor: Actor,
  patientId: PatientId,
  input: { instruments: string[]; expiresInDays: number },
): Promise<Outcome<{ token: string; link: ReportLinkRecord }>> {
  const refused = denied(actor, "followUps.send");
  if (refused) return refused;
  const unknown = input.instruments.filter((id) => !instrumentById(id));
  if (unknown.length > 0) return fail("INSTRUMENT_NOT_FOUND", `Unknown: ${unknown.join(", ")}.`);
  return db.transaction(async (tx) => {
    const closed = await refuseUnlessOpen(tx, actor.clinicId, patientId);
    if (closed) return closed;
    // A patient at home cannot answer "Statement 7": licensed questionnaires go out only with the clinic's wording.
    const questionnaires = await clinicQuestionnaires(tx, actor.clinicId);
    const unanswerable = questionnaires.filter((form) => input.instruments.includes(form.id) && !form.patientReady);
    if (unanswerable.length > 0) {
      return fail(
        "INSTRUMENT_NEEDS_WORDING",
        `${unanswerable.map((form) => form.name).join(" and ")} need${unanswerable.length === 1 ? "s" : ""} your clinic's licensed wording before patients can answer at home: load it on the Questionnaires page, or record it with the patient in the clinic.`,
        { instruments: "Choose questionnaires a patient can answer." },
      );
    }
    const token = randomBytes(32).toString("base64url");
    const link = await insertReportLink(tx, {
      clinicId: actor.clinicId,
      patientId,
      tokenHash: hash(token),
      instruments: [...new Set(input.instruments)],
      expiresAt: new Date(Date.now() + input.expiresInDays * 86_400_000),
      createdBy: actor.userId,
    });
    await appendAuditEvent(tx, { clinicId: actor.clinicId, userId: actor.userId, action: "create", entity: "report_link", entityId: link.id, patientId, ip: actor.ip });
    return ok({ token, link });
  });
}

export async function reportLinksOf(db: Database, actor: Actor, patientId: PatientId): Promise<Outcome<ReportLinkRecord[]>> {
  const refused = denied(actor, "followUps.send");
  if (refused) return refused;
  if (!(await findPatient(db, actor.clinicId, patientId))) return fail("PATIENT_NOT_FOUND");
  const links = await listReportLinks(db, actor.clinicId, patientId);
  await appendAuditEvent(db, { clinicId: actor.clinicId, userId: actor.userId, action: "list", entity: "report_link", patientId, ip: actor.ip, detail: { count: links.length } });
  return ok(links);
}

/** Withdraws a link the patient has not used yet; audited. */
export async function withdrawReportLink(db: Database, actor: Actor, patientId: PatientId, linkId: string): Promise<Outcome<ReportLinkRecord[]>> {
  const refused = denied(actor, "followUps.send");
  if (refused) return refused;
  return db.transaction(async (tx) => {
    if (!(await findPatient(tx, actor.clinicId, patientId))) return fail("PATIENT_NOT_FOUND");
    if (!(await revokeReportLink(tx, actor.clinicId, patientId, linkId, actor.userId))) return fail("REPORT_LINK_NOT_OPEN");
    await appendAuditEvent(tx, { clinicId: actor.clinicId, userId: actor.userId, action: "update", entity: "report_link", entityId: linkId, patientId, ip: actor.ip, detail: { withdrawn: true } });
    return ok(await listReportLinks(tx, actor.clinicId, patientId));
  });
}

/** What the patient's page needs: the clinic's name, the patient's given name, the forms in the clinic's wording. Nothing more. */
export interface ReportForm {
  clinicName: string;
  givenName: string;
  forms: InstrumentForm[];
  expiresAt: string;
}

async function usableLink(db: Database, token: string): Promise<Outcome<ReportLinkRecord>> {
  const link = await findReportLinkByHash(db, hash(token));
  if (!link) return fail("REPORT_LINK_NOT_FOUND");
  if (link.usedAt) return fail("REPORT_LINK_USED");
  if (link.revokedAt) return fail("REPORT_LINK_WITHDRAWN");
  if (Date.parse(link.expiresAt) <= Date.now()) return fail("REPORT_LINK_EXPIRED");
  // A merge moves links to the record kept; a patient registered in error has no one to report for.
  if (await refuseUnlessOpen(db, link.clinicId, link.patientId)) return fail("REPORT_LINK_NOT_FOUND");
  return ok(link);
}

export async function openReportLink(db: Database, token: string, ip: string | null): Promise<Outcome<ReportForm>> {
  const usable = await usableLink(db, token);
  if (!usable.ok) return usable;
  const link = usable.value;
  const patient = await findPatient(db, link.clinicId, link.patientId);
  const clinic = await findClinic(db, link.clinicId);
  if (!patient || !clinic) return fail("REPORT_LINK_NOT_FOUND");
  await appendAuditEvent(db, { clinicId: link.clinicId, userId: null, action: "read", entity: "report_link", entityId: link.id, patientId: link.patientId, ip });
  const questionnaires = await clinicQuestionnaires(db, link.clinicId);
  const forms = link.instruments
    .map((id) => questionnaires.find((q) => q.id === id)!)
    .map(({ id, name, version, items, wording, patientReady }) => ({ id, name, version, items, wording, patientReady }));
  return ok({ clinicName: clinic.name, givenName: patient.givenName, forms, expiresAt: link.expiresAt });
}

/**
 * Scores every questionnaire first; stores them and uses up the link in one
 * transaction, so a refused submission leaves the link usable and nothing stored.
 */
export async function submitReport(
  db: Database,
  token: string,
  answers: Record<string, Answer[]>,
  today: CalendarDate,
  ip: string | null,
): Promise<Outcome<{ stored: number }>> {
  const usable = await usableLink(db, token);
  if (!usable.ok) return usable;
  const link = usable.value;
  // What a patient reads: questionnaire names and plain words, never ids.
  const missingForms = link.instruments.filter((id) => !answers[id]);
  if (missingForms.length > 0) {
    const names = missingForms.map((id) => instrumentById(id)!.name);
    return fail(
      "INSTRUMENT_ANSWERS_INCOMPLETE",
      `Please answer ${names.join(" and ")} before sending.`,
      Object.fromEntries(missingForms.map((id) => [id, "Not answered yet."])),
    );
  }
  const scored: { id: string; answers: Answer[]; score: Score }[] = [];
  for (const id of link.instruments) {
    const outcome = instrumentById(id)!.score(answers[id]!);
    if (!outcome.ok) {
      const { code, detail, fields } = describeScoringProblem(outcome.problem);
      return fail(code, `${instrumentById(id)!.name}: ${detail}`, Object.fromEntries(Object.entries(fields).map(([item, note]) => [`${id}.${item}`, note])));
    }
    scored.push({ id, answers: answers[id]!, score: outcome.score });
  }
  return db.transaction(async (tx) => {
    if (!(await useReportLink(tx, link.id))) return fail("REPORT_LINK_USED");
    for (const { id, answers: given, score } of scored) {
      await insertInstrumentResponse(
        tx,
        link.clinicId,
        link.patientId,
        { instrument: id, version: score.version, answers: given, score: score.value, unit: score.unit, band: score.band, subscales: score.subscales, recordedOn: today, source: "patient-link" },
        null,
      );
    }
    await appendAuditEvent(tx, {
      clinicId: link.clinicId,
      userId: null,
      action: "create",
      entity: "instrument_response",
      entityId: link.id,
      patientId: link.patientId,
      ip,
      detail: { via: "report_link", count: scored.length },
    });
    return ok({ stored: scored.length });
  });
}
