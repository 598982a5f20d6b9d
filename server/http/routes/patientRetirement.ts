import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { PatientId } from "../../../domain/shared/brand.ts";
import { markRegisteredInError, mergePatients, retirementHistory } from "../../services/patientRetirement.ts";
import { actorOf, requireSession } from "../authentication.ts";
import { correctionReason } from "../correctionSchemas.ts";
import { problemResponses, sendOutcome, type RouteContext } from "../routeContext.ts";
import { patientIdParam, patientSchema } from "../schemas.ts";

/** Moved rows by table, as counts: which records went, never what they say. */
const movedCounts = z.record(z.string(), z.number().int());
const counted = (moved: Record<string, string[] | undefined>) =>
  Object.fromEntries(Object.entries(moved).map(([table, ids]) => [table, ids?.length ?? 0]));

const retirementSchema = z.object({
  id: z.string(),
  patientId: z.string(),
  action: z.enum(["merged", "registered-in-error"]),
  mergedInto: z.string().nullable(),
  reason: z.string(),
  moved: movedCounts,
  authorName: z.string().nullable(),
  at: z.string(),
});

export function patientRetirementRoutes(app: FastifyInstance, { db }: RouteContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["patients"];

  api.post(
    "/api/v1/patients/:patientId/merge",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Merge this duplicate record into another record of the same person; its records move there and it is kept as a pointer",
        params: patientIdParam,
        body: z.object({
          intoId: z.uuid("Choose the patient record to keep.").transform((v) => v as PatientId),
          reason: correctionReason,
        }),
        response: { 200: z.object({ kept: patientSchema, merged: patientSchema, moved: movedCounts }), ...problemResponses },
      },
    },
    async (request, reply) => {
      const outcome = await mergePatients(db, actorOf(request), {
        duplicateId: request.params.patientId,
        intoId: request.body.intoId,
        reason: request.body.reason,
      });
      return sendOutcome(reply, outcome.ok ? { ok: true, value: { ...outcome.value, moved: counted(outcome.value.moved) } } : outcome);
    },
  );

  api.post(
    "/api/v1/patients/:patientId/registered-in-error",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Mark a record that should never have been made (no clinical entries) registered in error; it is kept, hidden from searches",
        params: patientIdParam,
        body: z.object({ reason: correctionReason }),
        response: { 200: patientSchema, ...problemResponses },
      },
    },
    async (request, reply) => sendOutcome(reply, await markRegisteredInError(db, actorOf(request), request.params.patientId, request.body.reason)),
  );

  api.get(
    "/api/v1/patients/:patientId/retirements",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Whether this record was merged or registered in error, and which records were merged into it",
        params: patientIdParam,
        response: { 200: z.object({ retirements: z.array(retirementSchema) }), ...problemResponses },
      },
    },
    async (request, reply) => {
      const outcome = await retirementHistory(db, actorOf(request), request.params.patientId);
      return sendOutcome(
        reply,
        outcome.ok ? { ok: true, value: { retirements: outcome.value.map(({ authorId: _author, ...r }) => ({ ...r, moved: counted(r.moved) })) } } : outcome,
      );
    },
  );
}
