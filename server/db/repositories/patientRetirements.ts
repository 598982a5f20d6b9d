import type { ClinicId, PatientId, UserId } from "../../../domain/shared/brand.ts";
import type { Queryable } from "../database.ts";
import { isoTimestamp } from "./rows.ts";

/**
 * The tables whose rows belong to one patient and move, whole, when a
 * duplicate is merged into the record kept. Their rows are otherwise kept as
 * entered; migration 0022 lets only their patient_id change, and only inside
 * the merge's transaction.
 */
export const MOVED_ON_MERGE = [
  "episodes",
  "pain_scores",
  "instrument_responses",
  "medications",
  "record_revisions",
  "treatment_plans",
  "visits",
  "report_links",
  // The patient's appointments follow them to the record kept (issue 16).
  "appointments",
] as const;

/**
 * The tables that keep the duplicate's rows where they are: the audit log
 * records what was done to which record at the time; safety flags and
 * coverage are one row per patient, so they are folded into the record kept
 * (an active flag on either stays active) rather than moved; the retirement
 * itself names both; sent_messages, like the audit log, records which record a
 * message went out for. A test holds every table with a patient_id to one list.
 */
export const KEPT_ON_DUPLICATE = ["audit_events", "patient_safety_flags", "patient_coverage", "patient_retirements", "sent_messages"] as const;

export type MovedRows = Partial<Record<(typeof MOVED_ON_MERGE)[number] | "patient_safety_flags" | "patient_coverage", string[]>>;

export interface PatientRetirement {
  id: string;
  patientId: PatientId;
  action: "merged" | "registered-in-error";
  mergedInto: PatientId | null;
  reason: string;
  moved: MovedRows;
  authorId: UserId;
  authorName: string | null;
  at: string;
}

/** Moves every row of `from` onto `into` (same clinic), returning the ids moved per table. */
export async function moveRecords(q: Queryable, clinicId: ClinicId, from: PatientId, into: PatientId): Promise<MovedRows> {
  await q.query("select set_config('acuback.merging_patient', $1, true)", [`${clinicId}:${from}:${into}`]);
  const moved: MovedRows = {};
  for (const table of MOVED_ON_MERGE) {
    const rows = await q.query<{ id: string }>(
      `update ${table} set patient_id = $3 where clinic_id = $1 and patient_id = $2 returning id::text as id`,
      [clinicId, from, into],
    );
    if (rows.length > 0) moved[table] = rows.map((row) => row.id);
  }
  await q.query("select set_config('acuback.merging_patient', '', true)");
  // An active flag on either record stays active on the one kept; an inactive one adds nothing.
  const flags = await q.query<{ flag: string }>(
    `insert into patient_safety_flags (clinic_id, patient_id, flag, active, note, updated_by, updated_at)
     select clinic_id, $3, flag, true, note, updated_by, now() from patient_safety_flags
      where clinic_id = $1 and patient_id = $2 and active
     on conflict (clinic_id, patient_id, flag) do update set active = true, updated_at = now(),
       note = coalesce(patient_safety_flags.note, excluded.note)
       where not patient_safety_flags.active
     returning flag`,
    [clinicId, from, into],
  );
  if (flags.length > 0) moved.patient_safety_flags = flags.map((row) => row.flag);
  // A patient who asked for no reminders on either record is not reminded on the one kept.
  await q.query(
    `update patients k set reminders_opted_out = true, reminders_changed_at = d.reminders_changed_at, reminders_changed_by = d.reminders_changed_by
       from patients d where d.clinic_id = $1 and d.id = $2 and d.reminders_opted_out and k.clinic_id = $1 and k.id = $3 and not k.reminders_opted_out`,
    [clinicId, from, into],
  );
  // Coverage comes across only when the record kept has none: two differing coverages need a person to choose.
  const coverage = await q.query<{ payer: string }>(
    `insert into patient_coverage (clinic_id, patient_id, payer, plan_id, member_id, prior_auth_number, prior_auth_from,
       prior_auth_to, supervisor_id, updated_by, updated_at)
     select clinic_id, $3, payer, plan_id, member_id, prior_auth_number, prior_auth_from, prior_auth_to, supervisor_id,
       updated_by, now() from patient_coverage where clinic_id = $1 and patient_id = $2
     on conflict (clinic_id, patient_id) do nothing returning payer`,
    [clinicId, from, into],
  );
  if (coverage.length > 0) moved.patient_coverage = coverage.map((row) => row.payer);
  return moved;
}

/** Counts the patient's clinical entries that stand (not marked entered in error). */
export async function standingClinicalRecords(q: Queryable, clinicId: ClinicId, patientId: PatientId): Promise<number> {
  const [row] = await q.query<{ n: number }>(
    `select ((select count(*) from episodes_current where clinic_id = $1 and patient_id = $2 and not entered_in_error)
           + (select count(*) from pain_scores_current where clinic_id = $1 and patient_id = $2 and not entered_in_error)
           + (select count(*) from instrument_responses_current where clinic_id = $1 and patient_id = $2 and not entered_in_error)
           + (select count(*) from medications_current where clinic_id = $1 and patient_id = $2 and not entered_in_error)
           + (select count(*) from visits where clinic_id = $1 and patient_id = $2)
           + (select count(*) from treatment_plans where clinic_id = $1 and patient_id = $2))::int as n`,
    [clinicId, patientId],
  );
  return row!.n;
}

/** Marks an active patient retired; false when it was not active (someone else got there first). */
export async function retirePatient(
  q: Queryable,
  clinicId: ClinicId,
  patientId: PatientId,
  status: "merged" | "registered-in-error",
  mergedInto: PatientId | null,
): Promise<boolean> {
  const rows = await q.query(
    `update patients set status = $3, merged_into = $4, version = version + 1, updated_at = now()
      where clinic_id = $1 and id = $2 and status = 'active' returning id`,
    [clinicId, patientId, status, mergedInto],
  );
  return rows.length > 0;
}

export async function insertRetirement(
  q: Queryable,
  clinicId: ClinicId,
  retirement: { patientId: PatientId; action: PatientRetirement["action"]; mergedInto: PatientId | null; reason: string; moved: MovedRows; authorId: UserId },
): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `insert into patient_retirements (clinic_id, patient_id, action, merged_into, reason, moved, author_id)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [clinicId, retirement.patientId, retirement.action, retirement.mergedInto, retirement.reason, JSON.stringify(retirement.moved), retirement.authorId],
  );
  return row!.id;
}

interface RetirementRow {
  id: string;
  patient_id: PatientId;
  action: PatientRetirement["action"];
  merged_into: PatientId | null;
  reason: string;
  moved: MovedRows;
  author_id: UserId;
  author_name: string | null;
  at: Date;
}

/** Retirements of this patient and merges into it, oldest first. */
export async function retirementsConcerning(q: Queryable, clinicId: ClinicId, patientId: PatientId): Promise<PatientRetirement[]> {
  const rows = await q.query<RetirementRow>(
    `select r.id, r.patient_id, r.action, r.merged_into, r.reason, r.moved, r.author_id, u.display_name as author_name, r.at
       from patient_retirements r left join users u on u.id = r.author_id
      where r.clinic_id = $1 and (r.patient_id = $2 or r.merged_into = $2) order by r.at, r.id`,
    [clinicId, patientId],
  );
  return rows.map((row) => ({
    id: row.id,
    patientId: row.patient_id,
    action: row.action,
    mergedInto: row.merged_into,
    reason: row.reason,
    moved: row.moved,
    authorId: row.author_id,
    authorName: row.author_name,
    at: isoTimestamp(row.at),
  }));
}
