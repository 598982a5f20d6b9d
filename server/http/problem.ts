/**
 * Every error leaves the server as application/problem+json (RFC 9457) with a
 * stable `code` from server/errors.ts. Validation errors list each bad field.
 * Under /fhir/R4 the same error goes out as a FHIR OperationOutcome.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { z } from "zod";
import { ERRORS, type ErrorCode, type Failure } from "../errors.ts";
import { FHIR_JSON, isFhirUrl, operationOutcome } from "../fhir/operationOutcome.ts";

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string().optional(),
  fields: z.record(z.string(), z.string()).optional(),
});
export type Problem = z.infer<typeof problemSchema>;

export function problem(code: ErrorCode, detail?: string, fields?: Record<string, string>): Problem {
  const { status, title } = ERRORS[code];
  return {
    type: `https://acuback.org/problems/${code.toLowerCase().replace(/_/g, "-")}`,
    title,
    status,
    code,
    ...(detail !== undefined && { detail }),
    ...(fields !== undefined && { fields }),
  };
}

export function sendProblem(reply: FastifyReply, code: ErrorCode, detail?: string, fields?: Record<string, string>) {
  if (isFhirUrl(reply.request.url)) {
    return reply.code(ERRORS[code].status).type(FHIR_JSON).serializer(JSON.stringify).send(operationOutcome(code, detail, fields));
  }
  const body = problem(code, detail, fields);
  return reply.code(body.status).type("application/problem+json").serializer(JSON.stringify).send(body);
}

export function sendFailure(reply: FastifyReply, failure: Failure) {
  return sendProblem(reply, failure.code, failure.detail, failure.fields);
}

/** Maps every thrown error to a problem; logs server faults without their message (it may quote data). */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields: Record<string, string> = {};
      for (const issue of error.validation) {
        fields[fieldName(issue.instancePath, error.validationContext)] ??= issue.message ?? "Invalid value.";
      }
      return sendProblem(reply, "VALIDATION_FAILED", `Check ${Object.keys(fields).join(", ")}.`, fields);
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
