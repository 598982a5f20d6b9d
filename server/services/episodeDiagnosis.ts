/**
 * An episode's billing diagnosis: the ICD-10 code the practitioner chooses
 * from the picker (or the suggestion the record supports) and whether the
 * pain has a systemic cause (which Medicare's NCD 30.3.3 excludes). A code the
 * record contradicts, a deleted code (M54.5) or an unknown one is refused.
 * Changing a choice already made needs a reason, kept in the audit log with
 * the values before and after.
 */
import { episodeDiagnosisCode, icd10Choices, icd10Contradiction, validateIcd10, type Icd10Choice, type Icd10Suggestion } from "../../domain/coverage/icd10.ts";
import type { Database } from "../db/database.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import { findEpisode, setEpisodeDiagnosis, type EpisodeRecord } from "../db/repositories/episodes.ts";
import { fail, ok, type Outcome } from "../errors.ts";
import { denied, type Actor } from "./actor.ts";

export interface EpisodeDiagnosisView {
  episodeId: string;
  /** The practitioner's choice; null while the suggestion stands. */
  icd10Code: string | null;
  systemicCause: boolean;
  /** The code claims carry now, with the rule that chose it. */
  inForce: Icd10Suggestion;
  choices: Icd10Choice[];
}

function viewOf(episode: EpisodeRecord): EpisodeDiagnosisView {
  return { episodeId: episode.id, icd10Code: episode.icd10Code, systemicCause: episode.systemicCause, inForce: episodeDiagnosisCode(episode), choices: icd10Choices(episode) };
}

export async function episodeDiagnosis(db: Database, actor: Actor, episodeId: string): Promise<Outcome<EpisodeDiagnosisView>> {
  const refused = denied(actor, "patients.clinical.read");
  if (refused) return refused;
  const episode = await findEpisode(db, actor.clinicId, episodeId);
  if (!episode) return fail("EPISODE_NOT_FOUND");
  await appendAuditEvent(db, { clinicId: actor.clinicId, userId: actor.userId, action: "read", entity: "episode_diagnosis", entityId: episode.id, patientId: episode.patientId, ip: actor.ip });
  return ok(viewOf(episode));
}

export async function chooseEpisodeDiagnosis(
  db: Database,
  actor: Actor,
  episodeId: string,
  input: { icd10Code: string | null; systemicCause: boolean; reason: string | null },
): Promise<Outcome<EpisodeDiagnosisView>> {
  const refused = denied(actor, "patients.clinical.write");
  if (refused) return refused;
  return db.transaction(async (tx) => {
    const episode = await findEpisode(tx, actor.clinicId, episodeId);
    if (!episode) return fail("EPISODE_NOT_FOUND");
    let code: string | null = null;
    if (input.icd10Code !== null) {
      const check = validateIcd10(input.icd10Code);
      if (!check.ok) return fail("VALIDATION_FAILED", check.reason, { icd10Code: check.reason });
      const contradiction = icd10Contradiction(episode, check.code);
      if (contradiction) return fail("VALIDATION_FAILED", contradiction, { icd10Code: contradiction });
      code = check.code;
    }
    const before = { icd10Code: episode.icd10Code, systemicCause: episode.systemicCause };
    const after = { icd10Code: code, systemicCause: input.systemicCause };
    const replacing = (before.icd10Code !== null && before.icd10Code !== after.icd10Code) || (before.systemicCause && !after.systemicCause);
    if (replacing && !input.reason) {
      const message = "Give the reason for changing the diagnosis recorded before.";
      return fail("VALIDATION_FAILED", message, { reason: message });
    }
    await setEpisodeDiagnosis(tx, actor.clinicId, episode.id, after);
    await appendAuditEvent(tx, {
      clinicId: actor.clinicId,
      userId: actor.userId,
      action: "update",
      entity: "episode_diagnosis",
      entityId: episode.id,
      patientId: episode.patientId,
      ip: actor.ip,
      detail: {
        codeBefore: before.icd10Code ?? "suggested",
        codeAfter: after.icd10Code ?? "suggested",
        systemicCauseBefore: before.systemicCause,
        systemicCauseAfter: after.systemicCause,
        ...(input.reason ? { reason: input.reason } : {}),
      },
    });
    return ok(viewOf((await findEpisode(tx, actor.clinicId, episode.id))!));
  });
}
