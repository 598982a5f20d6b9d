/** Payer plans, patients' coverage, the fee schedule and the claim lines kept with signed visits. */
import type { ClinicId, PatientId, UserId } from "../../../domain/shared/brand.ts";
import type { CalendarDate } from "../../../domain/shared/calendarDate.ts";
import type { ClaimLine, CoverageResult } from "../../../domain/coverage/types.ts";
import type { Queryable } from "../database.ts";
import { isoTimestamp } from "./rows.ts";

export interface PayerPlanRecord<Rules = unknown> {
  id: string;
  name: string;
  rules: Rules;
}

export async function listPayerPlans<Rules>(q: Queryable, clinicId: ClinicId): Promise<PayerPlanRecord<Rules>[]> {
  return q.query<PayerPlanRecord<Rules>>("select id, name, rules from payer_plans where clinic_id = $1 order by lower(name)", [clinicId]);
}

export async function findPayerPlan<Rules>(q: Queryable, clinicId: ClinicId, id: string): Promise<PayerPlanRecord<Rules> | null> {
  const [row] = await q.query<PayerPlanRecord<Rules>>("select id, name, rules from payer_plans where clinic_id = $1 and id = $2", [clinicId, id]);
  return row ?? null;
}

export async function insertPayerPlan<Rules>(q: Queryable, clinicId: ClinicId, name: string, rules: Rules): Promise<PayerPlanRecord<Rules>> {
  const [row] = await q.query<PayerPlanRecord<Rules>>(
    "insert into payer_plans (clinic_id, name, rules) values ($1, $2, $3) returning id, name, rules",
    [clinicId, name, JSON.stringify(rules)],
  );
  return row!;
}

export async function updatePayerPlan<Rules>(q: Queryable, clinicId: ClinicId, id: string, name: string, rules: Rules): Promise<PayerPlanRecord<Rules> | null> {
  const [row] = await q.query<PayerPlanRecord<Rules>>(
    "update payer_plans set name = $3, rules = $4 where clinic_id = $1 and id = $2 returning id, name, rules",
    [clinicId, id, name, JSON.stringify(rules)],
  );
  return row ?? null;
}

export interface PatientCoverage {
  payer: "medicare" | "plan" | "self-pay";
  planId: string | null;
  memberId: string | null;
  priorAuthNumber: string | null;
  priorAuthFrom: CalendarDate | null;
  priorAuthTo: CalendarDate | null;
  supervisorId: string | null;
}

export async function findPatientCoverage(q: Queryable, clinicId: ClinicId, patientId: PatientId): Promise<PatientCoverage | null> {
  const [row] = await q.query<{
    payer: PatientCoverage["payer"];
    plan_id: string | null;
    member_id: string | null;
    prior_auth_number: string | null;
    prior_auth_from: CalendarDate | null;
    prior_auth_to: CalendarDate | null;
    supervisor_id: string | null;
  }>(
    "select payer, plan_id, member_id, prior_auth_number, prior_auth_from, prior_auth_to, supervisor_id from patient_coverage where clinic_id = $1 and patient_id = $2",
    [clinicId, patientId],
  );
  return row
    ? {
        payer: row.payer,
        planId: row.plan_id,
        memberId: row.member_id,
        priorAuthNumber: row.prior_auth_number,
        priorAuthFrom: row.prior_auth_from,
        priorAuthTo: row.prior_auth_to,
        supervisorId: row.supervisor_id,
      }
    : null;
}

export async function upsertPatientCoverage(q: Queryable, clinicId: ClinicId, patientId: PatientId, coverage: PatientCoverage, updatedBy: UserId): Promise<void> {
  await q.query(
    `insert into patient_coverage (clinic_id, patient_id, payer, plan_id, member_id, prior_auth_number, prior_auth_from, prior_auth_to, supervisor_id, updated_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     on conflict (clinic_id, patient_id) do update set payer = excluded.payer, plan_id = excluded.plan_id, member_id = excluded.member_id,
       prior_auth_number = excluded.prior_auth_number, prior_auth_from = excluded.prior_auth_from, prior_auth_to = excluded.prior_auth_to,
       supervisor_id = excluded.supervisor_id, updated_by = excluded.updated_by, updated_at = now()`,
    [clinicId, patientId, coverage.payer, coverage.planId, coverage.memberId, coverage.priorAuthNumber, coverage.priorAuthFrom, coverage.priorAuthTo, coverage.supervisorId, updatedBy],
  );
}

