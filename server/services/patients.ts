/**
 * Registering, finding and editing patients. Every call is scoped to the
 * actor's clinic and leaves an audit event in the same transaction as the work.
 */
import type { ClinicId, PatientId } from "../../domain/shared/brand.ts";
import { isLikelyDuplicate } from "../../domain/patients/likelyDuplicate.ts";
import { assignedRecordNumber, type Patient } from "../../domain/patients/patient.ts";
import { parsePatientQuery } from "../../domain/patients/patientSearch.ts";
import type { Database, Queryable } from "../db/database.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import { takeRecordNumberSequence } from "../db/repositories/clinics.ts";
import {
  findPatient,
  insertPatient,
  patientsBornOn,
  recordNumberInUse,
  searchPatients,
  updatePatient,
  type PatientFields,
  type PatientPage,
} from "../db/repositories/patients.ts";
import { isUniqueViolation } from "../db/repositories/rows.ts";
import { fail, ok, type Outcome } from "../errors.ts";
import { denied, type Actor } from "./actor.ts";
import { patientRetired } from "./patientStatus.ts";

export type PatientInput = Omit<PatientFields, "recordNumber"> & { recordNumber: string | null };

const recordNumberTaken = () =>
  fail("RECORD_NUMBER_TAKEN", undefined, { recordNumber: "Another patient has this record number." });

/**
 * Registers a patient. Unless the request says the person is confirmed not to
 * be a duplicate, a likely duplicate already in this clinic (same name and
 * birth date, or birth date and phone: domain/patients/likelyDuplicate.ts)
 * answers PATIENT_LIKELY_DUPLICATE listing those records, and nothing is saved.
 * Showing them is a read of those patients, audited like a search.
 */
export async function registerPatient(db: Database, actor: Actor, input: PatientInput, options: { confirmedNotDuplicate: boolean } = { confirmedNotDuplicate: false }): Promise<Outcome<Patient>> {
  const refused = denied(actor, "patients.demographics.write");
  if (refused) return refused;
  try {
    return await db.transaction(async (tx) => {
      if (!options.confirmedNotDuplicate) {
        const matches = (await patientsBornOn(tx, actor.clinicId, input.birthDate)).filter((existing) => isLikelyDuplicate(input, existing));
        if (matches.length > 0) {
          await appendAuditEvent(tx, {
            clinicId: actor.clinicId,
            userId: actor.userId,
            action: "list",
            entity: "patient",
            ip: actor.ip,
            detail: { queryKind: "likely-duplicate", shown: matches.map((p) => p.id) },
          });
          return {
            ...fail("PATIENT_LIKELY_DUPLICATE"),
            likelyDuplicates: matches.map(({ id, givenName, familyName, birthDate }) => ({ id, givenName, familyName, birthDate })),
          };
        }
      }
      const recordNumber = input.recordNumber ?? (await nextFreeRecordNumber(tx, actor.clinicId));
      const patient = await insertPatient(tx, actor.clinicId, { ...input, recordNumber });
      await appendAuditEvent(tx, {
        clinicId: actor.clinicId,
        userId: actor.userId,
        action: "create",
        entity: "patient",
        entityId: patient.id,
        patientId: patient.id,
        ip: actor.ip,
      });
      return ok(patient);
    });
  } catch (error) {
    if (isUniqueViolation(error, "patients_clinic_id_record_number_key")) return recordNumberTaken();
    throw error;
  }
}

/** The next assigned number, skipping any the clinic already typed in by hand. */
async function nextFreeRecordNumber(tx: Queryable, clinicId: ClinicId): Promise<string> {
  for (;;) {
    const candidate = assignedRecordNumber(await takeRecordNumberSequence(tx, clinicId));
    if (!(await recordNumberInUse(tx, clinicId, candidate))) return candidate;
  }
}

export async function viewPatient(db: Database, actor: Actor, id: PatientId): Promise<Outcome<Patient>> {
  const refused = denied(actor, "patients.demographics.read");
  if (refused) return refused;
  const patient = await findPatient(db, actor.clinicId, id);
  if (!patient) return fail("PATIENT_NOT_FOUND");
  await appendAuditEvent(db, {
    clinicId: actor.clinicId,
    userId: actor.userId,
    action: "read",
    entity: "patient",
    entityId: id,
    patientId: id,
    ip: actor.ip,
  });
  return ok(patient);
}

export async function findPatients(
  db: Database,
  actor: Actor,
  search: { q: string; limit: number; offset: number },
): Promise<Outcome<PatientPage>> {
  const refused = denied(actor, "patients.demographics.read");
  if (refused) return refused;
  const query = parsePatientQuery(search.q);
  const page = await searchPatients(db, actor.clinicId, query, search);
  // The search words may be a name: log which patients were shown, not what was typed.
  await appendAuditEvent(db, {
    clinicId: actor.clinicId,
    userId: actor.userId,
    action: "list",
    entity: "patient",
    ip: actor.ip,
    detail: { queryKind: query.kind, shown: page.patients.map((p) => p.id) },
  });
  return ok(page);
}

export async function editPatient(
  db: Database,
  actor: Actor,
  id: PatientId,
  edit: { version: number; fields: PatientFields },
): Promise<Outcome<Patient>> {
  const refused = denied(actor, "patients.demographics.write");
  if (refused) return refused;
  try {
    return await db.transaction(async (tx) => {
      const updated = await updatePatient(tx, actor.clinicId, id, edit.version, edit.fields);
      if (!updated) {
        const exists = await findPatient(tx, actor.clinicId, id);
        if (!exists) return fail("PATIENT_NOT_FOUND");
        return exists.status === "active" ? fail("PATIENT_VERSION_CONFLICT") : patientRetired(exists);
      }
      await appendAuditEvent(tx, {
        clinicId: actor.clinicId,
        userId: actor.userId,
        action: "update",
        entity: "patient",
        entityId: id,
        patientId: id,
        ip: actor.ip,
        detail: { version: updated.version },
      });
      return ok(updated);
    });
  } catch (error) {
    if (isUniqueViolation(error, "patients_clinic_id_record_number_key")) return recordNumberTaken();
    throw error;
  }
}
