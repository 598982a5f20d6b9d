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
}

const COLUMNS = "id, patient_id, score, recorded_on, note, recorded_by, created_at";

function toPainScore(row: PainScoreRow): PainScore {
  return {
    id: row.id,
    patientId: row.patient_id,
    score: Number(row.score),
    recordedOn: row.recorded_on,
    note: row.note,
    recordedBy: row.recorded_by,
    createdAt: isoTimestamp(row.created_at),
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
     values ($1, $2, $3, $4, $5, $6, $7, clock_timestamp()) returning ${COLUMNS}`,
    [clinicId, score.patientId, score.score, score.recordedOn, score.note, score.recordedBy, score.visitId ?? null],
  );
  return toPainScore(row!);
}

/** Oldest first, the order a chart draws them. */
export async function listPainScores(q: Queryable, clinicId: ClinicId, patientId: PatientId): Promise<PainScore[]> {
  const rows = await q.query<PainScoreRow>(
    `select ${COLUMNS} from pain_scores where clinic_id = $1 and patient_id = $2 order by recorded_on, created_at`,
    [clinicId, patientId],
  );
  return rows.map(toPainScore);
}
