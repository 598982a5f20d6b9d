import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Treatment } from "../../../domain/treatment/treatment.ts";
import { runSafetyCheck } from "../../services/safetyCheck.ts";
import { requireSession } from "../authentication.ts";
import { problemResponses, sendOutcome } from "../routeContext.ts";
import { findingSchema, treatmentSchema } from "../treatmentSchemas.ts";

export function safetyCheckRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    "/api/v1/safety/check",
    {
      preHandler: requireSession,
      schema: {
        tags: ["treatment"],
        summary: "Check a planned treatment against safety flags: every finding with severity, rule, points, message and source",
        body: z.object({
          flags: z.array(z.string().max(60)).max(30),
          treatment: treatmentSchema,
          cunMm: z.number().positive().max(60).nullish(),
        }),
        response: { 200: z.object({ findings: z.array(findingSchema) }), ...problemResponses },
      },
    },
    async (request, reply) => sendOutcome(reply, runSafetyCheck({ ...request.body, treatment: request.body.treatment as Treatment })),
  );
}
