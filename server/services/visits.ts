/**
 * Visits: charting a treatment, signing it, and amending a signed note. The
 * safety check runs on every save with the patient's active flags and again
 * at signing, inside the signing transaction, so a block cannot slip through
 * between the two. Clinical data: practitioners and owners chart; the front
 * desk sees that a visit happened, not what was done.
 */
import { can } from "../../domain/access/roles.ts";
import { flagsInForce } from "../../domain/assessment/safetyFlags.ts";
import type { PatientId } from "../../domain/shared/brand.ts";
import type { CalendarDate } from "../../domain/shared/calendarDate.ts";
import { chartAsAmended, correctedParts, type ChartCorrection } from "../../domain/treatment/chartCorrection.ts";
import { overridesInForce } from "../../domain/treatment/overrides.ts";
import { checkSafety, unknownPoints, type SafetyFinding } from "../../domain/treatment/safety.ts";
import { plannedNeedleCount } from "../../domain/treatment/treatment.ts";
import { signingProblems, type VisitChart } from "../../domain/treatment/visit.ts";
import type { Database, Queryable } from "../db/database.ts";
import { unlinkVisit } from "../db/repositories/appointments.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import { currentEpisode, findEpisode } from "../db/repositories/episodes.ts";
import { insertPainScore } from "../db/repositories/painScores.ts";
import { findPatient } from "../db/repositories/patients.ts";
import { findPlan } from "../db/repositories/treatmentPlans.ts";
import {
  deleteDraft,
  findVisit,
  insertAmendment,
  insertVisit,
  listAmendments,
  listVisits,
  signVisit,
  updateDraft,
  type AmendmentRecord,
  type VisitRecord,
} from "../db/repositories/visits.ts";
import { fail, ok, type Outcome } from "../errors.ts";
import { denied, type Actor } from "./actor.ts";
import { episodeCarePath } from "./episodes.ts";
import { flagStates } from "./safetyFlags.ts";
import { recordVisitClaim } from "./visitCoverage.ts";
import { startingTreatment, type TreatmentStart } from "./treatmentStart.ts";
import { refuseUnlessOpen } from "./patientStatus.ts";
import { implausibleDates } from "./plausibleDates.ts";

export interface VisitView extends VisitRecord {
  /** Live for a draft (the patient's flags now); as signed for a signed visit. */
  findings: SafetyFinding[];
  /** What still stands between the draft and a signature; empty once signed. */
  problems: { code: string; message: string }[];
  amendments: AmendmentRecord[];
}

/** What the front desk may know of a visit. */
export interface VisitSummary {
  id: string;
  visitOn: CalendarDate;
  status: "draft" | "signed";
  practitionerName: string;
}

/** The flags set and those the intake records (pregnancy at intake counts before the flag is set). */
async function activeFlags(q: Queryable, actor: Actor, patientId: PatientId): Promise<string[]> {
  return flagsInForce(await flagStates(q, actor.clinicId, patientId));
}

function findingsFor(chart: VisitChart, flags: readonly string[]): SafetyFinding[] {
  return checkSafety({ flags, treatment: chart.treatment, cunMm: chart.cunMm });
}

function view(visit: VisitRecord, flags: readonly string[], amendments: AmendmentRecord[]): VisitView {
  if (visit.status === "signed") return { ...visit, problems: [], amendments };
  const findings = findingsFor(visit.chart, flags);
  return { ...visit, findings, problems: signingProblems(visit.chart, findings), amendments };
}

/** Refuses a chart whose points are unknown or whose parts do not fit, naming each problem. */
function chartProblem(chart: VisitChart) {
  const unknown = unknownPoints(chart.treatment);
  if (unknown.length > 0) {
    return fail("VALIDATION_FAILED", `Unknown points: ${unknown.join(", ")}.`, Object.fromEntries(unknown.map((code) => [code, "No acupoint has this code."])));
  }
  return null;
}

export async function startVisit(
  db: Database,
  actor: Actor,
  patientId: PatientId,
  input: { visitOn: CalendarDate; start: TreatmentStart; planId: string | null },
  today: CalendarDate,
): Promise<Outcome<VisitView>> {
  const refused = denied(actor, "patients.clinical.write");
  if (refused) return refused;
  return db.transaction((tx) => startVisitIn(tx, actor, patientId, input, today));
}

