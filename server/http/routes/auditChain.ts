import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { checkAuditChain, lastAuditChainCheck } from "../../services/auditChainCheck.ts";
import { actorOf, requireSession } from "../authentication.ts";
import { problemResponses, sendOutcome, type RouteContext } from "../routeContext.ts";

const findingSchema = z.object({
  kind: z
    .enum(["altered", "relinked", "missing", "inserted", "end", "changed_since_check"])
    .describe(
      "altered: an entry no longer matches its hash; relinked: an entry was given a new hash; missing: entries deleted; inserted: an entry added outside the chain; end: the last entry does not match the head; changed_since_check: the log was rewritten since an earlier check",
    ),
  seq: z.number().int().describe("The place in the clinic's chain (1 = its first entry) where it breaks"),
  eventId: z.string().nullable().describe("The audit event at that place; null when it was deleted"),
  message: z.string(),
});

const statusSchema = z.object({
  lastCheck: z
    .object({
      checkedAt: z.string(),
      checkedBy: z.string().nullable().describe("The owner who ran it; null for `acuback audit verify`"),
      checkedByName: z.string().nullable(),
      entriesChecked: z.number().int().describe("Entries found sound, from the first, before any break"),
      intact: z.boolean(),
      lastSeq: z.number().int().nullable(),
      lastHash: z.string().nullable().describe("SHA-256 of the last entry found sound: kept elsewhere, it shows a later rewrite"),
      finding: findingSchema.nullable(),
      entrySeq: z.number().int().describe("The place of the check's own audit entry"),
    })
    .nullable(),
  entriesNow: z.number().int().describe("Entries in the chain now"),
  entriesSinceCheck: z.number().int().describe("Entries written after the last check's own entry, not checked yet"),
});

/** The audit log's hash chain (decision record 0020): the last check, and a new one on request. Owners only. */
export function auditChainRoutes(app: FastifyInstance, { db }: RouteContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    "/api/v1/audit-log/verification",
    {
      preHandler: requireSession,
      schema: {
        tags: ["audit"],
        summary: "The last check of the clinic's audit chain and how many entries were added since (owners only); audited",
        response: { 200: statusSchema, ...problemResponses },
      },
    },
    async (request, reply) => sendOutcome(reply, await lastAuditChainCheck(db, actorOf(request))),
  );

  api.post(
    "/api/v1/audit-log/verification",
    {
      preHandler: requireSession,
      schema: {
        tags: ["audit"],
        summary: "Check the clinic's audit chain now, from its first entry: intact, or the first entry where it breaks (owners only); audited",
        response: { 200: statusSchema, ...problemResponses },
      },
    },
    async (request, reply) => sendOutcome(reply, await checkAuditChain(db, actorOf(request))),
  );
}
