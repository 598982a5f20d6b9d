/**
 * Retiring a patient record without deleting anything (issue 10): merging a
 * duplicate into the record of the same person that stays, or marking a
 * record registered in error. Both are kept, with who, when and why, and are
 * audited on every record they touch. Merging follows the usual clinical
 * "merge patient" (the duplicate's records move, whole, to the survivor; the
 * duplicate stays as a pointer to it).
 */
import type { PatientId } from "../../domain/shared/brand.ts";
import type { Patient } from "../../domain/patients/patient.ts";
import type { Database } from "../db/database.ts";
import { cancelBookedOfPatient } from "../db/repositories/appointments.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import {
  insertRetirement,
  moveRecords,
  retirePatient,
  retirementsConcerning,
  standingClinicalRecords,
  type MovedRows,
  type PatientRetirement,
} from "../db/repositories/patientRetirements.ts";
import { findPatient } from "../db/repositories/patients.ts";
import { fail, ok, type Outcome } from "../errors.ts";
import { denied, type Actor } from "./actor.ts";
import { patientRetired } from "./patientStatus.ts";

export interface MergeResult {
  kept: Patient;
  merged: Patient;
  moved: MovedRows;
}

/**
 * Moving clinical records is clinical work, so it needs clinical write access
 * as well as demographics (the front desk can register patients but not move
 * their charts).
 */
export async function mergePatients(
  db: Database,
  actor: Actor,
  request: { duplicateId: PatientId; intoId: PatientId; reason: string },
): Promise<Outcome<MergeResult>> {
  const refused = denied(actor, "patients.demographics.write") ?? denied(actor, "patients.clinical.write");
  if (refused) return refused;
  if (request.duplicateId === request.intoId) {
    return fail("PATIENT_MERGE_INVALID", undefined, { intoId: "Choose a different patient: a record cannot be merged into itself." });
  }
  return db.transaction(async (tx) => {
    const duplicate = await findPatient(tx, actor.clinicId, request.duplicateId);
    const kept = await findPatient(tx, actor.clinicId, request.intoId);
    if (!duplicate || !kept) return fail("PATIENT_NOT_FOUND");
    if (duplicate.status !== "active") return patientRetired(duplicate);
    if (kept.status !== "active") {
      return fail("PATIENT_MERGE_INVALID", undefined, { intoId: "That record is itself merged or registered in error; choose the record in use." });
    }
    const moved = await moveRecords(tx, actor.clinicId, duplicate.id, kept.id);
    if (!(await retirePatient(tx, actor.clinicId, duplicate.id, "merged", kept.id))) return patientRetired(duplicate);
    const retirementId = await insertRetirement(tx, actor.clinicId, {
      patientId: duplicate.id,
      action: "merged",
      mergedInto: kept.id,
      reason: request.reason,
      moved,
      authorId: actor.userId,
    });
    // One event on each record, so either patient's trail shows the merge; counts only, never values.
    const movedRecords = Object.values(moved).reduce((sum, ids) => sum + ids.length, 0);
    for (const [patientId, role] of [[duplicate.id, "duplicate"], [kept.id, "kept"]] as const) {
      await appendAuditEvent(tx, {
        clinicId: actor.clinicId,
        userId: actor.userId,
        action: "merge",
        entity: "patient",
        entityId: patientId,
        patientId,
        ip: actor.ip,
        detail: { retirementId, role, duplicate: duplicate.id, kept: kept.id, movedRecords, movedTables: Object.keys(moved) },
      });
    }
    return ok({ kept: (await findPatient(tx, actor.clinicId, kept.id))!, merged: (await findPatient(tx, actor.clinicId, duplicate.id))!, moved });
  });
}

/**
 * A record that should never have been made (a test, a typo, the wrong
 * person): only when it holds no clinical entry that stands, since those
 * belong to a real patient and must be merged or marked in error one by one.
 */
export async function markRegisteredInError(db: Database, actor: Actor, patientId: PatientId, reason: string): Promise<Outcome<Patient>> {
  const refused = denied(actor, "patients.demographics.write");
  if (refused) return refused;
  return db.transaction(async (tx) => {
    const patient = await findPatient(tx, actor.clinicId, patientId);
    if (!patient) return fail("PATIENT_NOT_FOUND");
    if (patient.status !== "active") return patientRetired(patient);
    const standing = await standingClinicalRecords(tx, actor.clinicId, patientId);
    if (standing > 0) return fail("PATIENT_HAS_RECORDS", `${standing} clinical ${standing === 1 ? "entry stands" : "entries stand"} on this record.`);
    if (!(await retirePatient(tx, actor.clinicId, patientId, "registered-in-error", null))) return patientRetired(patient);
    const retirementId = await insertRetirement(tx, actor.clinicId, {
      patientId,
      action: "registered-in-error",
      mergedInto: null,
      reason,
      moved: {},
      authorId: actor.userId,
    });
    // Nobody is coming to the visits of a record that should not exist: they free their rooms at once.
    const cancelled = await cancelBookedOfPatient(tx, actor.clinicId, patientId, "Patient record registered in error");
    for (const appointment of cancelled) {
      await appendAuditEvent(tx, { clinicId: actor.clinicId, userId: actor.userId, action: "update", entity: "appointment", entityId: appointment.id, patientId, ip: actor.ip, detail: { status: "cancelled" } });
    }
    await appendAuditEvent(tx, {
      clinicId: actor.clinicId,
      userId: actor.userId,
      action: "retire",
      entity: "patient",
      entityId: patientId,
      patientId,
      ip: actor.ip,
      detail: { retirementId, cancelledAppointments: cancelled.length },
    });
    return ok((await findPatient(tx, actor.clinicId, patientId))!);
  });
}

/** What happened to a record: its own retirement and any records merged into it. The read is audited. */
export async function retirementHistory(db: Database, actor: Actor, patientId: PatientId): Promise<Outcome<PatientRetirement[]>> {
  const refused = denied(actor, "patients.demographics.read");
  if (refused) return refused;
  if (!(await findPatient(db, actor.clinicId, patientId))) return fail("PATIENT_NOT_FOUND");
  const history = await retirementsConcerning(db, actor.clinicId, patientId);
  await appendAuditEvent(db, {
    clinicId: actor.clinicId,
    userId: actor.userId,
    action: "read",
    entity: "patient_retirement",
    entityId: patientId,
    patientId,
    ip: actor.ip,
  });
  return ok(history);
}
