/**
 * A FHIR Bulk Data `$export` kick-off request (Bulk Data Access IG 2.0.0,
 * hl7.org/fhir/uv/bulkdata/export.html), read and checked before anything
 * starts: `Prefer: respond-async` is required, `Accept` must allow FHIR JSON
 * (for the OperationOutcome), `_outputFormat` must be NDJSON, `_type` names
 * only types this server exports at that level, `_since` is a FHIR instant.
 * Any other parameter is refused, unless the client sent
 * `Prefer: handling=lenient`, so no one mistakes an ignored filter for an
 * applied one (as FHIR search does here, fhirApi.ts).
 */
import { fail, ok, type Outcome } from "../errors.ts";
import { DEIDENTIFIED_TYPES } from "./deidentifiedResources.ts";
import { SUPPORTED_TYPES, type SupportedType } from "./fhirApi.ts";
import { CLINICAL_TYPES } from "./patientRecords.ts";

/** system: `/fhir/R4/$export` (the caller's clinic); patient: `/fhir/R4/Patient/$export` (its patients' compartments). */
export type ExportLevel = "system" | "patient";

export interface ExportRequest {
  level: ExportLevel;
  types: SupportedType[];
  /** Only resources whose meta.lastUpdated is at or after this instant (ms since the epoch). */
  since: number | null;
  /** Safe Harbor de-identified (deidentifiedResources.ts): owners only. */
  deidentified: boolean;
}

/** The types each level exports: the Patient level is the patient compartment, so the clinic and its staff are left out. */
export function exportableTypes(level: ExportLevel, deidentified: boolean): SupportedType[] {
  const types: readonly SupportedType[] = level === "system" ? SUPPORTED_TYPES : ["Patient", ...CLINICAL_TYPES];
  return deidentified ? types.filter((t) => (DEIDENTIFIED_TYPES as readonly string[]).includes(t)) : [...types];
}

const NDJSON_FORMATS = ["application/fhir+ndjson", "application/ndjson", "ndjson"];
/** A FHIR instant: a full date and time with seconds and a time zone (hl7.org/fhir/R4/datatypes.html#instant). */
const INSTANT = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d{1,9})?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))$/;
const KNOWN = new Set(["_type", "_since", "_outputFormat", "deidentified"]);

type Query = Record<string, string | string[] | undefined>;
const listOf = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

function preferences(header: string | string[] | undefined): string[] {
  return listOf(header).flatMap((h) => h.split(",")).map((p) => p.trim().toLowerCase().replace(/\s+/g, ""));
}

function acceptsFhirJson(header: string | undefined): boolean {
  if (!header) return true; // the IG lets a server treat a missing Accept as application/fhir+json
  return header.split(",").some((part) => ["application/fhir+json", "application/json", "*/*", "application/*"].includes(part.split(";")[0]!.trim().toLowerCase()));
}

export function readExportRequest(level: ExportLevel, headers: { prefer?: string | string[] | undefined; accept?: string | undefined }, query: Query): Outcome<ExportRequest> {
  const prefer = preferences(headers.prefer);
  if (!prefer.includes("respond-async")) {
    return fail("FHIR_EXPORT_INVALID", "A bulk export runs in the background: send the header Prefer: respond-async.");
  }
  if (!acceptsFhirJson(headers.accept)) {
    return fail("FHIR_EXPORT_INVALID", `Accept: ${headers.accept} is not offered; the kick-off answers in application/fhir+json.`);
  }
  const lenient = prefer.includes("handling=lenient");
  const unknown = Object.keys(query).filter((name) => !KNOWN.has(name) && query[name] !== undefined);
  if (unknown.length > 0 && !lenient) {
    return fail(
      "FHIR_EXPORT_INVALID",
      `Acuback's $export does not support ${unknown.join(", ")}; it supports _type, _since, _outputFormat and deidentified (or send Prefer: handling=lenient to have others ignored).`,
    );
  }
  for (const format of listOf(query._outputFormat)) {
    if (!NDJSON_FORMATS.includes(format)) return fail("FHIR_EXPORT_INVALID", `_outputFormat=${format} is not offered; files are application/fhir+ndjson.`);
  }
  const deidentifiedValues = listOf(query.deidentified);
  if (deidentifiedValues.some((v) => v !== "true" && v !== "false")) return fail("FHIR_EXPORT_INVALID", "deidentified is true or false.");
  const deidentified = deidentifiedValues.includes("true");

  const allowed = exportableTypes(level, deidentified);
  let types = allowed;
  const asked = listOf(query._type).flatMap((list) => list.split(",")).map((t) => t.trim()).filter(Boolean);
  if (asked.length > 0) {
    const refused = asked.filter((t) => !(allowed as string[]).includes(t));
    if (refused.length > 0) {
      const where = deidentified ? "in a de-identified export" : level === "patient" ? "at the Patient level" : "here";
      return fail("FHIR_EXPORT_INVALID", `_type ${refused.join(", ")} cannot be exported ${where}; the types are ${allowed.join(", ")}.`);
    }
    types = allowed.filter((t) => asked.includes(t));
  }

  const sinceValues = listOf(query._since);
  if (sinceValues.length > 1) return fail("FHIR_EXPORT_INVALID", "_since is given once.");
  let since: number | null = null;
  if (sinceValues.length === 1) {
    // A "+" in an unencoded query string arrives as a space: read it as the offset it was.
    const raw = sinceValues[0]!.replace(" ", "+");
    const parsed = INSTANT.test(raw) ? Date.parse(raw) : Number.NaN;
    if (Number.isNaN(parsed)) return fail("FHIR_EXPORT_INVALID", `_since=${raw} is not a FHIR instant (e.g. 2026-03-01T00:00:00Z).`);
    since = parsed;
  }
  return ok({ level, types, since, deidentified });
}