/** Starts the draft inside the caller's transaction (an appointment's chart links to it in the same one). */
export async function startVisitIn(
  tx: Queryable,
  actor: Actor,
  patientId: PatientId,
  input: { visitOn: CalendarDate; start: TreatmentStart; planId: string | null },
  today: CalendarDate,
): Promise<Outcome<VisitView>> {
  const closed = await refuseUnlessOpen(tx, actor.clinicId, patientId);
  if (closed) return closed;
  const implausible = await implausibleDates(tx, actor.clinicId, patientId, { visitOn: input.visitOn });
  if (implausible) return implausible;
  const plan = input.planId ? await findPlan(tx, actor.clinicId, input.planId) : null;
  if (input.planId && (!plan || plan.patientId !== patientId)) return fail("PLAN_NOT_FOUND");
  const episode = plan ? await findEpisode(tx, actor.clinicId, plan.episodeId) : await currentEpisode(tx, actor.clinicId, patientId);
  if (!episode) return fail("NO_EPISODE");
  if (episode.enteredInError) return fail("ENTRY_IN_ERROR");
  const path = await episodeCarePath(tx, actor.clinicId, episode, today);
  if (!path.canStartPlan) return fail("CARE_PATH_BLOCKED", path.reason);
  const started = await startingTreatment(tx, actor, patientId, input.start, plan);
  if (!started.ok) return started;
  const { treatment, carried } = started.value;
  const chart: VisitChart = {
    visitOn: input.visitOn,
    treatment,
    // The count going in is proposed from the treatment; the count coming out is always the practitioner's.
    needleCount: { inserted: plannedNeedleCount(treatment) || null, removed: null, incident: null },
    painBefore: null,
    painAfter: null,
    position: carried?.position ?? null,
    faceToFaceMinutes: null,
    increments: [],
    coInterventions: null,
    advice: null,
    soap: { subjective: null, objective: null, assessment: null, plan: null },
    separateEvaluation: null,
    adverseEvents: [],
    overrides: [],
    cunMm: carried?.cunMm ?? null,
  };
  const id = await insertVisit(tx, actor.clinicId, { patientId, episodeId: episode.id, planId: plan?.id ?? null, practitionerId: actor.userId, chart });
  await appendAuditEvent(tx, {
    clinicId: actor.clinicId,
    userId: actor.userId,
    action: "create",
    entity: "visit",
    entityId: id,
    patientId,
    ip: actor.ip,
    detail: { from: input.start.from, sites: treatment.sites.length },
  });
  return ok(view((await findVisit(tx, actor.clinicId, id))!, await activeFlags(tx, actor, patientId), []));
}

export async function visitOf(db: Database, actor: Actor, visitId: string): Promise<Outcome<VisitView>> {
  const refused = denied(actor, "patients.clinical.read");
  if (refused) return refused;
  const visit = await findVisit(db, actor.clinicId, visitId);
  if (!visit) return fail("VISIT_NOT_FOUND");
  const amendments = await listAmendments(db, actor.clinicId, [visit.id]);
  await appendAuditEvent(db, { clinicId: actor.clinicId, userId: actor.userId, action: "read", entity: "visit", entityId: visit.id, patientId: visit.patientId, ip: actor.ip });
  return ok(view(visit, await activeFlags(db, actor, visit.patientId), amendments));
}

/** The patient's visits, newest first: whole for clinical roles, a summary for the front desk. */
export async function visitsOf(db: Database, actor: Actor, patientId: PatientId): Promise<Outcome<VisitView[] | VisitSummary[]>> {
  const refused = denied(actor, "patients.demographics.read");
  if (refused) return refused;
  if (!(await findPatient(db, actor.clinicId, patientId))) return fail("PATIENT_NOT_FOUND");
  const visits = await listVisits(db, actor.clinicId, patientId);
  const clinical = can(actor.role, "patients.clinical.read");
  await appendAuditEvent(db, {
    clinicId: actor.clinicId,
    userId: actor.userId,
    action: "read",
    entity: clinical ? "visit" : "visit_summary",
    patientId,
    ip: actor.ip,
    detail: { count: visits.length },
  });
  if (!clinical) return ok(visits.map(({ id, visitOn, status, practitionerName }) => ({ id, visitOn, status, practitionerName })));
  const amendments = await listAmendments(db, actor.clinicId, visits.map((v) => v.id));
  const flags = await activeFlags(db, actor, patientId);
  return ok(visits.map((visit) => view(visit, flags, amendments.filter((a) => a.visitId === visit.id))));
}

