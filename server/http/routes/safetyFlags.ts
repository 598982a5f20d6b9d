import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { TEXT_LIMITS } from "../../../domain/plausibility/textLimits.ts";
import { safetyFlagsOf, updateSafetyFlags } from "../../services/safetyFlags.ts";
import { actorOf, requireSession } from "../authentication.ts";
import { problemResponses, sendOutcome, type RouteContext } from "../routeContext.ts";
import { patientIdParam } from "../schemas.ts";

const flagSchema = z.object({
  flag: z.string(),
  label: z.string(),
  meaning: z.string(),
  active: z.boolean(),
  note: z.string().nullable(),
  updatedAt: z.string().nullable(),
  fromIntake: z.string().nullable(),
});

export function safetyFlagRoutes(app: FastifyInstance, { db }: RouteContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["intake"];

  api.get(
    "/api/v1/patients/:patientId/safety-flags",
    {
      preHandler: requireSession,
      schema: { tags, summary: "The patient's safety flags (WHO 1999 acupuncture safety guidelines), every known flag with its state", params: patientIdParam, response: { 200: z.array(flagSchema), ...problemResponses } },
    },
    async (request, reply) => sendOutcome(reply, await safetyFlagsOf(db, actorOf(request), request.params.patientId)),
  );

  api.patch(
    "/api/v1/patients/:patientId/safety-flags",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Set safety flags; flags not named keep their state",
        params: patientIdParam,
        body: z.record(
          z.string(),
          z.object({
            active: z.boolean(),
            note: z.string().trim().max(TEXT_LIMITS.safetyFlagNote).nullish().transform((v) => v || null),
          }),
        ),
        response: { 200: z.array(flagSchema), ...problemResponses },
      },
    },
    async (request, reply) => sendOutcome(reply, await updateSafetyFlags(db, actorOf(request), request.params.patientId, request.body)),
  );
}
