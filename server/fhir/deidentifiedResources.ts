/**
 * One patient's FHIR resources de-identified by HIPAA Safe Harbor
 * (domain/deidentification/safeHarbor.ts), the same rules as the CSV research
 * export (server/services/researchExport.ts), for `$export?deidentified=true`:
 *
 * - ids are codes made for this export only: the patient's is random, its
 *   episodes are `{patient}-E{n}` in order of intake, visits
 *   `{episode}-V{n}` and observations `{patient}-O{n}` in date order, so
 *   references agree across the files of one export and with no other export;
 * - no name, telecom, identifier, birth date, address line, city, meta,
 *   performer, note or other free text: every resource is built anew from
 *   a short list of kept elements, never copied and scrubbed;
 * - FHIR dates cannot hold a day count, so each date is dropped and given as
 *   an extension: days since the episode's intake (`days-since-intake`, with
 *   `intake-episode` naming the episode), the onset as `onset-day`; the age
 *   at the first intake (90+ over 89) and the ZIP's first three digits (000
 *   for small areas) are extensions too, beside the state;
 * - entries in error, patients not active (merged, registered in error), and
 *   observations or visits of a patient with no episode (no intake to count
 *   from) are left out, as in the CSV.
 *
 * Only the types with a rule here are exported de-identified: a type added to
 * CLINICAL_TYPES joins the identified export at once, and this one only when
 * someone writes its rule (fail closed).
 */
import type { Condition, Extension, Observation, Patient, Procedure, Resource } from "@medplum/fhirtypes";
import { dayOf, safeHarborAge, zip3 } from "../../domain/deidentification/safeHarbor.ts";
import { isCalendarDate, type CalendarDate } from "../../domain/shared/calendarDate.ts";
import {
  ACUBACK_ESTIM_EXTENSION,
  ACUBACK_FHIR_BASE,
  ACUBACK_MME_EXTENSION,
  ACUBACK_NEEDLES_IN_EXTENSION,
  ACUBACK_NEEDLES_OUT_EXTENSION,
} from "./codeSystems.ts";

export const DEIDENTIFIED_TYPES = ["Patient", "Condition", "Observation", "Procedure"] as const;
export type DeidentifiedType = (typeof DEIDENTIFIED_TYPES)[number];

export const ACUBACK_DAYS_SINCE_INTAKE = `${ACUBACK_FHIR_BASE}/StructureDefinition/days-since-intake`;
export const ACUBACK_INTAKE_EPISODE = `${ACUBACK_FHIR_BASE}/StructureDefinition/intake-episode`;
export const ACUBACK_ONSET_DAY = `${ACUBACK_FHIR_BASE}/StructureDefinition/onset-day`;
export const ACUBACK_AGE_AT_FIRST_INTAKE = `${ACUBACK_FHIR_BASE}/StructureDefinition/age-at-first-intake`;
export const ACUBACK_ZIP3 = `${ACUBACK_FHIR_BASE}/StructureDefinition/zip3`;

/** The extensions a visit keeps: counts and the generated e-stim summary, never free text. */
const KEPT_PROCEDURE_EXTENSIONS = new Set([ACUBACK_NEEDLES_IN_EXTENSION, ACUBACK_NEEDLES_OUT_EXTENSION, ACUBACK_ESTIM_EXTENSION, ACUBACK_MME_EXTENSION]);

type PatientReference = { reference: `Patient/${string}` };

interface Episode {
  code: string;
  id: string;
  intake: CalendarDate;
}

const dayPart = (value: string | undefined): CalendarDate | null => {
  const day = value?.slice(0, 10) ?? "";
  return isCalendarDate(day) ? day : null;
};
const codingOnly = (concept: { coding?: { system?: string; code?: string; display?: string }[] } | undefined) =>
  (concept?.coding ?? []).map((c) => ({ ...(c.system && { system: c.system }), ...(c.code && { code: c.code }), ...(c.display && { display: c.display }) }));
const inError = (resource: Resource) =>
  (resource as { status?: string }).status === "entered-in-error" ||
  (resource.resourceType === "Condition" && resource.verificationStatus?.coding?.some((c) => c.code === "entered-in-error"));

/** The episode in course on a day: the latest whose intake is on or before it, else the first (as researchExport.ts). */
function episodeOn(episodes: readonly Episode[], day: CalendarDate): Episode {
  return episodes.filter((e) => e.intake <= day).at(-1) ?? episodes[0]!;
}

function when(episode: Episode, day: CalendarDate): Extension[] {
  return [
    { url: ACUBACK_DAYS_SINCE_INTAKE, valueInteger: dayOf(episode.intake, day) },
    { url: ACUBACK_INTAKE_EPISODE, valueReference: { reference: `Condition/${episode.code}` } },
  ];
}

function deidentifiedPatient(code: string, patient: Patient, episodes: readonly Episode[]): Patient {
  const birthDate = dayPart(patient.birthDate);
  const address = patient.address?.[0];
  const zip = zip3(address?.postalCode ?? null);
  const state = /^[A-Z]{2}$/.test(address?.state ?? "") ? address!.state : undefined;
  return {
    resourceType: "Patient",
    id: code,
    ...(birthDate && episodes[0] && { extension: [{ url: ACUBACK_AGE_AT_FIRST_INTAKE, valueString: safeHarborAge(birthDate, episodes[0].intake) }] }),
    ...(patient.gender && { gender: patient.gender }),
    ...((zip || state) && { address: [{ ...(zip && { extension: [{ url: ACUBACK_ZIP3, valueString: zip }] }), ...(state && { state }), country: "US" }] }),
  };
}

