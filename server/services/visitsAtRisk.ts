/**
 * The clinic-wide list of Medicare patients whose next visit is at risk under
 * NCD 30.3.3 (domain/coverage/atRisk.ts). The next visit is described as the
 * patient's draft for today, else as a visit today like the last one (same
 * practitioner, modality and increments), so the count, the status and the
 * furnisher are read exactly as the visit page reads them.
 */
import { visitRisks, type VisitRisk } from "../../domain/coverage/atRisk.ts";
import { checkMedicare } from "../../domain/coverage/ncd30_3_3.ts";
import type { CoverageStatus } from "../../domain/coverage/types.ts";
import type { PatientId } from "../../domain/shared/brand.ts";
import type { CalendarDate } from "../../domain/shared/calendarDate.ts";
import type { Database } from "../db/database.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import { listMedicarePatientIds } from "../db/repositories/coverage.ts";
import { findPatient } from "../db/repositories/patients.ts";
import { listVisits, type VisitRecord } from "../db/repositories/visits.ts";
import { ok, type Outcome } from "../errors.ts";
import { denied, type Actor } from "./actor.ts";
import { describeVisit } from "./coverage.ts";

export interface PatientAtRisk {
  patientId: PatientId;
  name: string;
  lastVisitOn: CalendarDate;
  visitInWindow: number;
  visitInYear: number;
  window: { from: CalendarDate; to: CalendarDate };
  status: CoverageStatus;
  lastMeasuredOn: CalendarDate | null;
  risks: VisitRisk[];
}

/** The visit the list judges: today's draft, or one like the last visit on `today`. */
function nextVisit(visits: readonly VisitRecord[], today: CalendarDate): VisitRecord | null {
  const draft = visits.find((v) => v.status === "draft" && v.visitOn === today);
  if (draft) return draft;
  const last = visits.find((v) => v.status === "signed");
  if (!last) return null;
  return { ...last, id: "next", status: "draft", visitOn: today, createdAt: new Date().toISOString(), chart: { ...last.chart, visitOn: today } };
}

export async function visitsAtRisk(db: Database, actor: Actor, today: CalendarDate): Promise<Outcome<PatientAtRisk[]>> {
  const refused = denied(actor, "patients.clinical.read");
  if (refused) return refused;
  const list: PatientAtRisk[] = [];
  for (const patientId of await listMedicarePatientIds(db, actor.clinicId)) {
    const visit = nextVisit(await listVisits(db, actor.clinicId, patientId), today);
    if (!visit) continue;
    const description = await describeVisit(db, actor.clinicId, visit, visit.chart);
    const result = checkMedicare(description);
    const lastMeasuredOn = description.lastMeasuredOn ?? null;
    const risks = visitRisks(result, { status: description.status, lastMeasuredOn });
    if (risks.length === 0) continue;
    const patient = (await findPatient(db, actor.clinicId, patientId))!;
    list.push({
      patientId,
      name: `${patient.familyName}, ${patient.givenName}`,
      lastVisitOn: description.priorVisits.at(-1) ?? visit.visitOn,
      visitInWindow: result.visitInWindow,
      visitInYear: result.visitInYear,
      window: result.window,
      status: description.status,
      lastMeasuredOn,
      risks,
    });
  }
  // Stopping care first, then the nearest limit.
  const rank = (p: PatientAtRisk) => (p.risks.some((r) => r.kind === "not-improving") ? 0 : 1);
  list.sort((a, b) => rank(a) - rank(b) || b.visitInYear - a.visitInYear || a.name.localeCompare(b.name));
  for (const p of list) {
    await appendAuditEvent(db, { clinicId: actor.clinicId, userId: actor.userId, action: "read", entity: "visit_coverage", patientId: p.patientId, ip: actor.ip, detail: { list: "at-risk" } });
  }
  return ok(list);
}
