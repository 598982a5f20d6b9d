import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { strictaOf } from "../../services/stricta.ts";
import { actorOf, requireSession } from "../authentication.ts";
import { problemResponses, sendOutcome, type RouteContext } from "../routeContext.ts";
import { patientIdParam } from "../schemas.ts";

const status = z.enum(["reported", "missing", "not-applicable"]);

/** Responses are encoded: plain shapes, no transforms. */
const strictaSchema = z.object({
  patient: z.object({ id: z.string(), recordNumber: z.string(), name: z.string() }),
  clinic: z.string(),
  visits: z.number().int(),
  excludedVisits: z.number().int(),
  firstVisit: z.string().nullable(),
  lastVisit: z.string().nullable(),
  counts: z.object({ reported: z.number().int(), missing: z.number().int(), "not-applicable": z.number().int() }),
  items: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      subItems: z.array(
        z.object({
          id: z.string(),
          label: z.string(),
          value: z.string().nullable(),
          detail: z.unknown().optional(),
          status,
          why: z.string().optional(),
        }),
      ),
    }),
  ),
});

export function strictaRoutes(app: FastifyInstance, { db }: RouteContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    "/api/v1/patients/:patientId/stricta",
    {
      preHandler: requireSession,
      schema: {
        tags: ["treatment"],
        summary:
          "The STRICTA 2010 record of the patient's course (6 items, 17 sub-items), each filled from the chart or marked missing with why; visits entered in error are left out",
        params: patientIdParam,
        response: { 200: strictaSchema, ...problemResponses },
      },
    },
    async (request, reply) => sendOutcome(reply, await strictaOf(db, actorOf(request), request.params.patientId)),
  );
}
