/**
 * Corrections in the demo clinic, so the first start shows how a wrong entry
 * is put right with a trace: a pain score corrected with a reason, a score and
 * a medication and a questionnaire marked entered in error (kept, struck
 * through on request, counted nowhere), and an intake answer completed from the paper form.
 * Chosen so no chart, total or follow-up changes: the stories the other
 * demo files tell stay as they are.
 */
import type { PatientId } from "../../domain/shared/brand.ts";
import type { CalendarDate } from "../../domain/shared/calendarDate.ts";
import type { Database } from "../db/database.ts";
import { findEpisode } from "../db/repositories/episodes.ts";
import { listPainScores } from "../db/repositories/painScores.ts";
import type { Actor } from "../services/actor.ts";
import { correctEpisode } from "../services/episodes.ts";
import { addMedication, correctMedication } from "../services/medications.ts";
import { correctInstrumentResponse, recordInstrumentResponse } from "../services/outcomes.ts";
import { correctPainScore, recordPainScore } from "../services/painScores.ts";

const must = <T>(outcome: { ok: true; value: T } | { ok: false; code: string }, what: string): T => {
  if (!outcome.ok) throw new Error(`Demo correction (${what}): ${outcome.code}`);
  return outcome.value;
};

export async function loadDemoCorrections(
  db: Database,
  practitioner: Actor,
  patients: { tanaka: PatientId; alvarez: PatientId; alvarezEpisode: string },
  today: CalendarDate,
): Promise<void> {
  // Aiko Tanaka's third score had its note left off; it is added from the paper form, the score itself unchanged.
  const scores = await listPainScores(db, practitioner.clinicId, patients.tanaka);
  const third = scores[2]!;
  must(
    await correctPainScore(db, practitioner, third.id, {
      action: "correction",
      reason: "Note copied from her paper pain diary.",
      values: { score: third.score, recordedOn: third.recordedOn, note: "Worst when sitting at her desk; easier after walking." },
    }),
    "pain score",
  );
  // A 9 typed into her chart that belonged to another patient: kept, marked, counted nowhere.
  const stray = must(await recordPainScore(db, practitioner, patients.tanaka, { score: 9, recordedOn: today, note: null }), "stray score");
  must(await correctPainScore(db, practitioner, stray.id, { action: "entered-in-error", reason: "Recorded on the wrong patient's chart." }), "score in error");

  // An ODI form filed in her chart that another patient filled in: kept, marked, in no total (and in FHIR as entered-in-error).
  const strayOdi = must(
    await recordInstrumentResponse(db, practitioner, patients.tanaka, { instrument: "odi", answers: [1, 0, 1, 1, 0, 1, 1, 0, 1, 0], recordedOn: today }),
    "stray ODI",
  );
  must(await correctInstrumentResponse(db, practitioner, strayOdi.id, { action: "entered-in-error", reason: "Another patient's form, filed in her chart." }), "ODI in error");

  // Maria Alvarez: her husband's prescription, recorded by mistake; her MME total does not count it.
  const added = must(await addMedication(db, practitioner, patients.alvarez, { name: "Oxycodone 5 mg as needed", opioid: "oxycodone", dailyDose: 20, startedOn: null, note: null }), "medication");
  const oxycodone = added.medications.find((m) => m.name === "Oxycodone 5 mg as needed")!;
  must(await correctMedication(db, practitioner, oxycodone.id, { action: "entered-in-error", reason: "Her husband's prescription, not hers." }), "medication in error");

  // Her intake notes completed at the second visit: the intake as first entered stays in the history.
  const episode = (await findEpisode(db, practitioner.clinicId, patients.alvarezEpisode))!;
  const { id: _id, patientId: _patient, systemicCause: _s, icd10Code: _c, createdAt: _at, enteredInError: _e, revisedAt: _r, ...fields } = episode;
  must(
    await correctEpisode(db, practitioner, episode.id, {
      action: "correction",
      reason: "Work history added from the paper intake form.",
      values: { ...fields, notes: "Synthetic demo intake. Ward nurse; the pain began after lifting a patient." },
    }),
    "intake",
  );
}
