import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { TEXT_LIMITS } from "../../../domain/plausibility/textLimits.ts";
import { calendarDateOf } from "../../../domain/shared/calendarDate.ts";
import type { Treatment } from "../../../domain/treatment/treatment.ts";
import { protocolCatalogue, removeClinicProtocol, saveClinicProtocol } from "../../services/protocols.ts";
import { createPlan, plansOf } from "../../services/treatmentPlans.ts";
import { actorOf, requireSession } from "../authentication.ts";
import { problemResponses, sendOutcome, type RouteContext } from "../routeContext.ts";
import { patientIdParam } from "../schemas.ts";
import { planInputSchema, planSchema, treatmentOutSchema, treatmentSchema } from "../treatmentSchemas.ts";

const today = () => calendarDateOf(new Date());

const clinicProtocolSchema = z.object({
  id: z.string(),
  name: z.string(),
  treatment: treatmentOutSchema,
  note: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});

const libraryProtocolSchema = z.object({
  id: z.string(),
  name: z.string(),
  source: z.object({ citation: z.string(), year: z.number(), doi: z.string().nullable(), taraArticleId: z.number().nullable() }),
  condition: z.string(),
  modality: z.string(),
  style: z.string().nullable(),
  points: z.array(z.object({ point: z.string().nullable(), ashiRegion: z.string().nullable(), side: z.string() })),
  sidesAsStated: z.boolean(),
  unresolved: z.array(z.string()),
  parameters: z.object({
    retentionMinutes: z.number().optional(),
    manipulation: z.string().optional(),
    deQi: z.boolean().optional(),
    visits: z.number().optional(),
    frequency: z.string().optional(),
    estimHz: z.array(z.number()).optional(),
  }),
  note: z.string(),
});

export function treatmentPlanRoutes(app: FastifyInstance, { db }: RouteContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["treatment"];

  api.get(
    "/api/v1/patients/:patientId/plans",
    { preHandler: requireSession, schema: { tags, summary: "The patient's treatment plans with visits done against planned", params: patientIdParam, response: { 200: z.array(planSchema), ...problemResponses } } },
    async (request, reply) => sendOutcome(reply, await plansOf(db, actorOf(request), request.params.patientId, today())),
  );

  api.post(
    "/api/v1/patients/:patientId/plans",
    {
      preHandler: requireSession,
      schema: { tags, summary: "Start a treatment plan for an episode (refused while its red-flag gate is closed)", params: patientIdParam, body: planInputSchema, response: { 201: planSchema, ...problemResponses } },
    },
    async (request, reply) => sendOutcome(reply, await createPlan(db, actorOf(request), request.params.patientId, request.body, today()), 201),
  );

  api.get(
    "/api/v1/protocols",
    {
      preHandler: requireSession,
      schema: { tags, summary: "The protocol library (each from a named trial) and the clinic's own protocols", response: { 200: z.object({ library: z.array(libraryProtocolSchema), clinic: z.array(clinicProtocolSchema) }), ...problemResponses } },
    },
    async (request, reply) => sendOutcome(reply, await protocolCatalogue(db, actorOf(request))),
  );

  api.post(
    "/api/v1/protocols",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Save a protocol for the clinic (name, points with side, modality, parameters)",
        body: z.object({ name: z.string().trim().min(1).max(120), treatment: treatmentSchema, note: z.string().trim().max(TEXT_LIMITS.planNote).nullish().transform((v) => v || null) }),
        response: { 201: clinicProtocolSchema, ...problemResponses },
      },
    },
    async (request, reply) => sendOutcome(reply, await saveClinicProtocol(db, actorOf(request), { ...request.body, treatment: request.body.treatment as Treatment }), 201),
  );

  api.delete(
    "/api/v1/protocols/:protocolId",
    { preHandler: requireSession, schema: { tags, summary: "Remove one of the clinic's protocols", params: z.object({ protocolId: z.uuid() }), response: { 200: z.object({ id: z.string() }), ...problemResponses } } },
    async (request, reply) => sendOutcome(reply, await removeClinicProtocol(db, actorOf(request), request.params.protocolId)),
  );
}