/** Fees in cents by code. */
export async function feeSchedule(q: Queryable, clinicId: ClinicId): Promise<Record<string, number>> {
  const rows = await q.query<{ code: string; fee_cents: number }>("select code, fee_cents from fee_schedule where clinic_id = $1 order by code", [clinicId]);
  return Object.fromEntries(rows.map((r) => [r.code, Number(r.fee_cents)]));
}

/** Replaces the clinic's fee schedule with `fees` (cents by code). */
export async function replaceFeeSchedule(q: Queryable, clinicId: ClinicId, fees: Record<string, number>): Promise<void> {
  await q.query("delete from fee_schedule where clinic_id = $1", [clinicId]);
  for (const [code, cents] of Object.entries(fees)) {
    await q.query("insert into fee_schedule (clinic_id, code, fee_cents) values ($1, $2, $3)", [clinicId, code, cents]);
  }
}

export interface PricedLine extends ClaimLine {
  /** Fee per unit in cents from the clinic's schedule; null when the schedule has none. */
  feeCents: number | null;
  /** ICD-10 pointers (1-based, into `diagnoses`). */
  diagnosisPointers: number[];
}

export interface VisitClaim {
  id: string;
  visitId: string;
  computedFor: "signing" | "amendment";
  /** The amendment whose correction these lines were recomputed for. */
  amendmentId: string | null;
  payer: string;
  coverage: CoverageResult | null;
  lines: PricedLine[];
  diagnoses: { code: string; title: string }[];
  computedAt: string;
}

export async function insertVisitClaim(q: Queryable, clinicId: ClinicId, claim: Omit<VisitClaim, "id" | "computedAt">): Promise<void> {
  await q.query(
    "insert into visit_claims (clinic_id, visit_id, computed_for, amendment_id, payer, coverage, lines, diagnoses) values ($1, $2, $3, $4, $5, $6, $7, $8)",
    [clinicId, claim.visitId, claim.computedFor, claim.amendmentId, claim.payer, JSON.stringify(claim.coverage), JSON.stringify(claim.lines), JSON.stringify(claim.diagnoses)],
  );
}

/** Oldest first: the last is the one in force. */
export async function listVisitClaims(q: Queryable, clinicId: ClinicId, visitIds: readonly string[]): Promise<VisitClaim[]> {
  if (visitIds.length === 0) return [];
  const rows = await q.query<{
    id: string;
    visit_id: string;
    computed_for: VisitClaim["computedFor"];
    amendment_id: string | null;
    payer: string;
    coverage: CoverageResult | null;
    lines: PricedLine[];
    diagnoses: VisitClaim["diagnoses"];
    computed_at: Date;
  }>(
    "select id, visit_id, computed_for, amendment_id, payer, coverage, lines, diagnoses, computed_at from visit_claims where clinic_id = $1 and visit_id = any($2::uuid[]) order by computed_at, id",
    [clinicId, visitIds],
  );
  return rows.map((r) => ({
    id: r.id,
    visitId: r.visit_id,
    computedFor: r.computed_for,
    amendmentId: r.amendment_id,
    payer: r.payer,
    coverage: r.coverage,
    lines: r.lines,
    diagnoses: r.diagnoses,
    computedAt: isoTimestamp(r.computed_at),
  }));
}

/** Patients whose coverage is Medicare: the clinic-wide "visits at risk" list reads these. */
export async function listMedicarePatientIds(q: Queryable, clinicId: ClinicId): Promise<PatientId[]> {
  const rows = await q.query<{ patient_id: PatientId }>("select patient_id from patient_coverage where clinic_id = $1 and payer = 'medicare'", [clinicId]);
  return rows.map((r) => r.patient_id);
}
