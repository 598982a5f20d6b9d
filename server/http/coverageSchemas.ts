/**
 * The coverage engine's public shapes at the boundary (domain/coverage/types.ts):
 * one schema for the API and the CLI, so both refuse the same bad fields by name.
 */
import { z } from "zod";
import { COVERAGE_MODALITIES, FURNISHERS, REGIONS, STATUSES } from "../../domain/coverage/types.ts";
import { calendarDate } from "./schemas.ts";

const oneOf = <T extends string>(values: readonly T[]) => z.enum(values as [T, ...T[]], `One of: ${values.join(", ")}.`);

export const visitDescriptionSchema = z.object({
  visitDate: calendarDate,
  episode: z.object({
    onsetDate: calendarDate,
    region: oneOf(REGIONS),
    systemicCause: z.boolean(),
    surgeryAssociated: z.boolean(),
    pregnancyAssociated: z.boolean(),
  }),
  priorVisits: z.array(calendarDate).max(2000),
  status: oneOf(STATUSES),
  furnishedBy: oneOf(FURNISHERS),
  modality: oneOf(COVERAGE_MODALITIES),
  musclesTreated: z.number().int().min(0).max(40).nullable(),
  increments: z.array(z.object({ minutes: z.number().int().min(0).max(15), estim: z.boolean(), reinsertion: z.boolean() })).max(32),
  separateEvaluation: z.boolean().optional(),
  lastMeasuredOn: calendarDate.nullable().optional(),
});

export const coverageResultSchema = z.object({
  covered: z.boolean(),
  visitInWindow: z.number(),
  visitInYear: z.number(),
  modifiers: z.array(z.string()),
  reasons: z.array(z.string()),
  warnings: z.array(z.string()),
  window: z.object({ from: z.string(), to: z.string() }).optional(),
});

export const claimLineSchema = z.object({ code: z.string(), units: z.number(), modifiers: z.array(z.string()), why: z.string().optional() });

export const claimLinesSchema = z.object({ lines: z.array(claimLineSchema), notes: z.array(z.string()).optional() });

/** "episode.onsetDate: Use a real date…" for each bad field, as the CLI prints them. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join(".") || "(input)"}: ${issue.message}`);
}
