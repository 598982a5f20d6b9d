import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { correctPainScore, painScoreRevisions, painScoresOf, recordPainScore } from "../../services/painScores.ts";
import { actorOf, requireSession } from "../authentication.ts";
import { correctionBody, revisedSchema, revisionSchema } from "../correctionSchemas.ts";
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

  const scoreIdParam = z.object({ scoreId: z.uuid("Not a pain score id.") });

  api.post(
    "/api/v1/pain-scores/:scoreId/corrections",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Correct a pain score with a reason, or mark it entered in error; the score as first entered is kept",
        params: scoreIdParam,
        body: correctionBody(painScoreInput),
        response: { 201: revisedSchema, ...problemResponses },
      },
    },
    async (request, reply) => sendOutcome(reply, await correctPainScore(db, actorOf(request), request.params.scoreId, request.body), 201),
  );

  api.get(
    "/api/v1/pain-scores/:scoreId/revisions",
    {
      preHandler: requireSession,
      schema: { tags, summary: "A pain score's corrections, with the values before and after each", params: scoreIdParam, response: { 200: z.array(revisionSchema), ...problemResponses } },
    },
    async (request, reply) => sendOutcome(reply, await painScoreRevisions(db, actorOf(request), request.params.scoreId)),
  );
}