/** The draft, locked for this transaction; a signed visit is refused as never changing. */
async function draftForChange(tx: Queryable, actor: Actor, visitId: string): Promise<Outcome<VisitRecord>> {
  const visit = await findVisit(tx, actor.clinicId, visitId, { forUpdate: true });
  if (!visit) return fail("VISIT_NOT_FOUND");
  if (visit.status === "signed") return fail("VISIT_SIGNED");
  return ok(visit);
}

export async function saveVisitDraft(db: Database, actor: Actor, visitId: string, version: number, chart: VisitChart): Promise<Outcome<VisitView>> {
  const refused = denied(actor, "patients.clinical.write");
  if (refused) return refused;
  const invalid = chartProblem(chart);
  if (invalid) return invalid;
  return db.transaction(async (tx) => {
    const draft = await draftForChange(tx, actor, visitId);
    if (!draft.ok) return draft;
    const visit = draft.value;
    const implausible = await implausibleDates(tx, actor.clinicId, visit.patientId, { visitOn: chart.visitOn }, "chart.");
    if (implausible) return implausible;
    if (!(await updateDraft(tx, actor.clinicId, visitId, version, chart))) return fail("VISIT_VERSION_CONFLICT");
    await appendAuditEvent(tx, { clinicId: actor.clinicId, userId: actor.userId, action: "update", entity: "visit", entityId: visitId, patientId: visit.patientId, ip: actor.ip });
    return ok(view((await findVisit(tx, actor.clinicId, visitId))!, await activeFlags(tx, actor, visit.patientId), []));
  });
}

/**
 * Signs the visit as charted: the safety check runs again with the patient's
 * flags now, every block needs a written override, needles in must equal
 * needles out. Pain before and after become NRS scores on the chart.
 */
export async function signVisitNote(db: Database, actor: Actor, visitId: string, version: number, chart: VisitChart): Promise<Outcome<VisitView>> {
  const refused = denied(actor, "patients.clinical.write");
  if (refused) return refused;
  const invalid = chartProblem(chart);
  if (invalid) return invalid;
  return db.transaction(async (tx) => {
    const draft = await draftForChange(tx, actor, visitId);
    if (!draft.ok) return draft;
    const visit = draft.value;
    if (visit.version !== version) return fail("VISIT_VERSION_CONFLICT");
    // Pain before and after become scores dated on the visit: a visit before birth would make a false baseline.
    const implausible = await implausibleDates(tx, actor.clinicId, visit.patientId, { visitOn: chart.visitOn }, "chart.");
    if (implausible) return implausible;
    const findings = findingsFor(chart, await activeFlags(tx, actor, visit.patientId));
    const problems = signingProblems(chart, findings);
    if (problems.length > 0) {
      const code = problems.some((p) => p.code === "needles")
        ? "VISIT_NEEDLES_UNRECONCILED"
        : problems.some((p) => p.code === "blocked")
          ? "VISIT_SAFETY_BLOCKED"
          : problems.some((p) => p.code === "treatment")
            ? "TREATMENT_INVALID"
            : "VISIT_NOT_SIGNABLE";
      return fail(code, problems.map((p) => p.message).join(" "), Object.fromEntries(problems.map((p, i) => [`${p.code}.${i}`, p.message])));
    }
    // Keep only the overrides that passed a block, with the findings as they stood.
    const signed: VisitChart = { ...chart, overrides: overridesInForce(findings, chart.overrides) };
    if (!(await signVisit(tx, actor.clinicId, visitId, version, signed, findings, actor.userId))) return fail("VISIT_VERSION_CONFLICT");
    for (const [score, when] of [
      [chart.painBefore, "before"],
      [chart.painAfter, "after"],
    ] as const) {
      if (score === null) continue;
      await insertPainScore(tx, actor.clinicId, { patientId: visit.patientId, score, recordedOn: chart.visitOn, note: `${when} treatment`, recordedBy: actor.userId, visitId });
    }
    await appendAuditEvent(tx, {
      clinicId: actor.clinicId,
      userId: actor.userId,
      action: "sign",
      entity: "visit",
      entityId: visitId,
      patientId: visit.patientId,
      ip: actor.ip,
      detail: { needles: chart.needleCount.inserted ?? 0, overrides: signed.overrides.map((o) => o.rule) },
    });
    const signedVisit = (await findVisit(tx, actor.clinicId, visitId))!;
    // The claim lines as the visit was signed: billing later reads these, never re-derives them silently.
    await recordVisitClaim(tx, actor, signedVisit, signedVisit.chart);
    return ok(view(signedVisit, [], []));
  });
}

