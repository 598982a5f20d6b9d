/**
 * Requests from other systems: `Authorization: Bearer acb_…` under /fhir/R4
 * and /api/v1. A live token acts for its clinic with a practitioner's reach,
 * within its scope (domain/access/apiTokens.ts); the web app's cookie is not
 * read, and no CSRF token is asked for, since a bearer token is never sent by
 * a browser on its own. Each token is rate-limited, and the request's audit
 * events name it (db/auditContext.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { tokenAllows } from "../../domain/access/apiTokens.ts";
import type { Config } from "../config.ts";
import { auditContext } from "../db/auditContext.ts";
import type { RateCounter } from "../db/rateCounter.ts";
import type { Database } from "../db/database.ts";
import { holderOfBearer } from "../services/apiTokens.ts";
import { isFhirUrl } from "../fhir/operationOutcome.ts";
import { sendProblem } from "./problem.ts";

declare module "fastify" {
  interface FastifyRequest {
    /** The API token the request came with (null for the web app). */
    apiTokenName: string | null;
  }
}

/** The bearer token, if the request sends one; undefined when it sends none. */
export function bearerOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header !== "string") return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : "";
}

export function installApiTokenAuth(app: FastifyInstance, db: Database, config: Config, counter: RateCounter) {
  app.decorateRequest("apiTokenName", null);
  // A fixed one-minute window per token, shared by every server process on PostgreSQL (rateCounter.ts).
  const withinLimit = async (tokenId: string) => (await counter.hit(`api token ${tokenId}`, 60_000)).count <= config.apiTokenRequestsPerMinute;
  // Every request gets its own audit context, for the whole of its handling.
  app.addHook("onRequest", (_request, _reply, done) => auditContext.run({ apiTokenId: null }, done));
  app.addHook("onRequest", async (request: FastifyRequest, reply: FastifyReply) => {
    const bearer = bearerOf(request);
    if (bearer === undefined || !(request.url.startsWith("/api/") || isFhirUrl(request.url)) || request.routeOptions.config?.withoutSession) return;
    const holder = bearer ? await holderOfBearer(db, bearer) : null;
    if (!holder) return sendProblem(reply, "UNAUTHENTICATED", "The API token is not valid, or was revoked.");
    const refusal = tokenAllows(holder.scope, request.method, request.url);
    if (refusal) return sendProblem(reply, "API_TOKEN_NOT_ALLOWED", refusal);
    if (!(await withinLimit(holder.id))) return sendProblem(reply, "RATE_LIMITED");
    auditContext.getStore()!.apiTokenId = holder.id;
    request.apiTokenName = holder.name;
    request.session = {
      userId: holder.createdBy,
      clinicId: holder.clinicId,
      clinicName: holder.clinicName,
      clinicDemo: false,
      email: "",
      displayName: `API token “${holder.name}”`,
      role: "practitioner",
      csrfToken: "",
      lastSeenAt: new Date(),
      // A token is made by an owner for another system; two-factor sign-in is for people at the sign-in page.
      awaitingSecondFactor: false,
      twoFactorEnrolmentDue: false,
    };
  });
}
