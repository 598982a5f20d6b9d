/**
 * Loads one patient's records of each FHIR type, as resources. Every loader
 * is scoped to the clinic; the caller checks the role and writes the audit.
 */
import type { Resource } from "@medplum/fhirtypes";
import type { ClinicId, PatientId } from "../../domain/shared/brand.ts";
import type { Queryable } from "../db/database.ts";
import { currentEpisode, listEpisodes } from "../db/repositories/episodes.ts";
import { listInstrumentResponses } from "../db/repositories/instrumentResponses.ts";
import { listVisitClaims } from "../db/repositories/coverage.ts";
import { listInstrumentWordings } from "../db/repositories/instrumentWordings.ts";
import { listMedications } from "../db/repositories/medications.ts";
import { listPainScores } from "../db/repositories/painScores.ts";
import { findPatient } from "../db/repositories/patients.ts";
import { listSafetyFlags } from "../db/repositories/safetyFlags.ts";
import { findVisit, listAmendments, listVisits, type VisitRecord } from "../db/repositories/visits.ts";
import { visitClaims } from "./billingResources.ts";
import { conditionResource, flagResource, instrumentObservation, medicationStatementResource, painScoreObservation } from "./clinicalResources.ts";
import { patientResource } from "./demographicResources.ts";
import { currentProcedure, procedureVersions } from "./procedureResources.ts";
import { questionnaireResponseResource } from "./questionnaireResources.ts";

/**
 * The clinical types a patient's records are published as (Patient itself is
 * demographics): the one list every reader (search, $everything, the bulk
 * export) takes its types from.
 */
export const CLINICAL_TYPES = ["Condition", "Observation", "QuestionnaireResponse", "Flag", "MedicationStatement", "Procedure", "Claim"] as const;
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
  async QuestionnaireResponse(q, clinicId, patientId) {
    const [responses, wordings] = await Promise.all([listInstrumentResponses(q, clinicId, patientId), listInstrumentWordings(q, clinicId)]);
    return responses.map((response) => questionnaireResponseResource(response, wordings.find((w) => w.instrument === response.instrument)));
  },
  async Flag(q, clinicId, patientId) {
    return (await listSafetyFlags(q, clinicId, patientId)).map((flag) => flagResource(patientId, flag));
  },
  async MedicationStatement(q, clinicId, patientId) {
    return (await listMedications(q, clinicId, patientId)).map(medicationStatementResource);
  },
  async Procedure(q, clinicId, patientId) {
    const visits = await signedVisits(q, clinicId, patientId);
    const amendments = await listAmendments(q, clinicId, visits.map((v) => v.id));
    return visits.map((visit) => currentProcedure(visit, amendments.filter((a) => a.visitId === visit.id)));
  },
  async Claim(q, clinicId, patientId) {
    const visits = await signedVisits(q, clinicId, patientId);
    const ids = visits.map((v) => v.id);
    const [claims, amendments] = await Promise.all([listVisitClaims(q, clinicId, ids), listAmendments(q, clinicId, ids)]);
    return visits.flatMap((visit) =>
      visitClaims(clinicId, visit, claims.filter((c) => c.visitId === visit.id), amendments.filter((a) => a.visitId === visit.id)),
    );
  },
};

/** A draft is not yet a record of care: only signed visits are published. */
async function signedVisits(q: Queryable, clinicId: ClinicId, patientId: PatientId): Promise<VisitRecord[]> {
  return (await listVisits(q, clinicId, patientId)).filter((visit) => visit.status === "signed");
}

/** Every version of a signed visit as a Procedure, oldest first; null when the clinic has no such signed visit. */
export async function procedureHistory(q: Queryable, clinicId: ClinicId, visitId: string): Promise<{ patientId: PatientId; versions: Resource[] } | null> {
  if (!/^[0-9a-f-]{36}$/.test(visitId)) return null;
  const visit = await findVisit(q, clinicId, visitId);
  if (!visit || visit.status !== "signed") return null;
  return { patientId: visit.patientId, versions: procedureVersions(visit, await listAmendments(q, clinicId, [visit.id])) };
}

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
  // Each query finds the record's patient by its id within the clinic ($1) and the id ($2).
  const byTable = (table: string) => `select patient_id from ${table} where clinic_id = $1 and id = $2`;
  const queries: Record<Exclude<ClinicalType, "Flag">, string[]> = {
    Condition: [byTable("episodes")],
    Observation: [byTable("pain_scores"), byTable("instrument_responses")],
    QuestionnaireResponse: [byTable("instrument_responses")],
    MedicationStatement: [byTable("medications")],
    Procedure: [byTable("visits")],
    Claim: ["select v.patient_id from visit_claims c join visits v on v.clinic_id = c.clinic_id and v.id = c.visit_id where c.clinic_id = $1 and c.id = $2"],
  };
  if (!/^[0-9a-f-]{36}$/.test(id)) return null;
  for (const sql of queries[type]) {
    const [row] = await q.query<{ patient_id: PatientId }>(sql, [clinicId, id]);
    if (row) return row.patient_id;
  }
  return null;
}
