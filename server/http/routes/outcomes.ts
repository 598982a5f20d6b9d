import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { correctInstrumentResponse, instrumentResponseRevisions, outcomesOf, recordInstrumentResponse } from "../../services/outcomes.ts";
import { actorOf, requireSession } from "../authentication.ts";
import { correctionBody, revisedSchema, revisionSchema } from "../correctionSchemas.ts";
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
  enteredInError: z.boolean(),
  revisedAt: z.string().nullable(),
});

const responseValues = z.object({
  answers: z.array(z.number().nullable()).max(100),
  recordedOn: pastOrPresentDate,
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
        body: responseValues.extend({ instrument: z.string().max(40) }),
        response: { 201: responseSchema, ...problemResponses },
      },
    },
    async (request, reply) => sendOutcome(reply, await recordInstrumentResponse(db, actorOf(request), request.params.patientId, request.body), 201),
  );

  const responseIdParam = z.object({ responseId: z.uuid("Not a questionnaire response id.") });

  api.post(
    "/api/v1/instrument-responses/:responseId/corrections",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Correct a questionnaire's answers or date with a reason (scored again), or mark it entered in error; the response as first entered is kept",
        params: responseIdParam,
        body: correctionBody(responseValues),
        response: { 201: revisedSchema, ...problemResponses },
      },
    },
    async (request, reply) => sendOutcome(reply, await correctInstrumentResponse(db, actorOf(request), request.params.responseId, request.body), 201),
  );

  api.get(
    "/api/v1/instrument-responses/:responseId/revisions",
    {
      preHandler: requireSession,
      schema: { tags, summary: "A questionnaire response's corrections, with the values before and after each", params: responseIdParam, response: { 200: z.array(revisionSchema), ...problemResponses } },
    },
    async (request, reply) => sendOutcome(reply, await instrumentResponseRevisions(db, actorOf(request), request.params.responseId)),
  );
}
