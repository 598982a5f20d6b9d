import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ROLES } from "../../../domain/access/roles.ts";
import { findDemoClinic } from "../../db/repositories/clinicRemoval.ts";
import { countAllUsers } from "../../db/repositories/users.ts";
import type { SessionRecord } from "../../db/repositories/signInSessions.ts";
import { signIn, signOut, tokenHash } from "../../services/signInSessions.ts";
import { changeOwnPassword } from "../../services/staff.ts";
import { actorOf, requireSession, SESSION_COOKIE, sessionCookieOptions } from "../authentication.ts";
import { fail } from "../../errors.ts";
import { problemSchema, sendFailure } from "../problem.ts";
import { problemResponses, sendOutcome, type RouteContext } from "../routeContext.ts";
import { email, password } from "../schemas.ts";
import { SignInFailures } from "../signInFailures.ts";

const sessionSchema = z.object({
  user: z.object({ id: z.string(), email: z.string(), displayName: z.string(), role: z.enum(ROLES) }),
  clinic: z.object({ id: z.string(), name: z.string(), demo: z.boolean() }),
  /** Echo this in the X-CSRF-Token header on every POST, PATCH, PUT and DELETE. */
  csrfToken: z.string(),
});

function describeSession(session: SessionRecord) {
  return {
    user: { id: session.userId, email: session.email, displayName: session.displayName, role: session.role },
    clinic: { id: session.clinicId, name: session.clinicName, demo: session.clinicDemo },
    csrfToken: session.csrfToken,
  };
}

export function sessionRoutes(app: FastifyInstance, { db, config }: RouteContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const failures = new SignInFailures(config.loginAttemptsPerMinute);

  api.post(
    "/api/v1/session",
    {
      // A flood guard only; wrong passwords are counted by `failures` below, so successful sign-ins from one office never lock it out.
      config: { rateLimit: { max: config.loginAttemptsPerMinute * 10, timeWindow: "1 minute" } },
      schema: {
        tags: ["session"],
        summary: "Sign in",
        body: z.object({ email, password }),
        response: { 200: sessionSchema, 400: problemSchema, 401: problemSchema, 429: problemSchema },
      },
    },
    async (request, reply) => {
      const wait = failures.retryAfter(request.body.email, request.ip);
      if (wait > 0) return sendFailure(reply.header("retry-after", String(wait)), fail("RATE_LIMITED"));
      const outcome = await signIn(db, request.body, config.sessions, request.ip);
      if (!outcome.ok) {
        if (outcome.code === "INVALID_CREDENTIALS") failures.failed(request.body.email, request.ip);
        return sendFailure(reply, outcome);
      }
      failures.succeeded(request.body.email);
      reply.setCookie(SESSION_COOKIE, outcome.value.token, sessionCookieOptions(config));
      return reply.send(describeSession(outcome.value.session));
    },
  );

  api.get(
    "/api/v1/session/state",
    {
      schema: {
        tags: ["session"],
        summary: "Whether anyone is signed in (never 401, so an anonymous page logs no error), whether the demo clinic is loaded, and the address links point at",
        response: {
          200: z.object({ session: sessionSchema.nullable(), demoClinic: z.boolean(), accounts: z.boolean(), publicUrl: z.string().nullable() }),
        },
      },
    },
    async (request) => ({
      session: request.session ? describeSession(request.session) : null,
      demoClinic: (await findDemoClinic(db)) !== null,
      /** False on a server with no staff account yet: the sign-in page then says how to make the first owner. */
      accounts: (await countAllUsers(db)) > 0,
      publicUrl: config.publicUrl?.origin ?? null,
    }),
  );

  api.get(
    "/api/v1/session",
    {
      preHandler: requireSession,
      schema: { tags: ["session"], summary: "Who is signed in", response: { 200: sessionSchema, 401: problemSchema } },
    },
    async (request) => describeSession(request.session!),
  );

  api.delete(
    "/api/v1/session",
    { preHandler: requireSession, schema: { tags: ["session"], summary: "Sign out", response: { 204: z.null(), ...problemResponses } } },
    async (request, reply) => {
      await signOut(db, request.sessionToken!, request.session!, request.ip);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.code(204).send(null);
    },
  );

  api.post(
    "/api/v1/session/password",
    {
      preHandler: requireSession,
      schema: {
        tags: ["session"],
        summary: "Change my password (signs out my other sessions)",
        body: z.object({ currentPassword: password, newPassword: password }),
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) =>
      sendOutcome(
        reply,
        await changeOwnPassword(db, actorOf(request), request.body, tokenHash(request.sessionToken!)),
        204,
      ),
  );
}
