import type { ClinicId, PatientId, UserId } from "../../../domain/shared/brand.ts";
import type { CalendarDate } from "../../../domain/shared/calendarDate.ts";
import type { ChartCorrection } from "../../../domain/treatment/chartCorrection.ts";
import type { SafetyFinding } from "../../../domain/treatment/safety.ts";
import type { VisitChart } from "../../../domain/treatment/visit.ts";
import type { Queryable } from "../database.ts";
import { isoTimestamp } from "./rows.ts";

export interface VisitRecord {
  id: string;
  patientId: PatientId;
  episodeId: string;
  planId: string | null;
  practitionerId: string;
  practitionerName: string;
  visitOn: CalendarDate;
  status: "draft" | "signed";
  chart: VisitChart;
  findings: SafetyFinding[];
  signedAt: string | null;
  signedBy: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface AmendmentRecord {
  id: string;
  visitId: string;
  authorId: string;
  authorName: string;
  at: string;
  reason: string;
  correction: string | null;
  /** The corrected parts billing reads, when the amendment corrects them. */
  chartCorrection: ChartCorrection | null;
  enteredInError: boolean;
}

interface VisitRow {
  id: string;
  patient_id: PatientId;
  episode_id: string;
  plan_id: string | null;
  practitioner_id: string;
  practitioner_name: string;
  visit_on: CalendarDate;
  status: "draft" | "signed";
  chart: VisitChart;
  findings: SafetyFinding[];
  signed_at: Date | null;
  signed_by: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const SELECT = `select v.id, v.patient_id, v.episode_id, v.plan_id, v.practitioner_id, u.display_name as practitioner_name, v.visit_on,
  v.status, v.chart, v.findings, v.signed_at, v.signed_by, v.version, v.created_at, v.updated_at
  from visits v join users u on u.id = v.practitioner_id`;

function toVisit(row: VisitRow): VisitRecord {
  return {
    id: row.id,
    patientId: row.patient_id,
    episodeId: row.episode_id,
    planId: row.plan_id,
    practitionerId: row.practitioner_id,
    practitionerName: row.practitioner_name,
    visitOn: row.visit_on,
    status: row.status,
    // Charts signed before a field existed read as if it had been left empty.
    chart: { ...row.chart, separateEvaluation: row.chart.separateEvaluation ?? null },
    findings: row.findings,
    signedAt: row.signed_at ? isoTimestamp(row.signed_at) : null,
    signedBy: row.signed_by,
    version: Number(row.version),
    createdAt: isoTimestamp(row.created_at),
    updatedAt: isoTimestamp(row.updated_at),
  };
}

export async function insertVisit(
  q: Queryable,
  clinicId: ClinicId,
  visit: { patientId: PatientId; episodeId: string; planId: string | null; practitionerId: UserId; chart: VisitChart },
): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `insert into visits (clinic_id, patient_id, episode_id, plan_id, practitioner_id, visit_on, status, chart)
     values ($1, $2, $3, $4, $5, $6, 'draft', $7) returning id`,
    [clinicId, visit.patientId, visit.episodeId, visit.planId, visit.practitionerId, visit.chart.visitOn, JSON.stringify(visit.chart)],
  );
  return row!.id;
}

export async function findVisit(q: Queryable, clinicId: ClinicId, visitId: string, options: { forUpdate?: boolean } = {}): Promise<VisitRecord | null> {
  const [row] = await q.query<VisitRow>(`${SELECT} where v.clinic_id = $1 and v.id = $2${options.forUpdate ? " for update of v" : ""}`, [clinicId, visitId]);
  return row ? toVisit(row) : null;
}

/** Newest first. */
export async function listVisits(q: Queryable, clinicId: ClinicId, patientId: PatientId): Promise<VisitRecord[]> {
  const rows = await q.query<VisitRow>(`${SELECT} where v.clinic_id = $1 and v.patient_id = $2 order by v.visit_on desc, v.created_at desc`, [clinicId, patientId]);
  return rows.map(toVisit);
}

/** Saves a draft if it is still at `version`; false when someone saved first (or it was signed). */
export async function updateDraft(q: Queryable, clinicId: ClinicId, visitId: string, version: number, chart: VisitChart): Promise<boolean> {
  const rows = await q.query<{ id: string }>(
    `update visits set chart = $4, visit_on = $5, version = version + 1, updated_at = now()
     where clinic_id = $1 and id = $2 and version = $3 and status = 'draft' returning id`,
    [clinicId, visitId, version, JSON.stringify(chart), chart.visitOn],
  );
  return rows.length > 0;
}

export async function signVisit(
  q: Queryable,
  clinicId: ClinicId,
  visitId: string,
  version: number,
  chart: VisitChart,
  findings: SafetyFinding[],
  signedBy: UserId,
): Promise<boolean> {
  const rows = await q.query<{ id: string }>(
    `update visits set chart = $4, visit_on = $5, findings = $6, status = 'signed', signed_at = now(), signed_by = $7,
       version = version + 1, updated_at = now()
     where clinic_id = $1 and id = $2 and version = $3 and status = 'draft' returning id`,
    [clinicId, visitId, version, JSON.stringify(chart), chart.visitOn, JSON.stringify(findings), signedBy],
  );
  return rows.length > 0;
}

export async function deleteDraft(q: Queryable, clinicId: ClinicId, visitId: string): Promise<boolean> {
  const rows = await q.query<{ id: string }>("delete from visits where clinic_id = $1 and id = $2 and status = 'draft' returning id", [clinicId, visitId]);
  return rows.length > 0;
}

export async function insertAmendment(
  q: Queryable,
  clinicId: ClinicId,
  amendment: { visitId: string; authorId: UserId; reason: string; correction: string | null; chartCorrection: ChartCorrection | null; enteredInError: boolean },
): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `insert into visit_amendments (clinic_id, visit_id, author_id, reason, correction, chart_correction, entered_in_error)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [
      clinicId,
      amendment.visitId,
      amendment.authorId,
      amendment.reason,
      amendment.correction,
      amendment.chartCorrection ? JSON.stringify(amendment.chartCorrection) : null,
      amendment.enteredInError,
    ],
  );
  return row!.id;
}

export async function listAmendments(q: Queryable, clinicId: ClinicId, visitIds: readonly string[]): Promise<AmendmentRecord[]> {
  if (visitIds.length === 0) return [];
  const rows = await q.query<{
    id: string;
    visit_id: string;
    author_id: string;
    author_name: string;
    at: Date;
    reason: string;
    correction: string | null;
    chart_correction: ChartCorrection | null;
    entered_in_error: boolean;
  }>(
    `select a.id, a.visit_id, a.author_id, u.display_name as author_name, a.at, a.reason, a.correction, a.chart_correction, a.entered_in_error
     from visit_amendments a join users u on u.id = a.author_id
     where a.clinic_id = $1 and a.visit_id = any($2::uuid[]) order by a.at, a.id`,
    [clinicId, visitIds],
  );
  return rows.map((row) => ({
    id: row.id,
    visitId: row.visit_id,
    authorId: row.author_id,
    authorName: row.author_name,
    at: isoTimestamp(row.at),
    reason: row.reason,
    correction: row.correction,
    chartCorrection: row.chart_correction,
    enteredInError: row.entered_in_error,
  }));
}
