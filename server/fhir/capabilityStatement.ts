/**
 * GET /fhir/R4/metadata: exactly what this server answers, built from the
 * same tables the handlers use (SUPPORTED_TYPES, SEARCH_PARAMETERS), so the
 * statement cannot promise a search the code does not do.
 */
import type { CapabilityStatement } from "@medplum/fhirtypes";
import { SEARCH_PARAMETERS, SUPPORTED_TYPES } from "./fhirApi.ts";

/** FHIR Bulk Data Access IG 2.0.0's operations (hl7.org/fhir/uv/bulkdata/OperationDefinition-export.html, -patient-export.html). */
const BULK_EXPORT = "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export";
const BULK_PATIENT_EXPORT = "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/patient-export";

const PARAMETER_TYPES: Record<string, "token" | "date" | "reference"> = {
  _id: "token",
  _lastUpdated: "date",
  active: "token",
  patient: "reference",
  subject: "reference",
  date: "date",
  code: "token",
  status: "token",
};

export function capabilityStatement(version: string, date: string): CapabilityStatement {
  return {
    resourceType: "CapabilityStatement",
    status: "active",
    date,
    publisher: "Acuback",
    kind: "instance",
    software: { name: "Acuback", version },
    implementation: { description: "Acuback: acupuncture care for back pain. Read-only FHIR R4 access to one clinic's records." },
    fhirVersion: "4.0.1",
    format: ["application/fhir+json", "json"],
    rest: [
      {
        mode: "server",
        security: {
          description:
            "Signed-in staff of one clinic (session cookie) or an API token of the clinic (Authorization: Bearer). Every read of patient data is audited; no request reaches another clinic. $export is asynchronous (Prefer: respond-async) and its files need the same access.",
        },
        resource: SUPPORTED_TYPES.map((type) => ({
          type,
          interaction: [{ code: "read" as const }, { code: "search-type" as const }],
          searchParam: SEARCH_PARAMETERS[type].map((name) => ({ name, type: PARAMETER_TYPES[name]! })),
          ...(type === "Patient" && {
            operation: [
              { name: "everything", definition: "http://hl7.org/fhir/OperationDefinition/Patient-everything" },
              { name: "export", definition: BULK_PATIENT_EXPORT },
            ],
          }),
        })),
        operation: [{ name: "export", definition: BULK_EXPORT }],
      },
    ],
  };
}
