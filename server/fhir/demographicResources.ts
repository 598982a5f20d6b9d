/**
 * The clinic, its staff and its patients as FHIR R4 Organization,
 * Practitioner and Patient. Pure mappings: the caller has loaded (and
 * audited) the records.
 */
import type { Organization, Patient as FhirPatient, Practitioner } from "@medplum/fhirtypes";
import type { Patient } from "../../domain/patients/patient.ts";
import type { ClinicBilling, ProviderBilling } from "../db/repositories/billingDetails.ts";
import type { User } from "../db/repositories/users.ts";
import { recordNumberSystem, US_NPI, V2_IDENTIFIER_TYPE } from "./codeSystems.ts";

export const reference = (type: string, id: string) => ({ reference: `${type}/${id}` });

function address(parts: { addressLine: string | null; city: string | null; region: string | null; postalCode: string | null }) {
  if (!parts.addressLine && !parts.city && !parts.region && !parts.postalCode) return undefined;
  return [
    {
      ...(parts.addressLine && { line: [parts.addressLine] }),
      ...(parts.city && { city: parts.city }),
      ...(parts.region && { state: parts.region }),
      ...(parts.postalCode && { postalCode: parts.postalCode }),
      country: "US",
    },
  ];
}

export function organizationResource(clinicId: string, clinic: ClinicBilling): Organization {
  const addressed = address(clinic);
  return {
    resourceType: "Organization",
    id: clinicId,
    active: true,
    name: clinic.name,
    ...(clinic.npi && { identifier: [{ system: US_NPI, value: clinic.npi }] }),
    ...(clinic.phone && { telecom: [{ system: "phone", value: clinic.phone, use: "work" }] }),
    ...(addressed && { address: addressed }),
  };
}

export function practitionerResource(user: User, billing: ProviderBilling | undefined): Practitioner {
  return {
    resourceType: "Practitioner",
    id: user.id,
    meta: { lastUpdated: user.createdAt },
    active: user.active,
    name: [{ text: user.displayName }],
    ...(billing?.npi && { identifier: [{ system: US_NPI, value: billing.npi }] }),
    ...(billing?.credential && { qualification: [{ code: { text: billing.credential } }] }),
  };
}

/**
 * A merged record is inactive and points at the record that replaced it
 * (Patient.link type replaced-by, hl7.org/fhir/R4/patient.html); a record
 * registered in error is inactive with no link.
 */
export function patientResource(patient: Patient): FhirPatient {
  const telecom = [
    ...(patient.phone ? [{ system: "phone" as const, value: patient.phone }] : []),
    ...(patient.email ? [{ system: "email" as const, value: patient.email }] : []),
  ];
  const addressed = address(patient);
  return {
    resourceType: "Patient",
    id: patient.id,
    meta: { versionId: String(patient.version), lastUpdated: patient.updatedAt },
    identifier: [
      {
        use: "usual",
        type: { coding: [{ system: V2_IDENTIFIER_TYPE, code: "MR", display: "Medical record number" }] },
        system: recordNumberSystem(patient.clinicId),
        value: patient.recordNumber,
      },
    ],
    active: patient.status === "active",
    name: [{ use: "official", family: patient.familyName, given: [patient.givenName] }],
    ...(telecom.length > 0 && { telecom }),
    // Acuback's sexes are the AdministrativeGender codes (domain/patients/patient.ts), so they map one to one.
    gender: patient.sex,
    birthDate: patient.birthDate,
    ...(addressed && { address: addressed }),
    managingOrganization: reference("Organization", patient.clinicId),
    ...(patient.mergedInto && { link: [{ other: reference("Patient", patient.mergedInto), type: "replaced-by" as const }] }),
  };
}
