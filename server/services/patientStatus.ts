/**
 * Whether new records may be made for a patient. A merged or registered-in-
 * error record is kept to be read, never written to: its care continues on
 * the record it was merged into (named in the answer), or nowhere.
 */
import type { ClinicId, PatientId } from "../../domain/shared/brand.ts";
import type { Patient } from "../../domain/patients/patient.ts";
import type { Queryable } from "../db/database.ts";
import { findPatient } from "../db/repositories/patients.ts";
import { fail, type Failure } from "../errors.ts";

export function patientRetired(patient: Patient): Failure {
  return patient.status === "merged"
    ? fail("PATIENT_RETIRED", `This record was merged into another patient's record (${patient.mergedInto}); record there instead.`)
    : fail("PATIENT_RETIRED", "This record was registered in error.");
}

/** Null when the patient exists in the clinic and is active; otherwise the failure to return. */
export async function refuseUnlessOpen(q: Queryable, clinicId: ClinicId, patientId: PatientId): Promise<Failure | null> {
  const patient = await findPatient(q, clinicId, patientId);
  if (!patient) return fail("PATIENT_NOT_FOUND");
  return patient.status === "active" ? null : patientRetired(patient);
}
