import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { TEXT_LIMITS } from "../../../domain/plausibility/textLimits.ts";
import { calendarDateOf } from "../../../domain/shared/calendarDate.ts";
import type { ChartCorrection } from "../../../domain/treatment/chartCorrection.ts";
import type { VisitChart } from "../../../domain/treatment/visit.ts";
import { amendVisit, discardVisitDraft, saveVisitDraft, signVisitNote, startVisit, visitOf, visitsOf } from "../../services/visits.ts";
import { actorOf, requireSession } from "../authentication.ts";
import { problemResponses, sendOutcome, type RouteContext } from "../routeContext.ts";
import { patientIdParam } from "../schemas.ts";
import { chartCorrectionSchema, visitChartSchema, visitSchema, visitStartSchema, visitSummarySchema } from "../treatmentSchemas.ts";

const visitIdParam = z.object({ visitId: z.uuid("Not a visit id.") });
const chartBody = z.object({ version: z.number().int().positive(), chart: visitChartSchema });
const today = () => calendarDateOf(new Date());

export function visitRoutes(app: FastifyInstance, { db }: RouteContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["treatment"];

  api.get(
    "/api/v1/patients/:patientId/visits",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "The patient's visits, newest first (the front desk sees only that a visit happened)",
        params: patientIdParam,
        response: { 200: z.union([z.array(visitSchema), z.array(visitSummarySchema)]), ...problemResponses },
      },
    },
    async (request, reply) => sendOutcome(reply, await visitsOf(db, actorOf(request), request.params.patientId)),
  );

  api.post(
    "/api/v1/patients/:patientId/visits",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Start a visit as a draft: from the last signed visit, a protocol, the plan, or blank",
        params: patientIdParam,
        body: visitStartSchema,
        response: { 201: visitSchema, ...problemResponses },
      },
    },
    async (request, reply) => sendOutcome(reply, await startVisit(db, actorOf(request), request.params.patientId, request.body, today()), 201),
  );

  api.get(
    "/api/v1/visits/:visitId",
    { preHandler: requireSession, schema: { tags, summary: "One visit with its live safety findings, signing problems and amendments", params: visitIdParam, response: { 200: visitSchema, ...problemResponses } } },
    async (request, reply) => sendOutcome(reply, await visitOf(db, actorOf(request), request.params.visitId)),
  );

  api.put(
    "/api/v1/visits/:visitId",
    {
      preHandler: requireSession,
      schema: { tags, summary: "Save a draft visit's chart (refused once signed)", params: visitIdParam, body: chartBody, response: { 200: visitSchema, ...problemResponses } },
    },
    async (request, reply) =>
      sendOutcome(reply, await saveVisitDraft(db, actorOf(request), request.params.visitId, request.body.version, request.body.chart as VisitChart)),
  );

  api.post(
    "/api/v1/visits/:visitId/sign",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Sign the visit as charted: needles reconciled, every block overridden with a reason; then it never changes",
        params: visitIdParam,
        body: chartBody,
        response: { 200: visitSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      sendOutcome(reply, await signVisitNote(db, actorOf(request), request.params.visitId, request.body.version, request.body.chart as VisitChart)),
  );

  api.post(
    "/api/v1/visits/:visitId/amendments",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary:
          "Amend a signed visit with a reason, or mark it entered in error; the original stays as signed. A chartCorrection of points, e-stim, minutes or a separate evaluation recomputes the claim lines",
        params: visitIdParam,
        body: z.object({
          reason: z.string().trim().min(3, "Give the reason for the amendment.").max(TEXT_LIMITS.amendmentReason),
          correction: z.string().trim().max(TEXT_LIMITS.amendmentCorrection).nullish().transform((v) => v || null),
          chartCorrection: chartCorrectionSchema.nullish().transform((v) => v ?? null),
          enteredInError: z.boolean().default(false),
        }),
        response: { 201: visitSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      sendOutcome(reply, await amendVisit(db, actorOf(request), request.params.visitId, { ...request.body, chartCorrection: request.body.chartCorrection as ChartCorrection | null }), 201),
  );

  api.delete(
    "/api/v1/visits/:visitId",
    {
      preHandler: requireSession,
      schema: { tags, summary: "Discard a draft visit (a signed visit is never deleted)", params: visitIdParam, response: { 200: z.object({ id: z.string() }), ...problemResponses } },
    },
    async (request, reply) => sendOutcome(reply, await discardVisitDraft(db, actorOf(request), request.params.visitId)),
  );
}
