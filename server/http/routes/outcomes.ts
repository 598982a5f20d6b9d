import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { outcomesOf, recordInstrumentResponse } from "../../services/outcomes.ts";
import { actorOf, requireSession } from "../authentication.ts";
import { problemResponses, sendOutcome, type RouteContext } from "../routeContext.ts";
import { pastOrPresentDate, patientIdParam } from "../schemas.ts";

const responseSchema = z.object({
  id: z.string(),
  instrument: z.string(),
  version: z.string(),
  answers: z.array(z.number().nullable()),
  score: z.number(),
  unit: z.string(),
  band: z.string().nullable(),
  subscales: z.record(z.string(), z.number()),
  recordedOn: z.string(),
  source: z.enum(["clinic", "patient-link"]),
  createdAt: z.string(),
});

const trajectorySchema = z.object({
  measure: z.enum(["nrs", "odi", "rmdq"]),
  baseline: z.object({ value: z.number(), recordedOn: z.string() }),
  latest: z.object({ value: z.number(), recordedOn: z.string() }),
  change: z.number(),
  percentChange: z.number().nullable(),
  responder: z.boolean(),
  worsened: z.boolean(),
});

export function outcomeRoutes(app: FastifyInstance, { db }: RouteContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["outcomes"];

  api.get(
    "/api/v1/patients/:patientId/outcomes",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Questionnaires, trajectories by measure, and overall status (improving / not improving / regressing) with its rule",
        params: patientIdParam,
        response: {
          200: z.object({
            responses: z.array(responseSchema),
            trajectories: z.array(trajectorySchema),
            status: z.object({ status: z.enum(["improving", "not improving", "regressing", "not enough data"]), rule: z.string() }),
          }),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => sendOutcome(reply, await outcomesOf(db, actorOf(request), request.params.patientId)),
  );

  api.post(
    "/api/v1/patients/:patientId/instrument-responses",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Record a completed questionnaire (scored on the server; incomplete answers are refused, naming the items)",
        params: patientIdParam,
        body: z.object({
          instrument: z.string().max(40),
          answers: z.array(z.number().nullable()).max(100),
          recordedOn: pastOrPresentDate,
        }),
        response: { 201: responseSchema, ...problemResponses },
      },
    },
    async (request, reply) => sendOutcome(reply, await recordInstrumentResponse(db, actorOf(request), request.params.patientId, request.body), 201),
  );
}
