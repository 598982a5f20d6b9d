import type { ClinicId, PatientId, UserId } from "../../../domain/shared/brand.ts";
import type { CalendarDate } from "../../../domain/shared/calendarDate.ts";
import type { AcupunctureStyle, ModalityId } from "../../../domain/treatment/modalities.ts";
import type { PlanGoal, SchedulePhase } from "../../../domain/treatment/plan.ts";
import type { Queryable } from "../database.ts";
import { isoTimestamp } from "./rows.ts";

export interface PlanFields {
  episodeId: string;
  startOn: CalendarDate;
  modality: ModalityId;
  style: AcupunctureStyle | null;
  protocolId: string | null;
  schedule: string;
  phases: SchedulePhase[];
  plannedVisits: number;
  reEvaluations: CalendarDate[];
  goals: PlanGoal[];
  rationale: string | null;
}

export interface PlanRecord extends PlanFields {
  id: string;
  patientId: PatientId;
  endedOn: CalendarDate | null;
  createdBy: string | null;
  createdAt: string;
}

interface PlanRow {
  id: string;
  patient_id: PatientId;
  episode_id: string;
  start_on: CalendarDate;
  modality: ModalityId;
  style: AcupunctureStyle | null;
  protocol_id: string | null;
  schedule: string;
  phases: SchedulePhase[];
  planned_visits: number;
  re_evaluations: CalendarDate[];
  goals: PlanGoal[];
  rationale: string | null;
  ended_on: CalendarDate | null;
  created_by: string | null;
  created_at: Date;
}

const COLUMNS =
  "id, patient_id, episode_id, start_on, modality, style, protocol_id, schedule, phases, planned_visits, re_evaluations, goals, rationale, ended_on, created_by, created_at";

function toPlan(row: PlanRow): PlanRecord {
  return {
    id: row.id,
    patientId: row.patient_id,
    episodeId: row.episode_id,
    startOn: row.start_on,
    modality: row.modality,
    style: row.style,
    protocolId: row.protocol_id,
    schedule: row.schedule,
    phases: row.phases,
    plannedVisits: Number(row.planned_visits),
    reEvaluations: row.re_evaluations,
    goals: row.goals,
    rationale: row.rationale,
    endedOn: row.ended_on,
    createdBy: row.created_by,
    createdAt: isoTimestamp(row.created_at),
  };
}

export async function insertPlan(q: Queryable, clinicId: ClinicId, patientId: PatientId, plan: PlanFields, createdBy: UserId): Promise<PlanRecord> {
  const [row] = await q.query<PlanRow>(
    `insert into treatment_plans (clinic_id, patient_id, episode_id, start_on, modality, style, protocol_id, schedule, phases,
       planned_visits, re_evaluations, goals, rationale, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) returning ${COLUMNS}`,
    [
      clinicId,
      patientId,
      plan.episodeId,
      plan.startOn,
      plan.modality,
      plan.style,
      plan.protocolId,
      plan.schedule,
      JSON.stringify(plan.phases),
      plan.plannedVisits,
      JSON.stringify(plan.reEvaluations),
      JSON.stringify(plan.goals),
      plan.rationale,
      createdBy,
    ],
  );
  return toPlan(row!);
}

export async function listPlans(q: Queryable, clinicId: ClinicId, patientId: PatientId): Promise<PlanRecord[]> {
  const rows = await q.query<PlanRow>(
    `select ${COLUMNS} from treatment_plans where clinic_id = $1 and patient_id = $2 order by start_on desc, created_at desc`,
    [clinicId, patientId],
  );
  return rows.map(toPlan);
}

export async function findPlan(q: Queryable, clinicId: ClinicId, planId: string): Promise<PlanRecord | null> {
  const [row] = await q.query<PlanRow>(`select ${COLUMNS} from treatment_plans where clinic_id = $1 and id = $2`, [clinicId, planId]);
  return row ? toPlan(row) : null;
}

export async function endPlan(q: Queryable, clinicId: ClinicId, planId: string, endedOn: CalendarDate): Promise<void> {
  await q.query("update treatment_plans set ended_on = $3 where clinic_id = $1 and id = $2", [clinicId, planId, endedOn]);
}

/** Re-evaluations the clinic's running plans set between two local dates (inclusive), for the calendar. */
export async function reEvaluationsBetween(
  q: Queryable,
  clinicId: ClinicId,
  from: CalendarDate,
  to: CalendarDate,
): Promise<{ planId: string; patientId: PatientId; patientName: string; on: CalendarDate }[]> {
  const rows = await q.query<{ plan_id: string; patient_id: PatientId; patient_name: string; on_date: CalendarDate }>(
    `select t.id as plan_id, t.patient_id, p.family_name || ', ' || p.given_name as patient_name, r.on_date
       from treatment_plans t
       join patients p on p.clinic_id = t.clinic_id and p.id = t.patient_id and p.status = 'active'
       cross join lateral jsonb_array_elements_text(t.re_evaluations) as r(on_date)
      where t.clinic_id = $1 and t.ended_on is null and r.on_date >= $2 and r.on_date <= $3
      order by r.on_date, patient_name`,
    [clinicId, from, to],
  );
  return rows.map((r) => ({ planId: r.plan_id, patientId: r.patient_id, patientName: r.patient_name, on: r.on_date }));
}
