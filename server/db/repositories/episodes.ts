import type { ClinicId, PatientId, UserId } from "../../../domain/shared/brand.ts";
import type { CalendarDate } from "../../../domain/shared/calendarDate.ts";
import type { TcmPattern } from "../../../domain/assessment/tcmPatterns.ts";
import type { Queryable } from "../database.ts";
import { isoTimestamp } from "./rows.ts";

export interface EpisodeFields {
  /** The day the intake was done; follow-up milestones count from it. */
  intakeOn: CalendarDate;
  onsetDate: CalendarDate;
  location: "central" | "left" | "right" | "both";
  radiation: "none" | "buttock" | "thigh" | "below-knee";
  radiationSide: "left" | "right" | "both" | null;
  priorEpisodes: boolean;
  spinalSurgery: boolean;
  pregnant: boolean;
  pregnancyWeeks: number | null;
  workStatus: "working" | "modified-duties" | "off-work" | "not-employed" | "retired" | "unknown";
  notes: string | null;
  /** Optional TCM assessment. */
  tcmPatterns: TcmPattern[];
  tongue: string | null;
  pulse: string | null;
}

export interface EpisodeRecord extends EpisodeFields {
  id: string;
  patientId: PatientId;
  /** Billing facts set after intake (services/episodeDiagnosis.ts): a systemic cause, and the ICD-10 code the practitioner chose. */
  systemicCause: boolean;
  icd10Code: string | null;
  createdAt: string;
  /** Kept and viewable, but never the current episode (domain/shared/correction.ts). */
  enteredInError: boolean;
  /** When the intake answers were last corrected; null when they stand as first entered. */
  revisedAt: string | null;
}

interface EpisodeRow {
  id: string;
  patient_id: PatientId;
  intake_on: CalendarDate;
  onset_date: CalendarDate;
  location: EpisodeFields["location"];
  radiation: EpisodeFields["radiation"];
  radiation_side: EpisodeFields["radiationSide"];
  prior_episodes: boolean;
  spinal_surgery: boolean;
  pregnant: boolean;
  pregnancy_weeks: number | null;
  work_status: EpisodeFields["workStatus"];
  notes: string | null;
  tcm_patterns: TcmPattern[];
  tongue: string | null;
  pulse: string | null;
  systemic_cause: boolean;
  icd10_code: string | null;
  created_at: Date;
  entered_in_error: boolean;
  revised_at: Date | null;
}

const BASE_COLUMNS =
  "id, patient_id, intake_on, onset_date, location, radiation, radiation_side, prior_episodes, spinal_surgery, pregnant, pregnancy_weeks, work_status, notes, tcm_patterns, tongue, pulse, systemic_cause, icd10_code, created_at";
const COLUMNS = `${BASE_COLUMNS}, entered_in_error, revised_at`;
/** The same columns from the table itself: a new episode has no revision yet. */
const NEW_COLUMNS = `${BASE_COLUMNS}, false as entered_in_error, null::timestamptz as revised_at`;

function toEpisode(row: EpisodeRow): EpisodeRecord {
  return {
    id: row.id,
    patientId: row.patient_id,
    intakeOn: row.intake_on,
    onsetDate: row.onset_date,
    location: row.location,
    radiation: row.radiation,
    radiationSide: row.radiation_side,
    priorEpisodes: row.prior_episodes,
    spinalSurgery: row.spinal_surgery,
    pregnant: row.pregnant,
    pregnancyWeeks: row.pregnancy_weeks === null ? null : Number(row.pregnancy_weeks),
    workStatus: row.work_status,
    notes: row.notes,
    tcmPatterns: row.tcm_patterns,
    tongue: row.tongue,
    pulse: row.pulse,
    systemicCause: row.systemic_cause,
    icd10Code: row.icd10_code,
    createdAt: isoTimestamp(row.created_at),
    enteredInError: row.entered_in_error,
    revisedAt: row.revised_at ? isoTimestamp(row.revised_at) : null,
  };
}

export async function insertEpisode(
  q: Queryable,
  clinicId: ClinicId,
  patientId: PatientId,
  fields: EpisodeFields,
  createdBy: UserId,
): Promise<EpisodeRecord> {
  const [row] = await q.query<EpisodeRow>(
    `insert into episodes (clinic_id, patient_id, onset_date, location, radiation, radiation_side, prior_episodes,
       spinal_surgery, pregnant, pregnancy_weeks, work_status, notes, created_by, intake_on, tcm_patterns, tongue, pulse)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) returning ${NEW_COLUMNS}`,
    [
      clinicId,
      patientId,
      fields.onsetDate,
      fields.location,
      fields.radiation,
      fields.radiationSide,
      fields.priorEpisodes,
      fields.spinalSurgery,
      fields.pregnant,
      fields.pregnancyWeeks,
      fields.workStatus,
      fields.notes,
      createdBy,
      fields.intakeOn,
      fields.tcmPatterns,
      fields.tongue,
      fields.pulse,
    ],
  );
  return toEpisode(row!);
}

/**
 * Every episode as it stands now (corrections applied), the newest course of
 * care first (by intake date, as follow-ups and the dashboard read it);
 * entries in error included and marked.
 */
export async function listEpisodes(q: Queryable, clinicId: ClinicId, patientId: PatientId): Promise<EpisodeRecord[]> {
  const rows = await q.query<EpisodeRow>(
    `select ${COLUMNS} from episodes_current where clinic_id = $1 and patient_id = $2 order by intake_on desc, created_at desc`,
    [clinicId, patientId],
  );
  return rows.map(toEpisode);
}

/** The current course of care: the newest episode not entered in error. */
export async function currentEpisode(q: Queryable, clinicId: ClinicId, patientId: PatientId): Promise<EpisodeRecord | null> {
  return (await listEpisodes(q, clinicId, patientId)).find((e) => !e.enteredInError) ?? null;
}

export async function findEpisode(q: Queryable, clinicId: ClinicId, id: string): Promise<EpisodeRecord | null> {
  const [row] = await q.query<EpisodeRow>(`select ${COLUMNS} from episodes_current where clinic_id = $1 and id = $2`, [clinicId, id]);
  return row ? toEpisode(row) : null;
}

/** The episode's billing diagnosis: its chosen ICD-10 code (null: use the suggestion) and whether the pain has a systemic cause. */
export async function setEpisodeDiagnosis(q: Queryable, clinicId: ClinicId, id: string, facts: { icd10Code: string | null; systemicCause: boolean }): Promise<void> {
  await q.query("update episodes set icd10_code = $3, systemic_cause = $4 where clinic_id = $1 and id = $2", [clinicId, id, facts.icd10Code, facts.systemicCause]);
}
