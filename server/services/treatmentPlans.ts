/**
 * Treatment plans: a course of care per episode, allowed only when the
 * episode's red-flag gate allows it. A plan's progress counts its signed
 * visits against the schedule and reads the same outcome status as the
 * patient page.
 */
import { overallStatus } from "../../domain/outcomes/trajectory.ts";
import type { PatientId } from "../../domain/shared/brand.ts";
import type { CalendarDate } from "../../domain/shared/calendarDate.ts";
import { parseSchedule, planProgress, type PlanGoal, type PlanProgress } from "../../domain/treatment/plan.ts";
import { findProtocol } from "../../domain/treatment/protocols.ts";
import type { AcupunctureStyle, ModalityId } from "../../domain/treatment/modalities.ts";
import type { Database } from "../db/database.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import { findClinicProtocol } from "../db/repositories/clinicProtocols.ts";
import { findEpisode } from "../db/repositories/episodes.ts";
import { findPatient } from "../db/repositories/patients.ts";
import { insertPlan, listPlans, type PlanRecord } from "../db/repositories/treatmentPlans.ts";
import { listVisits } from "../db/repositories/visits.ts";
import { fail, ok, type Outcome } from "../errors.ts";
import { denied, type Actor } from "./actor.ts";
import { episodeCarePath } from "./episodes.ts";
import { measuredTrajectories } from "./outcomes.ts";
import { refuseUnlessOpen } from "./patientStatus.ts";

export interface PlanInput {
  episodeId: string;
  startOn: CalendarDate;
  modality: ModalityId;
  style: AcupunctureStyle | null;
  protocolId: string | null;
  schedule: string;
  reEvaluations: CalendarDate[];
  goals: PlanGoal[];
  rationale: string | null;
}

export interface PlanView extends PlanRecord {
  progress: PlanProgress;
  protocolName: string | null;
}

export async function createPlan(db: Database, actor: Actor, patientId: PatientId, input: PlanInput, today: CalendarDate): Promise<Outcome<PlanView>> {
  const refused = denied(actor, "patients.clinical.write");
  if (refused) return refused;
  const schedule = parseSchedule(input.schedule);
  if (!schedule.ok) return fail("VALIDATION_FAILED", schedule.message, { schedule: schedule.message });
  return db.transaction(async (tx) => {
    const closed = await refuseUnlessOpen(tx, actor.clinicId, patientId);
    if (closed) return closed;
    const episode = await findEpisode(tx, actor.clinicId, input.episodeId);
    if (!episode || episode.patientId !== patientId) return fail("EPISODE_NOT_FOUND");
    if (episode.enteredInError) return fail("ENTRY_IN_ERROR");
    const path = await episodeCarePath(tx, actor.clinicId, episode, today);
    if (!path.canStartPlan) return fail("CARE_PATH_BLOCKED", path.reason);
    if (input.protocolId && !findProtocol(input.protocolId) && !(await findClinicProtocol(tx, actor.clinicId, input.protocolId).catch(() => null))) {
      return fail("PROTOCOL_NOT_FOUND");
    }
    const plan = await insertPlan(tx, actor.clinicId, patientId, { ...input, phases: schedule.phases, plannedVisits: schedule.visits }, actor.userId);
    await appendAuditEvent(tx, { clinicId: actor.clinicId, userId: actor.userId, action: "create", entity: "treatment_plan", entityId: plan.id, patientId, ip: actor.ip });
    return ok(await viewPlan(tx, actor, plan, 0, today, null));
  });
}

async function viewPlan(
  q: Parameters<typeof findClinicProtocol>[0],
  actor: Actor,
  plan: PlanRecord,
  signedVisits: number,
  today: CalendarDate,
  status: PlanProgress["outcome"],
): Promise<PlanView> {
  const protocolName = plan.protocolId
    ? (findProtocol(plan.protocolId)?.name ?? (await findClinicProtocol(q, actor.clinicId, plan.protocolId).catch(() => null))?.name ?? null)
    : null;
  return { ...plan, protocolName, progress: planProgress(plan, signedVisits, today, status) };
}

export async function plansOf(db: Database, actor: Actor, patientId: PatientId, today: CalendarDate): Promise<Outcome<PlanView[]>> {
  const refused = denied(actor, "patients.clinical.read");
  if (refused) return refused;
  if (!(await findPatient(db, actor.clinicId, patientId))) return fail("PATIENT_NOT_FOUND");
  const plans = await listPlans(db, actor.clinicId, patientId);
  const visits = await listVisits(db, actor.clinicId, patientId);
  const { trajectories } = await measuredTrajectories(db, actor.clinicId, patientId);
  const status = trajectories.length > 0 ? overallStatus(trajectories).status : null;
  await appendAuditEvent(db, { clinicId: actor.clinicId, userId: actor.userId, action: "read", entity: "treatment_plan", patientId, ip: actor.ip, detail: { count: plans.length } });
  const views: PlanView[] = [];
  for (const plan of plans) {
    const signed = visits.filter((v) => v.planId === plan.id && v.status === "signed").length;
    views.push(await viewPlan(db, actor, plan, signed, today, status));
  }
  return ok(views);
}
