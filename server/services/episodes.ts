/**
 * Back-pain episodes: intake, the red-flag screen, and recording how a
 * positive screen was resolved. Clinical data: practitioners and owners only.
 */
import { carePath, type CarePath } from "../../domain/assessment/carePath.ts";
import { episodeDuration, type EpisodeDuration } from "../../domain/assessment/duration.ts";
import { acknowledgementReasons, checkAcknowledgement, type AcknowledgementReason } from "../../domain/assessment/redFlagAcknowledgement.ts";
import { AGE_FLAG_ID, raisedFlags, screenRedFlags, type RaisedFlag, type RedFlagAnswers } from "../../domain/assessment/redFlags.ts";
import type { ClinicId, PatientId } from "../../domain/shared/brand.ts";
import { changedFields, type CorrectionRequest } from "../../domain/shared/correction.ts";
import { ageInYears, type CalendarDate } from "../../domain/shared/calendarDate.ts";
import type { Database, Queryable } from "../db/database.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import { currentEpisode, findEpisode, insertEpisode, listEpisodes, type EpisodeFields, type EpisodeRecord } from "../db/repositories/episodes.ts";
import { findPatient } from "../db/repositories/patients.ts";
import {
  findRedFlagScreen,
  insertRedFlagScreen,
  listRedFlagScreens,
  resolveRedFlagScreen,
  type RedFlagScreenRecord,
} from "../db/repositories/redFlagScreens.ts";
import { fail, ok, type Outcome } from "../errors.ts";
import { denied, type Actor } from "./actor.ts";
import { reviseEntry, revisionsOf, type CorrectableEntry, type Revised } from "./corrections.ts";
import { flagStates } from "./safetyFlags.ts";
import { refuseUnlessOpen } from "./patientStatus.ts";
import { implausibleDates } from "./plausibleDates.ts";

export interface ScreenView extends RedFlagScreenRecord {
  actions: { category: string; urgency: string; action: string }[];
  /** Each positive flag with the answer that raised it. */
  raised: RaisedFlag[];
  /** The listed reasons that may acknowledge this screen instead of a referral; null when it needs a referral. */
  acknowledgementReasons: AcknowledgementReason[] | null;
}

export interface EpisodeView extends EpisodeRecord {
  duration: EpisodeDuration | null;
  latestScreen: ScreenView | null;
  carePath: CarePath;
}

/** A stored screen with its actions, recomputed from the answers it kept. */
function viewScreen(screen: RedFlagScreenRecord): ScreenView {
  const result = screenRedFlags(screen.answers);
  return {
    ...screen,
    actions: result.outcome === "stop" ? result.actions : [],
    raised: raisedFlags(screen.positives, screen.ageYears),
    acknowledgementReasons: screen.outcome === "stop" ? acknowledgementReasons(screen.positives) : null,
  };
}

function viewEpisode(episode: EpisodeRecord, screens: RedFlagScreenRecord[], today: CalendarDate): EpisodeView {
  const latest = screens.find((s) => s.episodeId === episode.id) ?? null;
  const latestScreen = latest ? viewScreen(latest) : null;
  return {
    ...episode,
    duration: episodeDuration(episode.onsetDate, today),
    latestScreen,
    carePath: carePath(
      latestScreen && {
        outcome: latestScreen.outcome,
        emergency: latestScreen.emergency,
        actions: latestScreen.actions.map((a) => a.action),
        resolution: latestScreen.resolution,
        acknowledgeable: latestScreen.acknowledgementReasons !== null,
      },
    ),
  };
}

/** The red-flag gate of an episode as it stands: whether a plan or a visit may go ahead (issue 4; clinical-facts §5). */
export async function episodeCarePath(q: Queryable, clinicId: ClinicId, episode: EpisodeRecord, today: CalendarDate): Promise<CarePath> {
  const screens = await listRedFlagScreens(q, clinicId, [episode.id]);
  return viewEpisode(episode, screens, today).carePath;
}

export async function startEpisode(
  db: Database,
  actor: Actor,
  patientId: PatientId,
  fields: EpisodeFields,
  today: CalendarDate,
): Promise<Outcome<EpisodeView>> {
  const refused = denied(actor, "patients.clinical.write");
  if (refused) return refused;
  return db.transaction(async (tx) => {
    const closed = await refuseUnlessOpen(tx, actor.clinicId, patientId);
    if (closed) return closed;
    const implausible = await implausibleDates(tx, actor.clinicId, patientId, { onsetDate: fields.onsetDate, intakeOn: fields.intakeOn });
    if (implausible) return implausible;
    const episode = await insertEpisode(tx, actor.clinicId, patientId, fields, actor.userId);
    await appendAuditEvent(tx, {
      clinicId: actor.clinicId,
      userId: actor.userId,
      action: "create",
      entity: "episode",
      entityId: episode.id,
      patientId,
      ip: actor.ip,
    });
    return ok(viewEpisode(episode, [], today));
  });
}

