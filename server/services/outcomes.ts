/**
 * Questionnaires recorded on the chart, and the patient's measured answer to
 * "is this working?": a trajectory per measure and the overall status with its rule.
 */
import type { Answer } from "../../domain/assessment/instruments/instrument.ts";
import { instrumentById } from "../../domain/assessment/instruments/registry.ts";
import { overallStatus, trajectory, type Measure, type StatusAssessment, type Trajectory } from "../../domain/outcomes/trajectory.ts";
import type { ClinicId, PatientId } from "../../domain/shared/brand.ts";
import type { CalendarDate } from "../../domain/shared/calendarDate.ts";
import type { Database, Queryable } from "../db/database.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import { counts, type CorrectionRequest } from "../../domain/shared/correction.ts";
import {
  findInstrumentResponse,
  insertInstrumentResponse,
  listInstrumentResponses,
  type InstrumentResponseRecord,
} from "../db/repositories/instrumentResponses.ts";
import { listPainScores } from "../db/repositories/painScores.ts";
import { findPatient } from "../db/repositories/patients.ts";
import { fail, ok, type Outcome } from "../errors.ts";
import { denied, type Actor } from "./actor.ts";
import { reviseEntry, revisionsOf, type CorrectableEntry, type Revised } from "./corrections.ts";
import { describeScoringProblem } from "./instrumentScoring.ts";
import { refuseUnlessOpen } from "./patientStatus.ts";
import { implausibleDates } from "./plausibleDates.ts";

export interface PatientOutcomes {
  /** Every response, entries in error included and marked (the trajectories leave them out). */
  responses: InstrumentResponseRecord[];
  trajectories: Trajectory[];
  status: StatusAssessment;
}

export async function recordInstrumentResponse(
  db: Database,
  actor: Actor,
  patientId: PatientId,
  input: { instrument: string; answers: Answer[]; recordedOn: CalendarDate },
): Promise<Outcome<InstrumentResponseRecord>> {
  const refused = denied(actor, "patients.clinical.write");
  if (refused) return refused;
  const instrument = instrumentById(input.instrument);
  if (!instrument) return fail("INSTRUMENT_NOT_FOUND");
  const scored = instrument.score(input.answers);
  if (!scored.ok) {
    const { code, detail, fields } = describeScoringProblem(scored.problem);
    return fail(code, detail, fields);
  }
  return db.transaction(async (tx) => {
    const closed = await refuseUnlessOpen(tx, actor.clinicId, patientId);
    if (closed) return closed;
    const implausible = await implausibleDates(tx, actor.clinicId, patientId, { recordedOn: input.recordedOn });
    if (implausible) return implausible;
    const { score } = scored;
    const response = await insertInstrumentResponse(
      tx,
      actor.clinicId,
      patientId,
      {
        instrument: instrument.id,
        version: score.version,
        answers: input.answers,
        score: score.value,
        unit: score.unit,
        band: score.band,
        subscales: score.subscales,
        recordedOn: input.recordedOn,
        source: "clinic",
      },
      actor.userId,
    );
    await appendAuditEvent(tx, { clinicId: actor.clinicId, userId: actor.userId, action: "create", entity: "instrument_response", entityId: response.id, patientId, ip: actor.ip });
    return ok(response);
  });
}

export async function outcomesOf(db: Database, actor: Actor, patientId: PatientId): Promise<Outcome<PatientOutcomes>> {
  const refused = denied(actor, "patients.clinical.read");
  if (refused) return refused;
  if (!(await findPatient(db, actor.clinicId, patientId))) return fail("PATIENT_NOT_FOUND");
  const { trajectories } = await measuredTrajectories(db, actor.clinicId, patientId);
  const responses = await listInstrumentResponses(db, actor.clinicId, patientId);
  await appendAuditEvent(db, {
    clinicId: actor.clinicId,
    userId: actor.userId,
    action: "read",
    entity: "instrument_response",
    patientId,
    ip: actor.ip,
    detail: { count: responses.length },
  });
  return ok({ responses, trajectories, status: overallStatus(trajectories) });
}

/**
 * The patient's trajectories from every recorded measure (up to and including
 * `until`, when given), and the responses they came from. No audit: callers
 * audit their own read.
 */
export async function measuredTrajectories(
  q: Queryable,
  clinicId: ClinicId,
  patientId: PatientId,
  until?: CalendarDate,
): Promise<{ responses: InstrumentResponseRecord[]; trajectories: Trajectory[] }> {
  const upTo = <T extends { recordedOn: CalendarDate }>(rows: T[]) => (until ? rows.filter((r) => r.recordedOn <= until) : rows);
  // Entries marked entered in error are kept but count for nothing.
  const responses = upTo(await listInstrumentResponses(q, clinicId, patientId)).filter(counts);
  const pain = upTo(await listPainScores(q, clinicId, patientId)).filter(counts);
  // NRS pain from both the quick score and NRS questionnaires.
  const readings: Record<Measure, { value: number; recordedOn: CalendarDate; createdAt: string }[]> = {
    nrs: [
      ...pain.map((p) => ({ value: p.score, recordedOn: p.recordedOn, createdAt: p.createdAt })),
      ...responses.filter((r) => r.instrument === "nrs").map((r) => ({ value: r.score, recordedOn: r.recordedOn, createdAt: r.createdAt })),
    ],
    odi: responses.filter((r) => r.instrument === "odi").map((r) => ({ value: r.score, recordedOn: r.recordedOn, createdAt: r.createdAt })),
    rmdq: responses.filter((r) => r.instrument === "rmdq").map((r) => ({ value: r.score, recordedOn: r.recordedOn, createdAt: r.createdAt })),
  };
  const trajectories = (Object.keys(readings) as Measure[]).flatMap((measure) => trajectory(measure, readings[measure]) ?? []);
  return { responses, trajectories };
}

export interface ResponseValues {
  answers: Answer[];
  recordedOn: CalendarDate;
}

/** A corrected response is scored again by its instrument, so the score always follows the answers. */
const responseEntry: CorrectableEntry<ResponseValues, InstrumentResponseRecord> = {
  kind: "instrument_response",
  table: "instrument_responses",
  notFound: "INSTRUMENT_RESPONSE_NOT_FOUND",
  find: findInstrumentResponse,
  columnsOf: (r) => ({ answers: r.answers, score: r.score, unit: r.unit, band: r.band, subscales: r.subscales, version: r.version, recorded_on: r.recordedOn }),
  async correctedColumns(q, actor, entry, values) {
    const implausible = await implausibleDates(q, actor.clinicId, entry.patientId, { recordedOn: values.recordedOn }, "values.");
    if (implausible) return implausible;
    const scored = instrumentById(entry.instrument)!.score(values.answers);
    if (!scored.ok) {
      const { code, detail, fields } = describeScoringProblem(scored.problem);
      return fail(code, detail, fields);
    }
    const { score } = scored;
    return ok({ answers: values.answers, score: score.value, unit: score.unit, band: score.band, subscales: score.subscales, version: score.version, recorded_on: values.recordedOn });
  },
};

/** A response corrected (answers or date) with a reason, or marked entered in error (services/corrections.ts). */
export function correctInstrumentResponse(db: Database, actor: Actor, responseId: string, request: CorrectionRequest<ResponseValues>): Promise<Outcome<Revised>> {
  return reviseEntry(db, actor, responseEntry, responseId, request);
}

export function instrumentResponseRevisions(db: Database, actor: Actor, responseId: string) {
  return revisionsOf(db, actor, responseEntry, responseId);
}
