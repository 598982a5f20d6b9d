/**
 * Every error leaves the server as application/problem+json (RFC 9457) with a
 * stable `code` from server/errors.ts. Validation errors list each bad field.
 * Under /fhir/R4 the same error goes out as a FHIR OperationOutcome.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { z } from "zod";
import { problemsInWords } from "../../domain/plausibility/fieldLabels.ts";
import { plainIssue, type ValidationIssue } from "../../domain/plausibility/issueWords.ts";
import { ERRORS, type ErrorCode, type Failure } from "../errors.ts";
import { FHIR_JSON, isFhirUrl, operationOutcome } from "../fhir/operationOutcome.ts";

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string().optional(),
  fields: z.record(z.string(), z.string()).optional(),
  likelyDuplicates: z.array(z.object({ id: z.string(), givenName: z.string(), familyName: z.string(), birthDate: z.string() })).optional(),
  conflicts: z.array(z.object({ kind: z.string(), message: z.string(), appointmentId: z.string().optional(), visit: z.number().optional() })).optional(),
});
export type Problem = z.infer<typeof problemSchema>;

export function problem(code: ErrorCode, detail?: string, fields?: Record<string, string>, likelyDuplicates?: Problem["likelyDuplicates"]): Problem {
  const { status, title } = ERRORS[code];
  return {
    type: `https://acuback.org/problems/${code.toLowerCase().replace(/_/g, "-")}`,
    title,
    status,
    code,
    ...(detail !== undefined && { detail }),
    ...(fields !== undefined && { fields }),
    ...(likelyDuplicates !== undefined && { likelyDuplicates }),
  };
}

export function sendProblem(reply: FastifyReply, code: ErrorCode, detail?: string, fields?: Record<string, string>, likelyDuplicates?: Problem["likelyDuplicates"]) {
  if (isFhirUrl(reply.request.url)) {
    return reply.code(ERRORS[code].status).type(FHIR_JSON).serializer(JSON.stringify).send(operationOutcome(code, detail, fields));
  }
  const body = problem(code, detail, fields, likelyDuplicates);
  return reply.code(body.status).type("application/problem+json").serializer(JSON.stringify).send(body);
}

export function sendFailure(reply: FastifyReply, failure: Failure) {
  if (failure.conflicts && !isFhirUrl(reply.request.url)) {
    const body = { ...problem(failure.code, failure.detail, failure.fields), conflicts: failure.conflicts };
    return reply.code(body.status).type("application/problem+json").serializer(JSON.stringify).send(body);
  }
  return sendProblem(reply, failure.code, failure.detail, failure.fields, failure.likelyDuplicates);
}

/**
 * Every schema problem a route's own message does not cover is said in plain
 * words that name the field (domain/plausibility/issueWords.ts), so no
 * "Too small: expected array to have >=1 items" reaches a person. A message a
 * schema gives itself still wins (zod prefers it to this global one).
 */
export function usePlainValidationWords(): void {
  z.config({ customError: (issue) => plainIssue({ ...issue, path: issue.path ?? [] } as ValidationIssue) });
}

/** Maps every thrown error to a problem; logs server faults without their message (it may quote data). */
export function installErrorHandling(app: FastifyInstance): void {
  usePlainValidationWords();
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields: Record<string, string> = {};
      for (const issue of error.validation) {
        fields[fieldName(issue.instancePath, error.validationContext)] ??= issue.message ?? "This value is not valid.";
      }
      return sendProblem(reply, "VALIDATION_FAILED", problemsInWords(fields), fields);
    }
    if (error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") return sendProblem(reply, "UNSUPPORTED_MEDIA_TYPE");
    if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE") return sendProblem(reply, "PAYLOAD_TOO_LARGE");
    if (error.statusCode === 429) return sendProblem(reply, "RATE_LIMITED");
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(reply, "BAD_REQUEST");
    }
    request.log.error({ fault: describeFault(error) }, "request failed");
    return sendProblem(reply, "INTERNAL");
  });
}

/** "/contact/phone" → "contact.phone"; an issue with the whole body or query is named after it. */
function fieldName(instancePath: string, context: string | undefined): string {
  return instancePath.replace(/^\//, "").replace(/\//g, ".") || `(${context ?? "body"})`;
}

/**
 * The error's kind and where it happened, without its message: a database
 * error's message can quote the value that failed (a name, a birth date).
 */
export function describeFault(error: Error & { code?: string }) {
  const frames = (error.stack ?? "").split("\n").slice(1, 8).map((line) => line.trim());
  return { name: error.name, code: error.code, frames };
}