/**
 * A correction to a signed visit, kept beside the original; or the visit
 * marked entered in error. A correction of what billing reads (points, e-stim,
 * minutes, a separate evaluation) recomputes the claim lines from the chart as
 * amended; the lines from signing stay listed.
 */
export async function amendVisit(
  db: Database,
  actor: Actor,
  visitId: string,
  amendment: { reason: string; correction: string | null; chartCorrection: ChartCorrection | null; enteredInError: boolean },
): Promise<Outcome<VisitView>> {
  const refused = denied(actor, "patients.clinical.write");
  if (refused) return refused;
  return db.transaction(async (tx) => {
    const visit = await findVisit(tx, actor.clinicId, visitId, { forUpdate: true });
    if (!visit) return fail("VISIT_NOT_FOUND");
    if (visit.status !== "signed") return fail("VALIDATION_FAILED", "A draft is edited, not amended; amendments are for signed visits.");
    const before = chartAsAmended(visit.chart, (await listAmendments(tx, actor.clinicId, [visitId])).map((a) => a.chartCorrection));
    const after = chartAsAmended(before, [amendment.chartCorrection]);
    const corrected = amendment.chartCorrection ? correctedParts(before, after) : [];
    if (amendment.chartCorrection) {
      const invalid = chartProblem(after) ?? correctionProblem(after, corrected);
      if (invalid) return invalid;
    }
    const amendmentId = await insertAmendment(tx, actor.clinicId, { visitId, authorId: actor.userId, ...amendment });
    await appendAuditEvent(tx, {
      clinicId: actor.clinicId,
      userId: actor.userId,
      action: "amend",
      entity: "visit",
      entityId: visitId,
      patientId: visit.patientId,
      ip: actor.ip,
      detail: { enteredInError: amendment.enteredInError, corrected },
    });
    if (corrected.length > 0) await recordVisitClaim(tx, actor, visit, after, amendmentId);
    return ok(view(visit, [], await listAmendments(tx, actor.clinicId, [visitId])));
  });
}

/** A correction must leave a chart that could have been signed as to its parts and minutes, and must change something. */
function correctionProblem(chart: VisitChart, corrected: readonly string[]) {
  if (corrected.length === 0) return fail("VALIDATION_FAILED", "The correction changes nothing in the chart; write it in the correction text instead.");
  const problems = signingProblems(chart, []).filter((p) => p.code === "treatment" || p.code === "minutes");
  if (problems.length > 0) return fail("VALIDATION_FAILED", problems.map((p) => p.message).join(" "));
  return null;
}

/** A draft that was started by mistake is discarded; a signed visit never is. */
export async function discardVisitDraft(db: Database, actor: Actor, visitId: string): Promise<Outcome<{ id: string }>> {
  const refused = denied(actor, "patients.clinical.write");
  if (refused) return refused;
  return db.transaction(async (tx) => {
    const draft = await draftForChange(tx, actor, visitId);
    if (!draft.ok) return draft;
    const visit = draft.value;
    // The appointment it was opened from goes back to booked, so the visit can be charted again or closed as missed.
    for (const reopened of await unlinkVisit(tx, actor.clinicId, visitId)) {
      await appendAuditEvent(tx, { clinicId: actor.clinicId, userId: actor.userId, action: "update", entity: "appointment", entityId: reopened.id, patientId: visit.patientId, ip: actor.ip, detail: { status: "booked", change: "chart discarded" } });
    }
    await deleteDraft(tx, actor.clinicId, visitId);
    await appendAuditEvent(tx, { clinicId: actor.clinicId, userId: actor.userId, action: "delete", entity: "visit", entityId: visitId, patientId: visit.patientId, ip: actor.ip });
    return ok({ id: visitId });
  });
}
