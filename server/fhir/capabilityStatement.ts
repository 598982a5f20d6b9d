/**
 * GET /fhir/R4/metadata: exactly what this server answers, built from the
 * same tables the handlers use (SUPPORTED_TYPES, SEARCH_PARAMETERS), so the
 * statement cannot promise a search the code does not do.
 */
import type { CapabilityStatement } from "@medplum/fhirtypes";
import { SEARCH_PARAMETERS, SUPPORTED_TYPES } from "./fhirApi.ts";

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
    implementation: { description: "Acuback: acupuncture care for back pain. FHIR R4 access to one clinic's records: read and search, and Patients imported in batch or transaction Bundles." },
    fhirVersion: "4.0.1",
    format: ["application/fhir+json", "json"],
    rest: [
      {
        mode: "server",
        security: { description: "Signed-in staff of one clinic (session cookie) or an API token an owner created (Authorization: Bearer). Every read and write of patient data is audited; no request reaches another clinic." },
        interaction: [{ code: "batch" as const }, { code: "transaction" as const }],
        resource: SUPPORTED_TYPES.map((type) => ({
          type,
          interaction: [
            { code: "read" as const },
            { code: "search-type" as const },
            // Patients are written only inside a batch or transaction Bundle (server/fhir/patientImport.ts).
            ...(type === "Patient" ? [{ code: "create" as const }, { code: "update" as const }] : []),
          ],
          searchParam: SEARCH_PARAMETERS[type].map((name) => ({ name, type: PARAMETER_TYPES[name]! })),
          ...(type === "Patient" && {
            operation: [{ name: "everything", definition: "http://hl7.org/fhir/OperationDefinition/Patient-everything" }],
          }),
        })),
      },
    ],
  };
}
