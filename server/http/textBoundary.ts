/**
 * One rule for every text that arrives (body, query, path): no NUL character
 * and no unpaired UTF-16 surrogate. PostgreSQL cannot store a NUL in text and
 * fails with a 500; a lone surrogate (half of an emoji, from a broken client
 * or a probe) is stored and then breaks every export and FHIR reader that
 * meets it. Refused before any handler runs, with the field named, so nothing
 * is written.
 */
import type { FastifyInstance } from "fastify";
import { problemsInWords } from "../../domain/plausibility/fieldLabels.ts";
import { sendProblem } from "./problem.ts";

export const BAD_CHARACTER = "This text has a character that cannot be stored (a NUL, or half of an emoji); remove it and try again.";

/** A high surrogate not followed by a low one, or a low one not after a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const storable = (text: string) => !text.includes("\u0000") && !LONE_SURROGATE.test(text);

/** The first field (as a dotted path) whose text cannot be stored, or null. Walks plain JSON only. */
export function unstorableField(value: unknown, path: string[] = []): string | null {
  if (typeof value === "string") return storable(value) ? null : path.join(".") || "(text)";
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = unstorableField(item, [...path, String(i)]);
      if (found) return found;
    }
    return null;
  }
  // Parsed JSON and query strings; a streamed upload's body (a stream) and raw bytes are not walked.
  const walkable = value !== null && typeof value === "object" && !Buffer.isBuffer(value) && typeof (value as { pipe?: unknown }).pipe !== "function";
  if (walkable) {
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      if (!storable(key)) return [...path, "(name)"].join(".");
      const found = unstorableField(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

export function installTextBoundary(app: FastifyInstance): void {
  app.addHook("preValidation", async (request, reply) => {
    const field = unstorableField(request.params) ?? unstorableField(request.query) ?? unstorableField(request.body);
    if (field) {
      const fields = { [field]: BAD_CHARACTER };
      return sendProblem(reply, "VALIDATION_FAILED", problemsInWords(fields), fields);
    }
  });
}
