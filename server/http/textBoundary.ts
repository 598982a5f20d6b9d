/**
 * One rule for every text that arrives (body, query, path): no NUL character
 * and no unpaired UTF-16 surrogate. PostgreSQL cannot store a NUL in text and
 * fails with a 500; a lone surrogate (half of an emoji, from a broken client
 * or a probe) is stored and then breaks every export and FHIR reader that
 * meets it. Refused before any handler runs, with the field named, so nothing
 * is written.
 *
 * Also refused here: JSON nested deeper than any form or FHIR resource goes
 * (MAX_NESTING). Walking 10,000 levels overflowed the stack and answered 500
 * (found by routeSecurity.test.ts); the depth is measured without recursion.
 */
import type { FastifyInstance } from "fastify";
import { problemsInWords } from "../../domain/plausibility/fieldLabels.ts";
import { sendProblem } from "./problem.ts";

export const BAD_CHARACTER = "This text has a character that cannot be stored (a NUL, or half of an emoji); remove it and try again.";

/** A high surrogate not followed by a low one, or a low one not after a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const storable = (text: string) => !text.includes("\u0000") && !LONE_SURROGATE.test(text);

/** Deeper than a FHIR Questionnaire's nested items or any chart ever go (they stay under 20 levels). */
export const MAX_NESTING = 100;
export const TOO_DEEP = `This is nested more than ${MAX_NESTING} levels deep; no form of Acuback sends that.`;

/** Whether plain JSON nests deeper than `limit` arrays or objects, found with a queue rather than recursion. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [item, depth] = pending.pop()!;
    if (item === null || typeof item !== "object" || Buffer.isBuffer(item) || typeof (item as { pipe?: unknown }).pipe === "function") continue;
    if (depth >= limit) return true;
    for (const child of Object.values(item as Record<string, unknown>)) pending.push([child, depth + 1]);
  }
  return false;
}

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
    if (nestsDeeperThan(request.body, MAX_NESTING)) {
      const fields = { "(body)": TOO_DEEP };
      return sendProblem(reply, "VALIDATION_FAILED", TOO_DEEP, fields);
    }
    const field = unstorableField(request.params) ?? unstorableField(request.query) ?? unstorableField(request.body);
    if (field) {
      const fields = { [field]: BAD_CHARACTER };
      return sendProblem(reply, "VALIDATION_FAILED", problemsInWords(fields), fields);
    }
  });
}
