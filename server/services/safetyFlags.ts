/** The patient's safety flags: read by charting, kept current by practitioners. */
import { flagsFromIntake, isSafetyFlag, SAFETY_FLAGS, type SafetyFlagState } from "../../domain/assessment/safetyFlags.ts";
import type { ClinicId, PatientId } from "../../domain/shared/brand.ts";
import type { Database, Queryable } from "../db/database.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import { currentEpisode } from "../db/repositories/episodes.ts";
import { findPatient } from "../db/repositories/patients.ts";
import { listSafetyFlags, upsertSafetyFlag } from "../db/repositories/safetyFlags.ts";
import { fail, ok, type Outcome } from "../errors.ts";
import { denied, type Actor } from "./actor.ts";
import { refuseUnlessOpen } from "./patientStatus.ts";

/**
 * Every known flag with its recorded state (never recorded = not active,
 * updatedAt null) and what the current episode's intake implies. No audit:
 * callers audit their own read.
 */
export async function flagStates(q: Queryable, clinicId: ClinicId, patientId: PatientId): Promise<SafetyFlagState[]> {
  const records = await listSafetyFlags(q, clinicId, patientId);
  const implied = flagsFromIntake(await currentEpisode(q, clinicId, patientId));
  return SAFETY_FLAGS.map((flag) => {
    const record = records.find((r) => r.flag === flag.id);
    const active = record?.active ?? false;
    return {
      flag: flag.id,
      label: flag.label,
      meaning: flag.meaning,
      active,
      note: record?.note ?? null,
      updatedAt: record?.updatedAt ?? null,
      fromIntake: active ? null : (implied[flag.id] ?? null),
    };
  });
}

export async function safetyFlagsOf(db: Database, actor: Actor, patientId: PatientId): Promise<Outcome<SafetyFlagState[]>> {
  const refused = denied(actor, "patients.clinical.read");
  if (refused) return refused;
  if (!(await findPatient(db, actor.clinicId, patientId))) return fail("PATIENT_NOT_FOUND");
  const states = await flagStates(db, actor.clinicId, patientId);
  await appendAuditEvent(db, { clinicId: actor.clinicId, userId: actor.userId, action: "read", entity: "safety_flags", patientId, ip: actor.ip });
  return ok(states);
}

/** Sets the flags named in `changes`; flags not named keep their state. */
export async function updateSafetyFlags(
  db: Database,
  actor: Actor,
  patientId: PatientId,
  changes: Record<string, { active: boolean; note: string | null }>,
): Promise<Outcome<SafetyFlagState[]>> {
  const refused = denied(actor, "patients.clinical.write");
  if (refused) return refused;
  const unknown = Object.keys(changes).filter((id) => !isSafetyFlag(id));
  if (unknown.length > 0) {
    return fail("VALIDATION_FAILED", `Unknown safety flags: ${unknown.join(", ")}.`, Object.fromEntries(unknown.map((id) => [id, "Unknown flag."])));
  }
  return db.transaction(async (tx) => {
    const closed = await refuseUnlessOpen(tx, actor.clinicId, patientId);
    if (closed) return closed;
    for (const [flag, change] of Object.entries(changes)) {
      await upsertSafetyFlag(tx, actor.clinicId, patientId, { flag, ...change }, actor.userId);
    }
    await appendAuditEvent(tx, {
      clinicId: actor.clinicId,
      userId: actor.userId,
      action: "update",
      entity: "safety_flags",
      patientId,
      ip: actor.ip,
      detail: { fields: Object.keys(changes) },
    });
    return ok(await flagStates(tx, actor.clinicId, patientId));
  });
}
