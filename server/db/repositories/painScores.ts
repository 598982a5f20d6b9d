import type { ClinicId, PatientId, UserId } from "../../../domain/shared/brand.ts";
import type { CalendarDate } from "../../../domain/shared/calendarDate.ts";
import type { PainScore } from "../../../domain/outcomes/painScore.ts";
import type { Queryable } from "../database.ts";
import { isoTimestamp } from "./rows.ts";

interface PainScoreRow {
  id: string;
  patient_id: PatientId;
  score: number;
  recorded_on: CalendarDate;
  note: string | null;
  recorded_by: string | null;
  created_at: Date;
  entered_in_error: boolean;
  revised_at: Date | null;
}

const COLUMNS = "id, patient_id, score, recorded_on, note, recorded_by, created_at, entered_in_error, revised_at";
/** The same columns from the table itself: a new entry has no revision yet. */
const NEW_COLUMNS = "id, patient_id, score, recorded_on, note, recorded_by, created_at, false as entered_in_error, null::timestamptz as revised_at";

function toPainScore(row: PainScoreRow): PainScore {
  return {
    id: row.id,
    patientId: row.patient_id,
    score: Number(row.score),
    recordedOn: row.recorded_on,
    note: row.note,
    recordedBy: row.recorded_by,
    createdAt: isoTimestamp(row.created_at),
    enteredInError: row.entered_in_error,
    revisedAt: row.revised_at ? isoTimestamp(row.revised_at) : null,
  };
}

export async function insertPainScore(
  q: Queryable,
  clinicId: ClinicId,
  score: { patientId: PatientId; score: number; recordedOn: CalendarDate; note: string | null; recordedBy: UserId; visitId?: string },
): Promise<PainScore> {
  const [row] = await q.query<PainScoreRow>(
    // clock_timestamp, not the transaction's now(): a visit records pain before and after in one
    // transaction, and the chart orders a day's scores by when they were taken.
    `insert into pain_scores (clinic_id, patient_id, score, recorded_on, note, recorded_by, visit_id, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, clock_timestamp()) returning ${NEW_COLUMNS}`,
    [clinicId, score.patientId, score.score, score.recordedOn, score.note, score.recordedBy, score.visitId ?? null],
  );
  return toPainScore(row!);
}

/** As they stand now (corrections applied), entries in error included and marked; oldest first, the order a chart draws them. */
export async function listPainScores(q: Queryable, clinicId: ClinicId, patientId: PatientId): Promise<PainScore[]> {
  const rows = await q.query<PainScoreRow>(
    `select ${COLUMNS} from pain_scores_current where clinic_id = $1 and patient_id = $2 order by recorded_on, created_at`,
    [clinicId, patientId],
  );
  return rows.map(toPainScore);
}

export async function findPainScore(q: Queryable, clinicId: ClinicId, id: string): Promise<PainScore | null> {
  const [row] = await q.query<PainScoreRow>(`select ${COLUMNS} from pain_scores_current where clinic_id = $1 and id = $2`, [clinicId, id]);
  return row ? toPainScore(row) : null;
}
