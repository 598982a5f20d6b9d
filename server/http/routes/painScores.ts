import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { painScoresOf, recordPainScore } from "../../services/painScores.ts";
import { actorOf, requireSession } from "../authentication.ts";
import { problemResponses, sendOutcome, type RouteContext } from "../routeContext.ts";
import { painScoreInput, painScoreSchema, patientIdParam } from "../schemas.ts";

export function painScoreRoutes(app: FastifyInstance, { db }: RouteContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["outcomes"];

  api.get(
    "/api/v1/patients/:patientId/pain-scores",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "A patient's NRS pain scores, oldest first",
        params: patientIdParam,
        response: { 200: z.array(painScoreSchema), ...problemResponses },
      },
    },
    async (request, reply) => sendOutcome(reply, await painScoresOf(db, actorOf(request), request.params.patientId)),
  );

  api.post(
    "/api/v1/patients/:patientId/pain-scores",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Record a 0–10 pain score",
        params: patientIdParam,
        body: painScoreInput,
        response: { 201: painScoreSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      sendOutcome(reply, await recordPainScore(db, actorOf(request), request.params.patientId, request.body), 201),
  );
}
