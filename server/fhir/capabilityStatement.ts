/**
 * GET /fhir/R4/metadata: exactly what this server answers, built from the
 * same tables the handlers use (SUPPORTED_TYPES, SEARCH_PARAMETERS), so the
 * statement cannot promise a search the code does not do.
 */
import type { CapabilityStatement } from "@medplum/fhirtypes";
import { SEARCH_PARAMETERS, SUPPORTED_TYPES, type SupportedType } from "./fhirApi.ts";
import { VERSIONED_TYPES } from "./fhirHistory.ts";

/** FHIR Bulk Data Access IG 2.0.0's operations (hl7.org/fhir/uv/bulkdata/OperationDefinition-export.html, -patient-export.html). */
const BULK_EXPORT = "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export";
const BULK_PATIENT_EXPORT = "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/patient-export";

const PARAMETER_TYPES: Record<string, "token" | "date" | "reference" | "uri"> = {
  _id: "token",
  _lastUpdated: "date",
  active: "token",
  patient: "reference",
  subject: "reference",
  date: "date",
  authored: "date",
  created: "date",
  code: "token",
  url: "uri",
  status: "token",
};

function resourceCapability(type: SupportedType) {
  const versioned = (VERSIONED_TYPES as readonly string[]).includes(type);
  return {
    type,
    // Signed visits keep every version (their amendments); Patient states its record's version; the rest carry none.
    versioning: versioned || type === "Patient" ? ("versioned" as const) : ("no-version" as const),
    readHistory: versioned,
    interaction: [
      { code: "read" as const },
      ...(versioned ? [{ code: "vread" as const }, { code: "history-instance" as const }] : []),
      { code: "search-type" as const },
      // Patients are written only inside a batch or transaction Bundle (server/fhir/patientImport.ts).
      ...(type === "Patient" ? [{ code: "create" as const }, { code: "update" as const }] : []),
    ],
    searchParam: SEARCH_PARAMETERS[type].map((name) => ({ name, type: PARAMETER_TYPES[name]! })),
    ...(type === "Patient" && {
      operation: [
        { name: "everything", definition: "http://hl7.org/fhir/OperationDefinition/Patient-everything" },
        { name: "export", definition: BULK_PATIENT_EXPORT },
      ],
    }),
  };
}

export function capabilityStatement(version: string, date: string): CapabilityStatement {
  return {
    resourceType: "CapabilityStatement",
    status: "active",
    date,
    publisher: "Acuback",
    kind: "instance",
    software: { name: "Acuback", version },
    implementation: { description: "Acuback: acupuncture care for back pain. FHIR R4 access to one clinic's records: read and search, and Patients imported in batch or transaction Bundles." },
    fhirVersion: "4.0.1",
    format: ["application/fhir+json", "json"],
    rest: [
      {
        mode: "server",
        security: {
          description:
            "Signed-in staff of one clinic (session cookie) or an API token an owner created (Authorization: Bearer). Every read and write of patient data is audited; no request reaches another clinic. $export is asynchronous (Prefer: respond-async) and its files need the same access.",
        },
        interaction: [{ code: "batch" as const }, { code: "transaction" as const }],
        resource: SUPPORTED_TYPES.map(resourceCapability),
        operation: [{ name: "export", definition: BULK_EXPORT }],
      },
    ],
  };
}
