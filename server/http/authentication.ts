/**
 * Finds the signed-in user from the session cookie and enforces CSRF on unsafe
 * methods: a request carrying a session must echo that session's CSRF token in
 * the X-CSRF-Token header, which another site's page cannot read or set.
 *
 * Two-factor sign-in narrows what a session opens: one still awaiting its
 * second step is not a session to any route but that step's, and one whose
 * clinic requires two-factor sign-in the account has not set up reaches only
 * the routes marked `duringTwoFactorEnrolment` (set-up, who am I, sign out).
 * Decided here, once, so a route added later is closed to both by default.
 */
import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Config } from "../config.ts";
import type { Database } from "../db/database.ts";
import type { SessionRecord } from "../db/repositories/signInSessions.ts";
import type { Actor } from "../services/actor.ts";
import { resumeSession } from "../services/signInSessions.ts";
import { sendProblem } from "./problem.ts";
import { isFhirUrl } from "../fhir/operationOutcome.ts";

declare module "fastify" {
  interface FastifyRequest {
    session: SessionRecord | null;
    sessionToken: string | null;
    /** A sign-in whose password was right and whose second step is still to come (its token is `sessionToken`). */
    sessionAwaitingSecondFactor: SessionRecord | null;
  }
  interface FastifyContextConfig {
    /**
     * The route ignores staff sessions entirely (a patient's report form): no
     * session is looked up and no CSRF token is asked for, so a staff cookie in
     * the same browser neither helps nor blocks it.
     */
    withoutSession?: boolean;
    /**
     * Open to a session that must set up two-factor sign-in before anything
     * else (its clinic requires it): the set-up itself, reading the session, signing out.
     */
    duringTwoFactorEnrolment?: boolean;
  }
}

export const SESSION_COOKIE = "acuback_session";
export const CSRF_HEADER = "x-csrf-token";
const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function installSessions(app: FastifyInstance, db: Database, config: Config): void {
  app.decorateRequest("session", null);
  app.decorateRequest("sessionToken", null);
  app.decorateRequest("sessionAwaitingSecondFactor", null);
  app.addHook("onRequest", async (request, reply) => {
    if (!(request.url.startsWith("/api/") || isFhirUrl(request.url)) || request.routeOptions.config?.withoutSession) return;
    // A request with a bearer token was answered by apiTokenAuth.ts: a cookie beside it is not read.
    if (request.headers.authorization !== undefined) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const session = await resumeSession(db, token, config.sessions);
      if (session) {
        if (session.awaitingSecondFactor) request.sessionAwaitingSecondFactor = session;
        else request.session = session;
        request.sessionToken = token;
      }
    }
    const held = request.session ?? request.sessionAwaitingSecondFactor;
    if (held && UNSAFE_METHODS.has(request.method) && !csrfMatches(request, held.csrfToken)) {
      return sendProblem(reply, "CSRF_TOKEN_INVALID");
    }
    if (request.session?.twoFactorEnrolmentDue && !request.routeOptions.config?.duringTwoFactorEnrolment) {
      return sendProblem(reply, "TWO_FACTOR_ENROLMENT_REQUIRED");
    }
  });
}

function csrfMatches(request: FastifyRequest, expected: string): boolean {
  const sent = request.headers[CSRF_HEADER];
  if (typeof sent !== "string") return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** preHandler for routes that need a signed-in user. */
export async function requireSession(request: FastifyRequest, reply: FastifyReply) {
  if (!request.session) return sendProblem(reply, "UNAUTHENTICATED");
}

export function actorOf(request: FastifyRequest): Actor {
  const session = request.session;
  if (!session) throw new Error("actorOf called on a route without requireSession");
  return { userId: session.userId, clinicId: session.clinicId, role: session.role, ip: request.ip };
}

export function sessionCookieOptions(config: Config) {
  return {
    path: "/",
    httpOnly: true,
    sameSite: "strict" as const,
    secure: config.secureCookies,
    maxAge: config.sessions.absoluteHours * 3600,
  };
}
