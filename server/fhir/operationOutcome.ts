/**
 * Errors under /fhir/R4 as FHIR OperationOutcome, from the same registry as
 * /api/v1 (server/errors.ts): the stable code travels as a coding, the title
 * as text, so a FHIR client and an /api/v1 client read the same facts.
 */
import type { OperationOutcome } from "@medplum/fhirtypes";
import { ERRORS, type ErrorCode } from "../errors.ts";
import { ACUBACK_PROBLEMS } from "./codeSystems.ts";

/** The R4 issue type (hl7.org/fhir/R4/valueset-issue-type.html) for each HTTP status we answer with. */
function issueType(status: number): NonNullable<OperationOutcome["issue"]>[number]["code"] {
  switch (status) {
    case 400:
      return "invalid";
    case 401:
      return "login";
    case 403:
      return "forbidden";
    case 404:
      return "not-found";
    case 409:
      return "conflict";
    case 410:
      return "expired";
    case 413:
      return "too-costly";
    case 415:
      return "not-supported";
    case 422:
      return "processing";
    case 429:
      return "throttled";
    default:
      return "exception";
  }
}

export function operationOutcome(code: ErrorCode, detail?: string, fields?: Record<string, string>): OperationOutcome {
  const { status, title } = ERRORS[code];
  const fieldNotes = fields ? Object.entries(fields).map(([field, note]) => `${field}: ${note}`) : [];
  return {
    resourceType: "OperationOutcome",
    issue: [
      {
        severity: status >= 500 ? "fatal" : "error",
        code: issueType(status),
        details: { coding: [{ system: ACUBACK_PROBLEMS, code }], text: title },
        ...((detail !== undefined || fieldNotes.length > 0) && { diagnostics: [detail, ...fieldNotes].filter(Boolean).join(" ") }),
        ...(fields && Object.keys(fields).length > 0 && { expression: Object.keys(fields) }),
      },
    ],
  };
}

export const FHIR_JSON = "application/fhir+json; charset=utf-8";

/** Whether a request is one of the FHIR API's, which answers in FHIR even when it fails. */
export const isFhirUrl = (url: string) => url === "/fhir/R4" || url.startsWith("/fhir/R4/") || url.startsWith("/fhir/R4?");
