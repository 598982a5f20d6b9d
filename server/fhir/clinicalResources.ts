/**
 * A patient's clinical records as FHIR R4: the back-pain episode as a
 * Condition, pain scores and questionnaire totals as Observations, safety
 * flags as Flags, medications as MedicationStatements (signed visits as
 * Procedures: procedureResources.ts). Entries marked entered in error keep their place with the
 * status FHIR has for it, so a receiving system withdraws them too.
 */
import type { Condition, Flag, MedicationStatement, Observation } from "@medplum/fhirtypes";
import { mmePerDay } from "../../domain/assessment/mme.ts";
import { SAFETY_FLAGS } from "../../domain/assessment/safetyFlags.ts";
import { instrumentById } from "../../domain/assessment/instruments/registry.ts";
import type { PainScore } from "../../domain/outcomes/painScore.ts";
import type { EpisodeRecord } from "../db/repositories/episodes.ts";
import type { InstrumentResponseRecord } from "../db/repositories/instrumentResponses.ts";
import type { MedicationRecord } from "../db/repositories/medications.ts";
import type { SafetyFlagRecord } from "../db/repositories/safetyFlags.ts";
import {
  ACUBACK_INSTRUMENT,
  ACUBACK_INSTRUMENT_SUBSCALE,
  ACUBACK_MME_EXTENSION,
  ACUBACK_SAFETY_FLAG,
  CONDITION_CATEGORY,
  CONDITION_CLINICAL,
  CONDITION_VERIFICATION,
  ICD10_CM,
  LOINC,
  LOINC_INSTRUMENT_TOTALS,
  LOINC_PAIN_NRS,
  LOINC_SUBSCALES,
  OBSERVATION_CATEGORY,
} from "./codeSystems.ts";
import { reference } from "./demographicResources.ts";

const lastUpdated = (createdAt: string, revisedAt: string | null) => ({ lastUpdated: revisedAt ?? createdAt });
const survey = [{ coding: [{ system: OBSERVATION_CATEGORY, code: "survey", display: "Survey" }] }];

/** Only the current episode is active; earlier courses of care are inactive; one in error has no clinical status (FHIR invariant con-5). */
export function conditionResource(episode: EpisodeRecord, current: boolean): Condition {
  return {
    resourceType: "Condition",
    id: episode.id,
    meta: lastUpdated(episode.createdAt, episode.revisedAt),
    ...(!episode.enteredInError && {
      clinicalStatus: { coding: [{ system: CONDITION_CLINICAL, code: current ? "active" : "inactive" }] },
    }),
    verificationStatus: { coding: [{ system: CONDITION_VERIFICATION, code: episode.enteredInError ? "entered-in-error" : "confirmed" }] },
    category: [{ coding: [{ system: CONDITION_CATEGORY, code: "problem-list-item", display: "Problem List Item" }] }],
    code: {
      ...(episode.icd10Code && { coding: [{ system: ICD10_CM, code: episode.icd10Code }] }),
      text: "Low back pain episode",
    },
    subject: reference("Patient", episode.patientId),
    onsetDateTime: episode.onsetDate,
    recordedDate: episode.intakeOn,
    ...(episode.notes && { note: [{ text: episode.notes }] }),
  };
}

function observationStatus(entry: { enteredInError: boolean; revisedAt: string | null }): Observation["status"] {
  return entry.enteredInError ? "entered-in-error" : entry.revisedAt ? "amended" : "final";
}

export function painScoreObservation(score: PainScore): Observation {
  return {
    resourceType: "Observation",
    id: score.id,
    meta: lastUpdated(score.createdAt, score.revisedAt),
    status: observationStatus(score),
    category: survey,
    code: {
      coding: [{ system: LOINC, code: LOINC_PAIN_NRS, display: "Pain severity - 0-10 verbal numeric rating [Score] - Reported" }],
      text: "Pain (NRS 0–10)",
    },
    subject: reference("Patient", score.patientId),
    effectiveDateTime: score.recordedOn,
    issued: score.createdAt,
    valueInteger: score.score,
    ...(score.note && { note: [{ text: score.note }] }),
  };
}

