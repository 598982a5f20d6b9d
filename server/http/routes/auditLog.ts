import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from "../../../domain/access/auditVocabulary.ts";
import type { PatientId, UserId } from "../../../domain/shared/brand.ts";
import { browseAuditLog, exportAuditLog } from "../../services/auditLog.ts";
import { actorOf, requireSession } from "../authentication.ts";
import { sendFailure } from "../problem.ts";
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
  patientName: z.string().nullable(),
  ip: z.string().nullable(),
  apiTokenName: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});

/** The filters the page and the CSV export share. */
const filterQuery = {
  patientId: z.uuid().optional().transform((v) => v as PatientId | undefined),
  userId: z.uuid().optional().transform((v) => v as UserId | undefined),
  action: z.enum(AUDIT_ACTIONS).optional(),
  entity: z.enum(AUDIT_ENTITIES as [string, ...string[]]).optional().transform((v) => v as (typeof AUDIT_ENTITIES)[number] | undefined),
  from: z.iso.datetime({ offset: true, message: "A date and time, e.g. 2026-12-01T00:00:00-05:00." }).optional(),
  to: z.iso.datetime({ offset: true, message: "A date and time, e.g. 2026-12-02T00:00:00-05:00." }).optional(),
};

export function auditRoutes(app: FastifyInstance, { db }: RouteContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    "/api/v1/audit-events",
    {
      preHandler: requireSession,
      schema: {
        tags: ["audit"],
        summary: "Who read or changed what, newest first, filtered by user, patient, action, record kind and time (owners only)",
        querystring: z
          .object({
            ...filterQuery,
            before: z.string().regex(/^\d{1,18}$/, "An event id.").optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
          })
          .refine((q) => !q.from || !q.to || q.from < q.to, { message: "The end comes before the start.", path: ["to"] }),
        response: { 200: z.array(auditEventSchema), ...problemResponses },
      },
    },
    async (request, reply) => {
      const { before, ...filter } = request.query;
      return sendOutcome(reply, await browseAuditLog(db, actorOf(request), { ...filter, beforeId: before }));
    },
  );

  api.get(
    "/api/v1/audit-events.csv",
    {
      preHandler: requireSession,
      schema: {
        tags: ["audit"],
        summary: "The same entries as CSV, newest first, up to 100,000 (owners only); times in UTC",
        querystring: z
          .object(filterQuery)
          .refine((q) => !q.from || !q.to || q.from < q.to, { message: "The end comes before the start.", path: ["to"] }),
      },
    },
    async (request, reply) => {
      const csv = await exportAuditLog(db, actorOf(request), request.query);
      if (!csv.ok) return sendFailure(reply, csv);
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="acuback-audit-log.csv"`)
        .header("cache-control", "no-store")
        .send(csv.value);
    },
  );
}
