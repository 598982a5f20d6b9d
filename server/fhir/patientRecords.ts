/**
 * Loads one patient's records of each FHIR type, as resources. Every loader
 * is scoped to the clinic; the caller checks the role and writes the audit.
 */
import type { Resource } from "@medplum/fhirtypes";
import type { ClinicId, PatientId } from "../../domain/shared/brand.ts";
import type { Queryable } from "../db/database.ts";
import { currentEpisode, listEpisodes } from "../db/repositories/episodes.ts";
import { listInstrumentResponses } from "../db/repositories/instrumentResponses.ts";
import { listMedications } from "../db/repositories/medications.ts";
import { listPainScores } from "../db/repositories/painScores.ts";
import { findPatient } from "../db/repositories/patients.ts";
import { listSafetyFlags } from "../db/repositories/safetyFlags.ts";
import { listVisits } from "../db/repositories/visits.ts";
import {
  conditionResource,
  flagResource,
  instrumentObservation,
  medicationStatementResource,
  painScoreObservation,
  procedureResource,
} from "./clinicalResources.ts";
import { patientResource } from "./demographicResources.ts";

/** The clinical types a patient's records are published as (Patient itself is demographics). */
export const CLINICAL_TYPES = ["Condition", "Observation", "Flag", "MedicationStatement", "Procedure"] as const;
export type ClinicalType = (typeof CLINICAL_TYPES)[number];

const LOADERS: Record<ClinicalType, (q: Queryable, clinicId: ClinicId, patientId: PatientId) => Promise<Resource[]>> = {
  async Condition(q, clinicId, patientId) {
    const [episodes, current] = await Promise.all([listEpisodes(q, clinicId, patientId), currentEpisode(q, clinicId, patientId)]);
    return episodes.map((episode) => conditionResource(episode, episode.id === current?.id));
  },
  async Observation(q, clinicId, patientId) {
    const [scores, responses] = await Promise.all([listPainScores(q, clinicId, patientId), listInstrumentResponses(q, clinicId, patientId)]);
    return [...scores.map(painScoreObservation), ...responses.map(instrumentObservation)];
  },
  async Flag(q, clinicId, patientId) {
    return (await listSafetyFlags(q, clinicId, patientId)).map((flag) => flagResource(patientId, flag));
  },
  async MedicationStatement(q, clinicId, patientId) {
    return (await listMedications(q, clinicId, patientId)).map(medicationStatementResource);
  },
  async Procedure(q, clinicId, patientId) {
    // A draft is not yet a record of care: only signed visits are published.
    return (await listVisits(q, clinicId, patientId)).filter((visit) => visit.status === "signed").map(procedureResource);
  },
};

export async function clinicalResources(q: Queryable, clinicId: ClinicId, patientId: PatientId, type: ClinicalType): Promise<Resource[]> {
  return LOADERS[type](q, clinicId, patientId);
}

/** The patient and every clinical record, or null when the clinic has no such patient. */
export async function everythingOf(q: Queryable, clinicId: ClinicId, patientId: PatientId): Promise<Resource[] | null> {
  const patient = await findPatient(q, clinicId, patientId);
  if (!patient) return null;
  const clinical = await Promise.all(CLINICAL_TYPES.map((type) => clinicalResources(q, clinicId, patientId, type)));
  return [patientResource(patient), ...clinical.flat()];
}

/**
 * Which patient a clinical resource id belongs to, within the clinic, so a
 * read by id loads only that patient's records. Flag ids are the patient's id
 * and the flag's name.
 */
export async function ownerOf(q: Queryable, clinicId: ClinicId, type: ClinicalType, id: string): Promise<PatientId | null> {
  if (type === "Flag") {
    const patientId = id.slice(0, 36);
    return (await findPatient(q, clinicId, patientId as PatientId)) ? (patientId as PatientId) : null;
  }
  const tables: Record<Exclude<ClinicalType, "Flag">, string[]> = {
    Condition: ["episodes"],
    Observation: ["pain_scores", "instrument_responses"],
    MedicationStatement: ["medications"],
    Procedure: ["visits"],
  };
  if (!/^[0-9a-f-]{36}$/.test(id)) return null;
  for (const table of tables[type]) {
    const [row] = await q.query<{ patient_id: PatientId }>(`select patient_id from ${table} where clinic_id = $1 and id = $2`, [clinicId, id]);
    if (row) return row.patient_id;
  }
  return null;
}
