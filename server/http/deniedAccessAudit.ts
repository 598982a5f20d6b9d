/**
 * Refused requests are audited as denied access, so an owner can see probing:
 * a signed-in member (or API token) answered 403 (their role may not) or 404
 * (no such record in their clinic, which is also what another clinic's ids
 * get) on a route of the API. The row names the route's pattern, the method,
 * the status and the ids asked for — never a body or query text, which may
 * hold patient data. Written after the answer is sent, so a refusal costs the
 * person nothing, and a failure to write is logged, never thrown.
 */
import type { FastifyInstance } from "fastify";
import type { Database } from "../db/database.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import { isFhirUrl } from "../fhir/operationOutcome.ts";

const DENIED = new Set([403, 404]);

export function installDeniedAccessAudit(app: FastifyInstance, db: Database) {
  app.addHook("onResponse", async (request, reply) => {
    const session = request.session;
    const route = request.routeOptions.url;
    if (!session || !route || !DENIED.has(reply.statusCode)) return;
    if (!request.url.startsWith("/api/v1/") && !isFhirUrl(request.url)) return;
    const ids = Object.values((request.params ?? {}) as Record<string, unknown>).filter((v): v is string => typeof v === "string" && v.length <= 80);
    try {
      await appendAuditEvent(db, {
        clinicId: session.clinicId,
        userId: session.userId,
        action: "denied",
        entity: "request",
        ip: request.ip,
        detail: { method: request.method, route, status: reply.statusCode, ids },
      });
    } catch (error) {
      request.log.error({ err: error, route }, "could not audit a denied request");
    }
  });
}