export async function episodesOf(db: Database, actor: Actor, patientId: PatientId, today: CalendarDate): Promise<Outcome<EpisodeView[]>> {
  const refused = denied(actor, "patients.clinical.read");
  if (refused) return refused;
  if (!(await findPatient(db, actor.clinicId, patientId))) return fail("PATIENT_NOT_FOUND");
  const episodes = await listEpisodes(db, actor.clinicId, patientId);
  const screens = await listRedFlagScreens(db, actor.clinicId, episodes.map((e) => e.id));
  await appendAuditEvent(db, {
    clinicId: actor.clinicId,
    userId: actor.userId,
    action: "read",
    entity: "episode",
    patientId,
    ip: actor.ip,
    detail: { count: episodes.length },
  });
  return ok(episodes.map((episode) => viewEpisode(episode, screens, today)));
}

export async function screenEpisode(
  db: Database,
  actor: Actor,
  episodeId: string,
  answers: RedFlagAnswers,
  today: CalendarDate,
): Promise<Outcome<EpisodeView>> {
  const refused = denied(actor, "patients.clinical.write");
  if (refused) return refused;
  return db.transaction(async (tx) => {
    const episode = await findEpisode(tx, actor.clinicId, episodeId);
    if (!episode) return fail("EPISODE_NOT_FOUND");
    return recordScreen(tx, actor, episode, answers, today, null);
  });
}

/**
 * How a positive screen is resolved: a referral (where, when, or who already
 * assessed the finding), or, for a lone weak flag only, an acknowledgement
 * with a listed reason and the safety-net confirmed (decision record 0011).
 */
export type ScreenResolution =
  | { kind: "referred"; note: string }
  | { kind: "acknowledged"; reasonId: string; safetyNetted: boolean; note: string | null };

/**
 * Answers of the latest screen corrected with a reason: a new screen that
 * names the one it corrects, so the red-flag gate runs again on the corrected
 * answers (a cleared stop clears, a new yes stops), and the first stays stored.
 */
export async function correctScreen(
  db: Database,
  actor: Actor,
  screenId: string,
  input: { answers: RedFlagAnswers; reason: string },
  today: CalendarDate,
): Promise<Outcome<EpisodeView>> {
  const refused = denied(actor, "patients.clinical.write");
  if (refused) return refused;
  return db.transaction(async (tx) => {
    const screen = await findRedFlagScreen(tx, actor.clinicId, screenId);
    if (!screen) return fail("RED_FLAG_SCREEN_NOT_FOUND");
    const [latest] = await listRedFlagScreens(tx, actor.clinicId, [screen.episodeId]);
    if (latest!.id !== screen.id) return fail("VALIDATION_FAILED", "Only the latest screen can be corrected; a later screen has replaced this one.");
    const episode = (await findEpisode(tx, actor.clinicId, screen.episodeId))!;
    return recordScreen(tx, actor, episode, input.answers, today, { screenId, reason: input.reason });
  });
}

async function recordScreen(
  tx: Queryable,
  actor: Actor,
  episode: EpisodeRecord,
  answers: RedFlagAnswers,
  today: CalendarDate,
  corrects: { screenId: string; reason: string } | null,
): Promise<Outcome<EpisodeView>> {
  if (episode.enteredInError) return fail("ENTRY_IN_ERROR");
  const patient = await findPatient(tx, actor.clinicId, episode.patientId);
  const ageYears = patient ? ageInYears(patient.birthDate, today) : undefined;
  const result = screenRedFlags(answers, ageYears === undefined ? {} : { ageYears });
  if (result.outcome === "incomplete") {
    return fail(
      "RED_FLAG_SCREEN_INCOMPLETE",
      `${result.unanswered.length} question(s) unanswered.`,
      Object.fromEntries(result.unanswered.map((id) => [id, "Unanswered."])),
    );
  }
  // Keep the answers with the derived age flag, so the screen reads the same later.
  const kept = { ...answers } as Record<string, boolean>;
  if (ageYears !== undefined) kept[AGE_FLAG_ID] = ageYears > 50 || ageYears < 20;
  const screen = await insertRedFlagScreen(
    tx,
    actor.clinicId,
    {
      episodeId: episode.id,
      answers: kept,
      outcome: result.outcome,
      positives: result.outcome === "stop" ? result.positives.map((flag) => flag.id) : [],
      emergency: result.outcome === "stop" && result.emergency,
      ageYears: ageYears ?? null,
      corrects,
    },
    actor.userId,
  );
  await appendAuditEvent(tx, {
    clinicId: actor.clinicId,
    userId: actor.userId,
    action: corrects ? "amend" : "create",
    entity: "red_flag_screen",
    entityId: screen.id,
    patientId: episode.patientId,
    ip: actor.ip,
    ...(corrects && { detail: { corrects: corrects.screenId, fields: changedFields(await answersOf(tx, actor, corrects.screenId), kept) } }),
  });
  return ok(viewEpisode(episode, [screen], today));
}

