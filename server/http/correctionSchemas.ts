/**
 * The one request and response shape for correcting an entry (pain score,
 * questionnaire response, medication, episode): `{ action: "correction",
 * reason, values }` with the entry's whole new values, checked by the same
 * schema as a new entry, or `{ action: "entered-in-error", reason }`.
 */
import { z } from "zod";
import { REASON_MAX_LENGTH } from "../../domain/shared/correction.ts";

export const correctionReason = z
  .string("Say why the entry is being changed.")
  .trim()
  .min(1, "Say why the entry is being changed.")
  .max(REASON_MAX_LENGTH);

export function correctionBody<V extends z.ZodType>(values: V) {
  return z.discriminatedUnion("action", [
    z.object({ action: z.literal("correction"), reason: correctionReason, values }),
    z.object({ action: z.literal("entered-in-error"), reason: correctionReason }),
  ]);
}

export const revisedSchema = z.object({
  revisionId: z.string(),
  recordId: z.string(),
  patientId: z.string(),
  action: z.enum(["correction", "entered-in-error", "stopped"]),
  fields: z.array(z.string()),
  /** Things the user should know after the change (e.g. a safety flag that may no longer agree). */
  notices: z.array(z.string()).optional(),
});

export const revisionSchema = z.object({
  id: z.string(),
  recordId: z.string(),
  action: z.enum(["correction", "entered-in-error", "stopped"]),
  reason: z.string().nullable(),
  before: z.record(z.string(), z.unknown()),
  after: z.record(z.string(), z.unknown()),
  authorName: z.string().nullable(),
  at: z.string(),
});


