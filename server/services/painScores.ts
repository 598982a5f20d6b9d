/** The NRS pain slice: clinical data, so practitioners and owners only. */
import type { PatientId } from "../../domain/shared/brand.ts";
import type { CalendarDate } from "../../domain/shared/calendarDate.ts";
import type { PainScore } from "../../domain/outcomes/painScore.ts";
import type { Database } from "../db/database.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import type { CorrectionRequest } from "../../domain/shared/correction.ts";
import { findPainScore, insertPainScore, listPainScores } from "../db/repositories/painScores.ts";
import { findPatient } from "../db/repositories/patients.ts";
import { fail, ok, type Outcome } from "../errors.ts";
import { denied, type Actor } from "./actor.ts";
import { reviseEntry, revisionsOf, type CorrectableEntry, type Revised } from "./corrections.ts";
import { refuseUnlessOpen } from "./patientStatus.ts";
import { implausibleDates } from "./plausibleDates.ts";

export interface PainScoreValues {
  score: number;
  recordedOn: CalendarDate;
  note: string | null;
}

const painScoreEntry: CorrectableEntry<PainScoreValues, PainScore> = {
  kind: "pain_score",
  table: "pain_scores",
  notFound: "PAIN_SCORE_NOT_FOUND",
  find: findPainScore,
  columnsOf: (s) => ({ score: s.score, recorded_on: s.recordedOn, note: s.note }),
  correctedColumns: async (q, actor, entry, v) =>
    (await implausibleDates(q, actor.clinicId, entry.patientId, { recordedOn: v.recordedOn }, "values.")) ?? ok({ score: v.score, recorded_on: v.recordedOn, note: v.note }),
};

/** A score corrected with a reason, or marked entered in error (services/corrections.ts). */
export function correctPainScore(db: Database, actor: Actor, scoreId: string, request: CorrectionRequest<PainScoreValues>): Promise<Outcome<Revised>> {
  return reviseEntry(db, actor, painScoreEntry, scoreId, request);
}

export function painScoreRevisions(db: Database, actor: Actor, scoreId: string) {
  return revisionsOf(db, actor, painScoreEntry, scoreId);
}

export async function recordPainScore(
  db: Database,
  actor: Actor,
  patientId: PatientId,
  input: PainScoreValues,
): Promise<Outcome<PainScore>> {
  const refused = denied(actor, "patients.clinical.write");
  if (refused) return refused;
  return db.transaction(async (tx) => {
    const closed = await refuseUnlessOpen(tx, actor.clinicId, patientId);
    if (closed) return closed;
    const implausible = await implausibleDates(tx, actor.clinicId, patientId, { recordedOn: input.recordedOn });
    if (implausible) return implausible;
    const score = await insertPainScore(tx, actor.clinicId, { ...input, patientId, recordedBy: actor.userId });
    await appendAuditEvent(tx, {
      clinicId: actor.clinicId,
      userId: actor.userId,
      action: "create",
      entity: "pain_score",
      entityId: score.id,
      patientId,
      ip: actor.ip,
    });
    return ok(score);
  });
}

export async function painScoresOf(db: Database, actor: Actor, patientId: PatientId): Promise<Outcome<PainScore[]>> {
  const refused = denied(actor, "patients.clinical.read");
  if (refused) return refused;
  if (!(await findPatient(db, actor.clinicId, patientId))) return fail("PATIENT_NOT_FOUND");
  const scores = await listPainScores(db, actor.clinicId, patientId);
  await appendAuditEvent(db, {
    clinicId: actor.clinicId,
    userId: actor.userId,
    action: "read",
    entity: "pain_score",
    patientId,
    ip: actor.ip,
    detail: { count: scores.length },
  });
  return ok(scores);
}
