/**
 * The FHIR search parameters Acuback answers, parsed and applied to loaded
 * resources. Dates follow FHIR's prefixes (eq, ne, gt, ge, lt, le; eq when
 * none): a date compares at the precision it was given ("2026-03" matches
 * every day in March), a dateTime compares as an instant.
 * (hl7.org/fhir/R4/search.html#date)
 */
import type { Resource } from "@medplum/fhirtypes";

export type Prefix = "eq" | "ne" | "gt" | "ge" | "lt" | "le";
export interface DateFilter {
  prefix: Prefix;
  value: string;
}

const DATE_VALUE = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/;

export function parseDateFilter(raw: string): DateFilter | null {
  const match = /^(eq|ne|gt|ge|lt|le)?(.+)$/.exec(raw);
  if (!match || !DATE_VALUE.test(match[2]!)) return null;
  return { prefix: (match[1] as Prefix | undefined) ?? "eq", value: match[2]! };
}

/** Whether a resource's date (a date or a dateTime) meets the filter. */
export function dateMatches(date: string | undefined, filter: DateFilter): boolean {
  if (!date) return false;
  let order: number;
  if (filter.value.includes("T")) {
    order = Math.sign(Date.parse(date.length === 10 ? `${date}T00:00:00Z` : date) - Date.parse(filter.value));
  } else {
    const given = date.slice(0, filter.value.length);
    order = given < filter.value ? -1 : given > filter.value ? 1 : 0;
  }
  switch (filter.prefix) {
    case "eq":
      return order === 0;
    case "ne":
      return order !== 0;
    case "gt":
      return order > 0;
    case "ge":
      return order >= 0;
    case "lt":
      return order < 0;
    case "le":
      return order <= 0;
  }
}

/** The names R4 gives a type's clinical date: `date` for most, `authored` for QuestionnaireResponse, `created` for Claim. */
export const CLINICAL_DATE_PARAMETERS = ["date", "authored", "created"] as const;

/** The clinical date each type is searched by (with `date`, `authored` or `created`). */
export function clinicalDate(resource: Resource): string | undefined {
  switch (resource.resourceType) {
    case "Observation":
      return resource.effectiveDateTime;
    case "Procedure":
      return resource.performedDateTime;
    case "Condition":
      return resource.recordedDate;
    case "MedicationStatement":
      return resource.effectivePeriod?.start;
    case "QuestionnaireResponse":
      return resource.authored;
    case "Claim":
      return resource.created;
    default:
      return undefined;
  }
}

/** `patient=123`, `patient=Patient/123` or `subject=Patient/123`: the patient's id. */
export function patientIdOf(raw: string): string {
  return raw.startsWith("Patient/") ? raw.slice("Patient/".length) : raw;
}