async function answersOf(q: Queryable, actor: Actor, screenId: string): Promise<Record<string, boolean>> {
  return (await findRedFlagScreen(q, actor.clinicId, screenId))?.answers ?? {};
}

export async function resolveScreen(
  db: Database,
  actor: Actor,
  screenId: string,
  resolution: ScreenResolution,
  today: CalendarDate,
): Promise<Outcome<EpisodeView>> {
  const refused = denied(actor, "patients.clinical.write");
  if (refused) return refused;
  return db.transaction(async (tx) => {
    const existing = await findRedFlagScreen(tx, actor.clinicId, screenId);
    if (!existing) return fail("RED_FLAG_SCREEN_NOT_FOUND");
    let stored: Parameters<typeof resolveRedFlagScreen>[3];
    if (resolution.kind === "referred") {
      stored = { kind: "referred", note: resolution.note, acknowledgement: null };
    } else {
      const check = checkAcknowledgement(existing.positives, resolution);
      if (!check.ok) return fail("RED_FLAG_NOT_ACKNOWLEDGEABLE", check.message);
      stored = { kind: "acknowledged", note: resolution.note, acknowledgement: { reasonId: check.reason.id, safetyNetted: true } };
    }
    const resolved = await resolveRedFlagScreen(tx, actor.clinicId, screenId, stored, actor.userId);
    if (!resolved) return fail("RED_FLAG_SCREEN_NOT_OPEN");
    const episode = (await findEpisode(tx, actor.clinicId, resolved.episodeId))!;
    await appendAuditEvent(tx, {
      clinicId: actor.clinicId,
      userId: actor.userId,
      action: "update",
      entity: "red_flag_screen",
      entityId: screenId,
      patientId: episode.patientId,
      ip: actor.ip,
      detail: { resolution: resolution.kind, ...(stored.acknowledgement && { reason: stored.acknowledgement.reasonId }) },
    });
    return ok(viewEpisode(episode, [resolved], today));
  });
}

/** The intake answers a correction may change, by column (the billing diagnosis is set on its own). */
const intakeColumns = (e: EpisodeFields) => ({
  intake_on: e.intakeOn,
  onset_date: e.onsetDate,
  location: e.location,
  radiation: e.radiation,
  radiation_side: e.radiationSide,
  prior_episodes: e.priorEpisodes,
  spinal_surgery: e.spinalSurgery,
  pregnant: e.pregnant,
  pregnancy_weeks: e.pregnancyWeeks,
  work_status: e.workStatus,
  notes: e.notes,
  tcm_patterns: e.tcmPatterns,
  tongue: e.tongue,
  pulse: e.pulse,
});

const episodeEntry: CorrectableEntry<EpisodeFields, EpisodeRecord> = {
  kind: "episode",
  table: "episodes",
  notFound: "EPISODE_NOT_FOUND",
  find: findEpisode,
  columnsOf: intakeColumns,
  correctedColumns: async (q, actor, entry, values) =>
    (await implausibleDates(q, actor.clinicId, entry.patientId, { onsetDate: values.onsetDate, intakeOn: values.intakeOn }, "values.")) ?? ok(intakeColumns(values)),
};

/**
 * Intake answers corrected with a reason, or the episode marked entered in
 * error. Pregnancy at intake proposes the Pregnant safety flag and the safety
 * check reads it (services/safetyFlags.ts), so a correction to "pregnant" is in
 * force at once; a correction away from it never clears a flag someone set:
 * the answer says so, for the practitioner to decide.
 */
export async function correctEpisode(
  db: Database,
  actor: Actor,
  episodeId: string,
  request: CorrectionRequest<EpisodeFields>,
): Promise<Outcome<Revised & { notices: string[] }>> {
  const revised = await reviseEntry(db, actor, episodeEntry, episodeId, request);
  if (!revised.ok) return revised;
  const pregnancy = (await flagStates(db, actor.clinicId, revised.value.patientId)).find((s) => s.flag === "pregnancy");
  const current = await currentEpisode(db, actor.clinicId, revised.value.patientId);
  const notices =
    pregnancy?.active && !current?.pregnant
      ? ["The Pregnant safety flag is still set, but the current intake no longer records a pregnancy. Clear the flag if the patient is not pregnant."]
      : [];
  return ok({ ...revised.value, notices });
}

export function episodeRevisions(db: Database, actor: Actor, episodeId: string) {
  return revisionsOf(db, actor, episodeEntry, episodeId);
}
