/**
 * The clinic-wide list of Medicare patients whose next visit is at risk under
 * NCD 30.3.3 (domain/coverage/atRisk.ts), judged as the patient page judges
 * the next visit (nextVisit.ts). Each listed patient's read is audited.
 */
import type { VisitRisk } from "../../domain/coverage/atRisk.ts";
import type { CoverageStatus } from "../../domain/coverage/types.ts";
import type { PatientId } from "../../domain/shared/brand.ts";
import type { CalendarDate } from "../../domain/shared/calendarDate.ts";
import type { Database } from "../db/database.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import { listMedicarePatientIds } from "../db/repositories/coverage.ts";
import { findPatient } from "../db/repositories/patients.ts";
import { ok, type Outcome } from "../errors.ts";
import { denied, type Actor } from "./actor.ts";
import { judgeNextVisit } from "./nextVisit.ts";

export interface PatientAtRisk {
  patientId: PatientId;
  name: string;
  lastVisitOn: CalendarDate | null;
  visitInWindow: number;
  visitInYear: number;
  window: { from: CalendarDate; to: CalendarDate } | null;
  status: CoverageStatus;
  lastMeasuredOn: CalendarDate | null;
  risks: VisitRisk[];
}

export async function visitsAtRisk(db: Database, actor: Actor, today: CalendarDate): Promise<Outcome<PatientAtRisk[]>> {
  const refused = denied(actor, "patients.clinical.read");
  if (refused) return refused;
  const list: PatientAtRisk[] = [];
  for (const patientId of await listMedicarePatientIds(db, actor.clinicId)) {
    const next = await judgeNextVisit(db, actor.clinicId, patientId, today);
    if (!next || next.risks.length === 0 || !next.billing.coverage) continue;
    const patient = (await findPatient(db, actor.clinicId, patientId))!;
    const { coverage, description } = next.billing;
    list.push({
      patientId,
      name: `${patient.familyName}, ${patient.givenName}`,
      lastVisitOn: next.lastVisitOn,
      visitInWindow: coverage.visitInWindow,
      visitInYear: coverage.visitInYear,
      window: coverage.window ?? null,
      status: description.status,
      lastMeasuredOn: description.lastMeasuredOn ?? null,
      risks: next.risks,
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