/** A questionnaire's total, with its subscales (STarT Back's psychosocial score) as components. */
export function instrumentObservation(response: InstrumentResponseRecord): Observation {
  const instrument = instrumentById(response.instrument);
  const name = instrument?.name ?? response.instrument;
  return {
    resourceType: "Observation",
    id: response.id,
    meta: lastUpdated(response.createdAt, response.revisedAt),
    status: observationStatus(response),
    category: survey,
    code: {
      coding: [
        ...(LOINC_INSTRUMENT_TOTALS[response.instrument] ? [{ system: LOINC, ...LOINC_INSTRUMENT_TOTALS[response.instrument]! }] : []),
        { system: ACUBACK_INSTRUMENT, code: response.instrument, display: name },
      ],
      text: `${name} (${response.version})`,
    },
    subject: reference("Patient", response.patientId),
    effectiveDateTime: response.recordedOn,
    issued: response.createdAt,
    valueQuantity: { value: response.score, unit: response.unit },
    // The total is scored from the answers, published item by item as a QuestionnaireResponse of the same id.
    derivedFrom: [reference("QuestionnaireResponse", response.id)],
    ...(response.band && { interpretation: [{ text: response.band }] }),
    ...(Object.keys(response.subscales).length > 0 && {
      component: Object.entries(response.subscales).map(([subscale, value]) => ({
        code: {
          coding: [
            ...(LOINC_SUBSCALES[`${response.instrument}-${subscale}`] ? [{ system: LOINC, ...LOINC_SUBSCALES[`${response.instrument}-${subscale}`]! }] : []),
            { system: ACUBACK_INSTRUMENT_SUBSCALE, code: `${response.instrument}-${subscale}` },
          ],
          text: subscale,
        },
        valueQuantity: { value },
      })),
    }),
  };
}

export function flagResource(patientId: string, flag: SafetyFlagRecord): Flag {
  const label = SAFETY_FLAGS.find((f) => f.id === flag.flag)?.label ?? flag.flag;
  return {
    resourceType: "Flag",
    id: `${patientId}-${flag.flag}`,
    meta: { lastUpdated: flag.updatedAt },
    status: flag.active ? "active" : "inactive",
    category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/flag-category", code: "safety", display: "Safety" }] }],
    code: { coding: [{ system: ACUBACK_SAFETY_FLAG, code: flag.flag, display: label }], text: flag.note ? `${label}: ${flag.note}` : label },
    subject: reference("Patient", patientId),
  };
}

export function medicationStatementResource(medication: MedicationRecord): MedicationStatement {
  const mme = medication.opioid && medication.dailyDose !== null ? mmePerDay([{ opioid: medication.opioid, dailyDose: medication.dailyDose }]) : null;
  const unit = medication.opioid === "fentanyl transdermal" ? "mcg/hour" : "mg/day";
  return {
    resourceType: "MedicationStatement",
    id: medication.id,
    ...(medication.revisedAt && { meta: { lastUpdated: medication.revisedAt } }),
    status: medication.enteredInError ? "entered-in-error" : medication.stoppedOn ? "stopped" : "active",
    medicationCodeableConcept: { text: medication.name },
    subject: reference("Patient", medication.patientId),
    ...((medication.startedOn || medication.stoppedOn) && {
      effectivePeriod: { ...(medication.startedOn && { start: medication.startedOn }), ...(medication.stoppedOn && { end: medication.stoppedOn }) },
    }),
    ...(medication.dailyDose !== null && { dosage: [{ text: `${medication.dailyDose} ${unit}` }] }),
    ...(medication.note && { note: [{ text: medication.note }] }),
    // Morphine milligram equivalents per day (CDC 2022 conversion factors, domain/assessment/mme.ts).
    ...(mme !== null && { extension: [{ url: ACUBACK_MME_EXTENSION, valueDecimal: mme }] }),
  };
}
