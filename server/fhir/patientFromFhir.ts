/**
 * A FHIR R4 Patient from another system, read into Acuback's patient fields:
 * the inverse of patientResource (./demographicResources.ts), so a Patient
 * Acuback exported reads back to the same record. The fields are then checked
 * by the same schema as /api/v1 (patientFieldsInput), and each problem is
 * named by its FHIR path ("Patient.birthDate"), as a FHIR client knows it.
 */
import type { Patient as FhirPatient } from "@medplum/fhirtypes";
import type { z } from "zod";
import { patientFieldsInput } from "../http/schemas.ts";
import type { PatientInput } from "../services/patients.ts";
import { V2_IDENTIFIER_TYPE } from "./codeSystems.ts";

/** Where each of Acuback's fields comes from in a FHIR Patient, to name a problem where the sender can find it. */
const FHIR_PATH: Record<keyof z.input<typeof patientFieldsInput>, string> = {
  recordNumber: "Patient.identifier",
  givenName: "Patient.name.given",
  familyName: "Patient.name.family",
  birthDate: "Patient.birthDate",
  sex: "Patient.gender",
  phone: "Patient.telecom",
  email: "Patient.telecom",
  addressLine: "Patient.address.line",
  city: "Patient.address.city",
  region: "Patient.address.state",
  postalCode: "Patient.address.postalCode",
};

/**
 * The record number a Patient carries: its identifier in this clinic's
 * record-number system, else one typed as a medical record number (v2-0203
 * MR) from the system it came from, so an EHR's numbers survive the move.
 */
function recordNumberOf(patient: FhirPatient, ownSystem: string): string | null {
  const identifiers = patient.identifier ?? [];
  const own = identifiers.find((i) => i.system === ownSystem);
  const mr = identifiers.find((i) => i.type?.coding?.some((c) => c.system === V2_IDENTIFIER_TYPE && c.code === "MR"));
  return (own ?? mr)?.value ?? null;
}

/** The name in use: the official one, else the first that has a family name, else the first. */
function nameOf(patient: FhirPatient) {
  const names = patient.name ?? [];
  return names.find((n) => n.use === "official") ?? names.find((n) => n.family) ?? names[0];
}

/**
 * The FHIR element an Acuback patient field comes from, to name a problem the services found ("recordNumber" → "Patient.identifier").
 * A key that is already a FHIR path (from reading the resource) is kept; none at all is the whole Patient.
 */
export const fhirPathOfField = (field: string): string => FHIR_PATH[field as keyof typeof FHIR_PATH] ?? (field || "Patient");

export type PatientReading = { ok: true; input: PatientInput } | { ok: false; problems: Record<string, string> };

export function patientFromFhir(resource: unknown, ownRecordNumberSystem: string): PatientReading {
  if (typeof resource !== "object" || resource === null || (resource as { resourceType?: unknown }).resourceType !== "Patient") {
    return { ok: false, problems: { "Bundle.entry.resource": "Only Patient resources are imported." } };
  }
  const patient = resource as FhirPatient;
  const name = nameOf(patient);
  const telecom = patient.telecom ?? [];
  const address = patient.address?.find((a) => a.use !== "old") ?? patient.address?.[0];
  const candidate = {
    recordNumber: recordNumberOf(patient, ownRecordNumberSystem),
    // Acuback keeps one given name; further given names (middle names) travel in it, space-separated.
    givenName: (name?.given ?? []).join(" "),
    familyName: name?.family ?? "",
    birthDate: patient.birthDate,
    // AdministrativeGender's four codes are Acuback's sexes (domain/patients/patient.ts); none given is "unknown".
    sex: patient.gender ?? "unknown",
    phone: telecom.find((t) => t.system === "phone")?.value ?? null,
    email: telecom.find((t) => t.system === "email")?.value ?? null,
    addressLine: address?.line?.join(", ") ?? null,
    city: address?.city ?? null,
    region: address?.state ?? null,
    postalCode: address?.postalCode ?? null,
  };
  const parsed = patientFieldsInput.safeParse(candidate);
  if (parsed.success) return { ok: true, input: parsed.data };
  const problems: Record<string, string> = {};
  // The messages are the plain words /api/v1 gives (server/http/problem.ts sets them for every schema).
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "");
    problems[fhirPathOfField(field)] ??= issue.message;
  }
  return { ok: false, problems };
}
