/**
 * Coverage and billing for a visit, read from the chart: the visit as the
 * engines see it (nothing inferred), Medicare's NCD 30.3.3 or the patient's
 * plan, the CPT lines with fees, and the ICD-10 diagnosis. The engines are
 * pure (domain/coverage); this file only gathers their inputs.
 */
import { claimLines, DEFAULT_CODING_RULES, type CodingRules } from "../../domain/coverage/cpt.ts";
import { episodeDiagnosisCode, type Icd10Suggestion } from "../../domain/coverage/icd10.ts";
import { checkMedicare } from "../../domain/coverage/ncd30_3_3.ts";
import { checkPlan, type PayerPlan, type PlanRules } from "../../domain/coverage/payerPlan.ts";
import type { ClaimLines, CoverageModality, CoverageResult, CoverageStatus, VisitDescription } from "../../domain/coverage/types.ts";
import { overallStatus } from "../../domain/outcomes/trajectory.ts";
import type { ClinicId } from "../../domain/shared/brand.ts";
import type { CalendarDate } from "../../domain/shared/calendarDate.ts";
import type { ModalityId } from "../../domain/treatment/modalities.ts";
import { dryNeedlingMuscleCount, type VisitChart } from "../../domain/treatment/visit.ts";
import type { Queryable } from "../db/database.ts";
import { listProviderBilling } from "../db/repositories/billingDetails.ts";
import { feeSchedule, findPatientCoverage, findPayerPlan, listVisitClaims, type PatientCoverage, type PricedLine } from "../db/repositories/coverage.ts";
import { findEpisode } from "../db/repositories/episodes.ts";
import { listAmendments, listVisits, type VisitRecord } from "../db/repositories/visits.ts";
import { measuredTrajectories } from "./outcomes.ts";

const MODALITY: Record<ModalityId, CoverageModality> = { manual: "acupuncture", electro: "electroacupuncture", "dry-needling": "dry-needling" };
const STATUS: Record<string, CoverageStatus> = { improving: "improving", "not improving": "not-improving", regressing: "regressing" };

export interface VisitBilling {
  payer: PatientCoverage["payer"] | null;
  /** The plan's name and visit cap when the payer is a plan. */
  plan: { name: string; visitsPerPlanYear: number | null } | null;
  description: VisitDescription;
  coverage: CoverageResult | null;
  claim: ClaimLines & { lines: PricedLine[] };
  diagnoses: Icd10Suggestion[];
  totalCents: number | null;
}

/** The visit as the coverage engines read it. */
export async function describeVisit(q: Queryable, clinicId: ClinicId, visit: VisitRecord, chart: VisitChart): Promise<VisitDescription> {
  const episode = (await findEpisode(q, clinicId, visit.episodeId))!;
  const coverage = await findPatientCoverage(q, clinicId, visit.patientId);
  const providers = await listProviderBilling(q, clinicId);
  const furnisher = providers.find((p) => p.id === visit.practitionerId)?.furnisher ?? "acupuncturist";
  const { responses, trajectories } = await measuredTrajectories(q, clinicId, visit.patientId, chart.visitOn);
  const status = trajectories.length > 0 ? (STATUS[overallStatus(trajectories).status] ?? "unknown") : "unknown";
  const measuredOn = [...responses.map((r) => r.recordedOn), ...trajectories.map((t) => t.latest.recordedOn)].sort().at(-1) ?? null;
  return {
    visitDate: chart.visitOn,
    episode: {
      onsetDate: episode.onsetDate,
      // Acuback's episodes are back-pain episodes: the region is the low back.
      region: "low-back",
      systemicCause: episode.systemicCause,
      surgeryAssociated: episode.spinalSurgery,
      pregnancyAssociated: episode.pregnant,
    },
    priorVisits: await priorBilledVisits(q, clinicId, visit, coverage?.payer ?? "self-pay"),
    status,
    // A licensed acupuncturist is covered only incident-to a supervising physician, NP, PA or CNS (clinical-facts §1).
    furnishedBy: furnisher === "acupuncturist" ? (coverage?.supervisorId ? "acupuncturist-incident-to" : "acupuncturist-direct") : furnisher,
    modality: MODALITY[chart.treatment.modality],
    musclesTreated: chart.treatment.modality === "dry-needling" ? dryNeedlingMuscleCount(chart.treatment).muscles : null,
    increments: chart.increments.map((i) => ({ minutes: i.minutes, estim: i.estim, reinsertion: i.reinserted })),
    separateEvaluation: chart.separateEvaluation !== null,
    lastMeasuredOn: measuredOn,
  };
}

