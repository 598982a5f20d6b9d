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

export const sessionSchema = z.object({
  user: z.object({ id: z.string(), email: z.string(), displayName: z.string(), role: z.enum(ROLES) }),
  clinic: z.object({ id: z.string(), name: z.string(), demo: z.boolean() }),
  /** Echo this in the X-CSRF-Token header on every POST, PATCH, PUT and DELETE. */
  csrfToken: z.string(),
  twoFactorEnrolmentDue: z
    .boolean()
    .describe("The clinic requires two-factor sign-in and this account has not set it up: until it does, every other route answers 403 TWO_FACTOR_ENROLMENT_REQUIRED."),
});

export function describeSession(session: SessionRecord) {
  return {
    user: { id: session.userId, email: session.email, displayName: session.displayName, role: session.role },
    clinic: { id: session.clinicId, name: session.clinicName, demo: session.clinicDemo },
    csrfToken: session.csrfToken,
    twoFactorEnrolmentDue: session.twoFactorEnrolmentDue,
  };
}

const secondStepSchema = z.object({
  secondFactorRequired: z.literal(true),
  /** Send this as X-CSRF-Token with the second step (POST /api/v1/session/second-factor). */
  csrfToken: z.string(),
});

/** Open while two-factor set-up is due: signing in again, reading the session, signing out. */
const openDuringEnrolment = { duringTwoFactorEnrolment: true };

export function sessionRoutes(app: FastifyInstance, { db, config, signInFailures: failures }: RouteContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    "/api/v1/session",
    {
      // A flood guard only; wrong passwords are counted by `failures` below, so successful sign-ins from one office never lock it out.
      config: { rateLimit: { max: config.loginAttemptsPerMinute * 10, timeWindow: "1 minute" }, ...openDuringEnrolment },
      schema: {
        tags: ["session"],
        summary: "Sign in",
        description:
          "200: signed in. 202: the password is right and the account uses two-factor sign-in: the cookie now holds a sign-in that " +
          "opens only POST /api/v1/session/second-factor, for a few minutes.",
        body: z.object({ email, password }),
        response: { 200: sessionSchema, 202: secondStepSchema, 400: problemSchema, 401: problemSchema, 429: problemSchema },
      },
    },
    async (request, reply) => {
      const wait = await failures.retryAfter(request.body.email, request.ip);
      if (wait > 0) return sendFailure(reply.header("retry-after", String(wait)), fail("RATE_LIMITED"));
      const outcome = await signIn(db, request.body, config.sessions, request.ip);
      if (!outcome.ok) {
        if (outcome.code === "INVALID_CREDENTIALS") await failures.failed(request.body.email, request.ip);
        return sendFailure(reply, outcome);
      }
      const { token, session } = outcome.value;
      reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(config));
      // The account's failures are cleared only once the whole sign-in succeeds: a right password must not wipe the count of wrong codes.
      if (session.awaitingSecondFactor) return reply.code(202).send({ secondFactorRequired: true as const, csrfToken: session.csrfToken });
      await failures.succeeded(request.body.email);
      return reply.send(describeSession(session));
    },
  );

  api.get(
    "/api/v1/session/state",
    {
      config: openDuringEnrolment,
      schema: {
        tags: ["session"],
        summary: "Whether anyone is signed in (never 401, so an anonymous page logs no error), whether the demo clinic is loaded, and the address links point at",
        response: {
          200: z.object({
            session: sessionSchema.nullable(),
            /** A sign-in awaits its second step (the sign-in page then asks for the code). */
            awaitingSecondFactor: z.boolean(),
            demoClinic: z.boolean(),
            accounts: z.boolean(),
            publicUrl: z.string().nullable(),
          }),
        },
      },
    },
    async (request) => ({
      session: request.session ? describeSession(request.session) : null,
      awaitingSecondFactor: request.sessionAwaitingSecondFactor !== null,
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
      config: openDuringEnrolment,
      schema: { tags: ["session"], summary: "Who is signed in", response: { 200: sessionSchema, 401: problemSchema } },
    },
    async (request) => describeSession(request.session!),
  );

  api.delete(
    "/api/v1/session",
    {
      preHandler: requireSession,
      config: openDuringEnrolment,
      schema: { tags: ["session"], summary: "Sign out", response: { 204: z.null(), ...problemResponses } },
    },
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
