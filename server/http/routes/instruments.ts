/**
 * Outcome instruments: their definitions and a scoring calculator. No patient
 * data passes through here (answers are scored and returned, not stored).
 */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { INSTRUMENTS, instrumentById } from "../../../domain/assessment/instruments/registry.ts";
import { describeScoringProblem } from "../../services/instrumentScoring.ts";
import { problemSchema, sendProblem } from "../problem.ts";

const instrumentSchema = z.object({
  id: z.string(),
  name: z.string(),
  version: z.string(),
  owner: z.string(),
  licence: z.string(),
  items: z.array(
    z.object({ id: z.string(), label: z.string(), options: z.array(z.object({ value: z.number(), label: z.string() })) }),
  ),
});

const scoreSchema = z.object({
  instrument: z.string(),
  version: z.string(),
  value: z.number(),
  unit: z.enum(["points", "percent"]),
  min: z.number(),
  max: z.number(),
  band: z.string().nullable(),
  subscales: z.record(z.string(), z.number()),
  answered: z.number().int(),
  rule: z.string(),
});

export function instrumentRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["instruments"];

  api.get(
    "/api/v1/instruments",
    { schema: { tags, summary: "The outcome instruments, their items (our labels) and options", response: { 200: z.array(instrumentSchema) } } },
    async () => Object.values(INSTRUMENTS).map(({ id, name, version, owner, licence, items }) => ({ id, name, version, owner, licence, items })),
  );

  api.post(
    "/api/v1/instruments/:id/score",
    {
      config: { rateLimit: { max: 300, timeWindow: "1 minute" } },
      schema: {
        tags,
        summary: "Score answers (item values in item order, null for unanswered); nothing is stored",
        params: z.object({ id: z.string().max(40) }),
        body: z.object({ answers: z.array(z.number().nullable()).max(100) }),
        response: { 200: scoreSchema, 400: problemSchema, 404: problemSchema, 422: problemSchema, 429: problemSchema },
      },
    },
    async (request, reply) => {
      const instrument = instrumentById(request.params.id);
      if (!instrument) return sendProblem(reply, "INSTRUMENT_NOT_FOUND", `Known instruments: ${Object.keys(INSTRUMENTS).join(", ")}.`);
      const outcome = instrument.score(request.body.answers);
      if (!outcome.ok) {
        const { code, detail, fields } = describeScoringProblem(outcome.problem);
        return sendProblem(reply, code, detail, fields);
      }
      return outcome.score;
    },
  );
}
