/**
 * The code systems Acuback's FHIR resources use. Where a standard code exists
 * and has been confirmed from two sources it is used (LOINC, ICD-10-CM, v2
 * identifier types); otherwise Acuback publishes its own CodeSystem, named
 * here, and never borrows a standard system for a code that is not in it.
 */
export const ACUBACK_FHIR_BASE = "https://acuback.org/fhir";
export const ACUBACK_PROBLEMS = `${ACUBACK_FHIR_BASE}/CodeSystem/problem`;
export const ACUBACK_INSTRUMENT = `${ACUBACK_FHIR_BASE}/CodeSystem/instrument`;
export const ACUBACK_INSTRUMENT_SUBSCALE = `${ACUBACK_FHIR_BASE}/CodeSystem/instrument-subscale`;
export const ACUBACK_SAFETY_FLAG = `${ACUBACK_FHIR_BASE}/CodeSystem/safety-flag`;
/** WHO standard acupuncture point codes (WHO Standard Acupuncture Point Locations, 2008), e.g. BL23, as the atlas holds them. */
export const ACUBACK_ACUPOINT = `${ACUBACK_FHIR_BASE}/CodeSystem/acupoint`;
export const ACUBACK_MODALITY = `${ACUBACK_FHIR_BASE}/CodeSystem/treatment-modality`;
export const ACUBACK_MME_EXTENSION = `${ACUBACK_FHIR_BASE}/StructureDefinition/mme-per-day`;
export const ACUBACK_NEEDLES_IN_EXTENSION = `${ACUBACK_FHIR_BASE}/StructureDefinition/needles-inserted`;
export const ACUBACK_NEEDLES_OUT_EXTENSION = `${ACUBACK_FHIR_BASE}/StructureDefinition/needles-removed`;
export const ACUBACK_ESTIM_EXTENSION = `${ACUBACK_FHIR_BASE}/StructureDefinition/electrostimulation`;
/** The record numbers of one clinic: a system per clinic, since two clinics may both have A-000001. */
export const recordNumberSystem = (clinicId: string) => `${ACUBACK_FHIR_BASE}/sid/record-number/${clinicId}`;

export const LOINC = "http://loinc.org";
/**
 * Pain severity - 0-10 verbal numeric rating [Score] - Reported. Confirmed in
 * the HL7 Belgium patient-monitoring IG (ValueSet pain-scale, citing
 * loinc.org/72514-3) and the ANS France "mesures de santé" IG
 * (MesObservationPainSeverity fixes code.coding to loinc#72514-3).
 */
export const LOINC_PAIN_NRS = "72514-3";

/**
 * LOINC codes for the instruments' totals, each seen in at least two sources
 * (loinc.org pages, FHIR guides: CMS ACCESS Model and PACIO for the ODI;
 * the AHRQ/CQF cds4cpm guide for PEG and STarT Back; LOINC's own
 * Questionnaires). No LOINC code was found for the Roland-Morris
 * questionnaire, so it carries only Acuback's instrument code.
 * (Research notes: docs/research/loinc-instrument-codes.md.)
 */
export const LOINC_INSTRUMENT_TOTALS: Record<string, { code: string; display: string }> = {
  nrs: { code: LOINC_PAIN_NRS, display: "Pain severity - 0-10 verbal numeric rating [Score] - Reported" },
  odi: { code: "97909-6", display: "Oswestry disability index score ODI" },
  peg: { code: "91147-9", display: "Mean score [PEG]" },
  "start-back": { code: "91351-7", display: "Total score [STarT Back]" },
};
/** LOINC calls Keele's psychosocial subscore (items 5–9) the "Distress subscore" (loinc.org/91350-9). */
export const LOINC_SUBSCALES: Record<string, { code: string; display: string }> = {
  "start-back-psychosocial": { code: "91350-9", display: "Distress subscore [STarT Back]" },
};
export const ICD10_CM = "http://hl7.org/fhir/sid/icd-10-cm";
export const US_NPI = "http://hl7.org/fhir/sid/us-npi";
export const V2_IDENTIFIER_TYPE = "http://terminology.hl7.org/CodeSystem/v2-0203";
export const OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
export const CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";
export const CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
export const CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