/**
 * Earlier signed visits of the patient billed to the same payer (their claim in
 * force names it), not entered in error: Medicare's window and year, or a
 * plan's cap, count these.
 */
async function priorBilledVisits(q: Queryable, clinicId: ClinicId, visit: VisitRecord, payer: PatientCoverage["payer"]): Promise<CalendarDate[]> {
  const earlier = (await listVisits(q, clinicId, visit.patientId)).filter(
    (v) => v.id !== visit.id && v.status === "signed" && (v.visitOn < visit.visitOn || (v.visitOn === visit.visitOn && v.createdAt < visit.createdAt)),
  );
  const ids = earlier.map((v) => v.id);
  const inError = new Set((await listAmendments(q, clinicId, ids)).filter((a) => a.enteredInError).map((a) => a.visitId));
  const claims = await listVisitClaims(q, clinicId, ids);
  const inForce = new Map(claims.map((c) => [c.visitId, c]));
  return earlier.filter((v) => !inError.has(v.id) && inForce.get(v.id)?.payer === payer).map((v) => v.visitOn).sort();
}

/** Coverage, claim lines with fees and the diagnosis for a visit as charted. */
export async function billVisit(q: Queryable, clinicId: ClinicId, visit: VisitRecord, chart: VisitChart): Promise<VisitBilling> {
  const description = await describeVisit(q, clinicId, visit, chart);
  const patientCoverage = await findPatientCoverage(q, clinicId, visit.patientId);
  const stored = patientCoverage?.planId ? await findPayerPlan<PlanRules>(q, clinicId, patientCoverage.planId) : null;
  // The plan's name and id live beside its rules, so a renamed plan reads its new name.
  const plan = stored ? { ...stored, rules: { ...stored.rules, id: stored.id, name: stored.name } } : null;
  const payer = patientCoverage?.payer ?? null;
  const coverage =
    payer === "medicare" ? checkMedicare(description) : payer === "plan" && plan ? checkPlan(description, planWithAuth(plan.rules, patientCoverage!)) : null;
  const rules: CodingRules = plan ? { ...DEFAULT_CODING_RULES, timeRule: plan.rules.timeRule, allow97811With97813: plan.rules.allow97811With97813, allow97814With97810: plan.rules.allow97814With97810 } : DEFAULT_CODING_RULES;
  const claim = claimLines(description, rules, coverage?.modifiers ?? []);
  const fees = await feeSchedule(q, clinicId);
  const lines: PricedLine[] = claim.lines.map((line) => ({ ...line, feeCents: fees[line.code] ?? null, diagnosisPointers: [1] }));
  const totalCents = lines.some((l) => l.feeCents === null) ? null : lines.reduce((sum, l) => sum + (l.feeCents ?? 0) * l.units, 0);
  return { payer, plan: payer === "plan" && plan ? { name: plan.name, visitsPerPlanYear: plan.rules.visitsPerPlanYear } : null, description, coverage, claim: { ...claim, lines }, diagnoses: [await diagnosisOf(q, clinicId, visit.episodeId)], totalCents };
}

/** The patient's own prior authorisation goes into the plan's rules for the check. */
function planWithAuth(plan: PayerPlan, coverage: PatientCoverage): PayerPlan {
  return {
    ...plan,
    priorAuthorization: { ...plan.priorAuthorization, number: coverage.priorAuthNumber, from: coverage.priorAuthFrom, to: coverage.priorAuthTo },
  };
}

/** The episode's chosen ICD-10 code, else the one its record supports. */
export async function diagnosisOf(q: Queryable, clinicId: ClinicId, episodeId: string): Promise<Icd10Suggestion> {
  return episodeDiagnosisCode((await findEpisode(q, clinicId, episodeId))!);
}
