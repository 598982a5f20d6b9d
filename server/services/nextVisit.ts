/**
 * What the patient's next visit would be under their coverage, judged today:
 * the draft for today if there is one, else a visit today like the last
 * signed one (same practitioner, modality and increments). The count, status
 * and furnisher are read exactly as the visit page reads them (billVisit), so
 * the patient page, the at-risk list and the visit never disagree.
 */
import { nextReEvaluation, visitRisks, type VisitRisk } from "../../domain/coverage/atRisk.ts";
import { checkMedicare } from "../../domain/coverage/ncd30_3_3.ts";
import type { ClinicId, PatientId } from "../../domain/shared/brand.ts";
import type { CalendarDate } from "../../domain/shared/calendarDate.ts";
import type { Database, Queryable } from "../db/database.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import { findPatient } from "../db/repositories/patients.ts";
import { listVisits, type VisitRecord } from "../db/repositories/visits.ts";
import { fail, ok, type Outcome } from "../errors.ts";
import { denied, type Actor } from "./actor.ts";
import { billVisit, type VisitBilling } from "./coverage.ts";
import { coverageCounter } from "./visitCoverage.ts";

export interface NextVisitJudgement {
  visitOn: CalendarDate;
  lastVisitOn: CalendarDate | null;
  billing: VisitBilling;
  counter: string | null;
  /** Medicare only: what puts the next visit at risk, and the re-evaluation the NCD needs. */
  risks: VisitRisk[];
  reEvaluation: string | null;
}

function nextVisitOf(visits: readonly VisitRecord[], today: CalendarDate): VisitRecord | null {
  const draft = visits.find((v) => v.status === "draft" && v.visitOn === today);
  if (draft) return draft;
  const last = visits.find((v) => v.status === "signed");
  if (!last) return null;
  return { ...last, id: "next", status: "draft", visitOn: today, createdAt: new Date().toISOString(), chart: { ...last.chart, visitOn: today } };
}

/** Null when the patient has no visit to go on. No audit: callers audit their own read. */
export async function judgeNextVisit(q: Queryable, clinicId: ClinicId, patientId: PatientId, today: CalendarDate): Promise<NextVisitJudgement | null> {
  const visits = await listVisits(q, clinicId, patientId);
  const visit = nextVisitOf(visits, today);
  if (!visit) return null;
  const billing = await billVisit(q, clinicId, visit, visit.chart);
  const medicare = billing.payer === "medicare" ? checkMedicare(billing.description) : null;
  const facts = { status: billing.description.status, lastMeasuredOn: billing.description.lastMeasuredOn ?? null };
  return {
    visitOn: visit.visitOn,
    lastVisitOn: billing.description.priorVisits.at(-1) ?? visits.find((v) => v.status === "signed")?.visitOn ?? null,
    billing,
    counter: coverageCounter(billing),
    risks: medicare ? visitRisks(medicare, facts) : [],
    reEvaluation: medicare ? nextReEvaluation(medicare) : null,
  };
}

export async function nextVisitCoverage(db: Database, actor: Actor, patientId: PatientId, today: CalendarDate): Promise<Outcome<Omit<NextVisitJudgement, "billing"> & Pick<VisitBilling, "payer" | "coverage"> | null>> {
  const refused = denied(actor, "patients.clinical.read");
  if (refused) return refused;
  if (!(await findPatient(db, actor.clinicId, patientId))) return fail("PATIENT_NOT_FOUND");
  const judged = await judgeNextVisit(db, actor.clinicId, patientId, today);
  await appendAuditEvent(db, { clinicId: actor.clinicId, userId: actor.userId, action: "read", entity: "visit_coverage", patientId, ip: actor.ip, detail: { visit: "next" } });
  if (!judged) return ok(null);
  const { billing, ...rest } = judged;
  return ok({ ...rest, payer: billing.payer, coverage: billing.coverage });
}
