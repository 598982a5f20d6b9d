import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { PatientId, UserId } from "../../../domain/shared/brand.ts";
import { browseAuditLog } from "../../services/auditLog.ts";
import { actorOf, requireSession } from "../authentication.ts";
import { problemResponses, sendOutcome, type RouteContext } from "../routeContext.ts";

const auditEventSchema = z.object({
  id: z.string(),
  at: z.string(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  patientId: z.string().nullable(),
  ip: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});

export function auditRoutes(app: FastifyInstance, { db }: RouteContext) {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/v1/audit-events",
    {
      preHandler: requireSession,
      schema: {
        tags: ["audit"],
        summary: "Who read or changed what, newest first (owners only)",
        querystring: z.object({
          patientId: z.uuid().optional().transform((v) => v as PatientId | undefined),
          userId: z.uuid().optional().transform((v) => v as UserId | undefined),
          before: z.string().regex(/^\d{1,18}$/, "An event id.").optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.array(auditEventSchema), ...problemResponses },
      },
    },
    async (request, reply) => {
      const { before, ...filter } = request.query;
      return sendOutcome(reply, await browseAuditLog(db, actorOf(request), { ...filter, beforeId: before }));
    },
  );
}
