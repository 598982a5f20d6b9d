import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { deleteSession } from "../../db/repositories/signInSessions.ts";
import { fail } from "../../errors.ts";
import { completeSignIn } from "../../services/secondFactorSignIn.ts";
import { tokenHash } from "../../services/signInSessions.ts";
import { SESSION_COOKIE, sessionCookieOptions } from "../authentication.ts";
import { problemSchema, sendFailure, sendProblem } from "../problem.ts";
import type { RouteContext } from "../routeContext.ts";
import { secondFactorProof } from "../twoFactorSchemas.ts";
import { describeSession, sessionSchema } from "./signInSession.ts";

/** The sign-in's second step: the authenticator's code, or a recovery code, after POST /api/v1/session answered 202. */
export function secondFactorSignInRoutes(app: FastifyInstance, { db, config, twoFactorKeys, signInFailures: failures }: RouteContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    "/api/v1/session/second-factor",
    {
      config: { rateLimit: { max: config.loginAttemptsPerMinute * 10, timeWindow: "1 minute" } },
      schema: {
        tags: ["session"],
        summary: "Finish signing in with the authenticator app's current code (one step either side is accepted) or an unused recovery code",
        description:
          "Needs the cookie and CSRF token from the 202 of POST /api/v1/session. A code of a time step already used is refused (401 SECOND_FACTOR_CODE_USED). " +
          "Wrong codes count toward the same per-account and per-address limit as wrong passwords (429 with Retry-After). " +
          "On success the cookie is replaced by a new full session.",
        body: secondFactorProof,
        response: {
          200: sessionSchema.extend({ recoveryCodesLeft: z.number().int().nullable().describe("After a recovery code: how many unused ones are left.") }),
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          429: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const awaiting = request.sessionAwaitingSecondFactor;
      if (!awaiting) return sendProblem(reply, "UNAUTHENTICATED", "The sign-in has expired or was finished; enter your e-mail and password again.");
      const wait = await failures.retryAfter(awaiting.email, request.ip);
      if (wait > 0) return sendFailure(reply.header("retry-after", String(wait)), fail("RATE_LIMITED"));
      const outcome = await completeSignIn(db, twoFactorKeys, { token: request.sessionToken!, session: awaiting }, request.body, config.sessions, request.ip);
      if (!outcome.ok) {
        await failures.failed(awaiting.email, request.ip);
        return sendFailure(reply, outcome);
      }
      await failures.succeeded(awaiting.email);
      reply.setCookie(SESSION_COOKIE, outcome.value.token, sessionCookieOptions(config));
      return reply.send({ ...describeSession(outcome.value.session), recoveryCodesLeft: outcome.value.recoveryCodesLeft });
    },
  );

  api.delete(
    "/api/v1/session/second-factor",
    {
      schema: {
        tags: ["session"],
        summary: "Give up a sign-in that awaits its second step (start again with the password)",
        response: { 204: z.null(), 401: problemSchema, 403: problemSchema },
      },
    },
    async (request, reply) => {
      if (!request.sessionAwaitingSecondFactor) return sendProblem(reply, "UNAUTHENTICATED");
      await deleteSession(db, tokenHash(request.sessionToken!));
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.code(204).send(null);
    },
  );
}