function deidentifiedCondition(patientRef: PatientReference, condition: Condition, episode: Episode): Condition {
  const onset = dayPart(condition.onsetDateTime);
  const coding = codingOnly(condition.code);
  return {
    resourceType: "Condition",
    id: episode.code,
    ...(onset && { extension: [{ url: ACUBACK_ONSET_DAY, valueInteger: dayOf(episode.intake, onset) }] }),
    ...(condition.clinicalStatus && { clinicalStatus: { coding: codingOnly(condition.clinicalStatus) } }),
    ...(condition.verificationStatus && { verificationStatus: { coding: codingOnly(condition.verificationStatus) } }),
    ...(condition.category && { category: condition.category.map((c) => ({ coding: codingOnly(c) })) }),
    code: coding.length > 0 ? { coding } : { text: "Low back pain episode" },
    subject: patientRef,
  };
}

function deidentifiedObservation(id: string, patientRef: PatientReference, observation: Observation, episode: Episode, day: CalendarDate): Observation {
  return {
    resourceType: "Observation",
    id,
    extension: when(episode, day),
    status: observation.status,
    ...(observation.category && { category: observation.category.map((c) => ({ coding: codingOnly(c) })) }),
    code: { coding: codingOnly(observation.code) },
    subject: patientRef,
    ...(observation.valueInteger !== undefined && { valueInteger: observation.valueInteger }),
    ...(observation.valueQuantity && {
      valueQuantity: { value: observation.valueQuantity.value, ...(observation.valueQuantity.unit && { unit: observation.valueQuantity.unit }) },
    }),
    // A band is the instrument's own wording for a score range (e.g. "moderate disability"), not a person's.
    ...(observation.interpretation && { interpretation: observation.interpretation.map((i) => ({ ...(i.text && { text: i.text }) })) }),
    ...(observation.component && {
      component: observation.component.map((c) => ({ code: { coding: codingOnly(c.code) }, ...(c.valueQuantity && { valueQuantity: { value: c.valueQuantity.value } }) })),
    }),
  };
}

function deidentifiedProcedure(id: string, patientRef: PatientReference, procedure: Procedure, episode: Episode, day: CalendarDate): Procedure {
  const kept = (procedure.extension ?? []).filter((e) => KEPT_PROCEDURE_EXTENSIONS.has(e.url));
  return {
    resourceType: "Procedure",
    id,
    extension: [...kept, ...when(episode, day)],
    status: procedure.status,
    code: { coding: codingOnly(procedure.code) },
    subject: patientRef,
    reasonReference: [{ reference: `Condition/${episode.code}` }],
    // A site's text is made from its coded point or region and side (siteLabel), never typed.
    ...(procedure.bodySite && { bodySite: procedure.bodySite.map((s) => ({ ...(s.coding && { coding: codingOnly(s) }), ...(s.text && { text: s.text }) })) }),
  };
}

/**
 * A patient's de-identified resources, given its code and its identified
 * resources by type (Condition always among them, for the intakes). Empty for
 * a patient who is not active.
 */
export function deidentifyPatient(code: string, patient: Patient, records: Partial<Record<string, Resource[]>>): Resource[] {
  if (patient.active === false) return [];
  const conditions = ((records.Condition ?? []) as Condition[]).filter((c) => !inError(c) && dayPart(c.recordedDate));
  const sorted = [...conditions].sort((a, b) => (a.recordedDate! < b.recordedDate! ? -1 : a.recordedDate! > b.recordedDate! ? 1 : 0));
  const episodes: Episode[] = sorted.map((c, i) => ({ code: `${code}-E${i + 1}`, id: c.id!, intake: dayPart(c.recordedDate)! }));
  const patientRef: PatientReference = { reference: `Patient/${code}` };
  const out: Resource[] = [deidentifiedPatient(code, patient, episodes)];
  if (episodes.length === 0) return out;
  sorted.forEach((condition, i) => out.push(deidentifiedCondition(patientRef, condition, episodes[i]!)));

  const dated = <T extends Resource>(list: T[] | undefined, dateOf: (r: T) => string | undefined) =>
    (list ?? [])
      .filter((r) => !inError(r))
      .map((r) => ({ resource: r, day: dayPart(dateOf(r)) }))
      .filter((r): r is { resource: T; day: CalendarDate } => r.day !== null)
      .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : (a.resource.id ?? "") < (b.resource.id ?? "") ? -1 : 1));

  dated(records.Observation as Observation[] | undefined, (o) => o.effectiveDateTime).forEach(({ resource, day }, i) =>
    out.push(deidentifiedObservation(`${code}-O${i + 1}`, patientRef, resource, episodeOn(episodes, day), day)),
  );
  const visitsIn = new Map<string, number>();
  for (const { resource, day } of dated(records.Procedure as Procedure[] | undefined, (p) => p.performedDateTime)) {
    const reason = resource.reasonReference?.[0]?.reference?.replace(/^Condition\//, "");
    const episode = episodes.find((e) => e.id === reason) ?? episodeOn(episodes, day);
    const n = (visitsIn.get(episode.code) ?? 0) + 1;
    visitsIn.set(episode.code, n);
    out.push(deidentifiedProcedure(`${episode.code}-V${n}`, patientRef, resource, episode, day));
  }
  return out;
}
