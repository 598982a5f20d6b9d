import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { fail, type Outcome } from "../../errors.ts";
import { clinicTwoFactor, requireTwoFactor, resetStaffTwoFactor } from "../../services/twoFactorAdministration.ts";
import { confirmEnrolment, ownTwoFactorStatus, renewRecoveryCodes, startEnrolment, turnOffOwnTwoFactor } from "../../services/twoFactorEnrolment.ts";
import { actorOf, requireSession } from "../authentication.ts";
import { sendFailure } from "../problem.ts";
import { problemResponses, sendOutcome, type RouteContext } from "../routeContext.ts";
import { userIdParam } from "../schemas.ts";
import { authenticatorCode, secondFactorProof } from "../twoFactorSchemas.ts";

const recoveryCodesSchema = z.object({
  recoveryCodes: z.array(z.string()).describe("Shown in this answer only: each works once, in place of a code from the app."),
});

/** Open while the clinic's required set-up is still due: it is what such a session is for. */
const openDuringEnrolment = { duringTwoFactorEnrolment: true };

/** A staff member's own two-factor sign-in, and the owner's view and controls of the clinic's. */
export function twoFactorRoutes(app: FastifyInstance, { db, twoFactorKeys: keys, signInFailures: failures }: RouteContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["two-factor sign-in"];

  /**
   * Operations that take a code are limited like signing in: a stolen, open
   * session must not be able to guess its way to new recovery codes.
   */
  async function withCodeLimit<T>(request: FastifyRequest, reply: FastifyReply, work: () => Promise<Outcome<T>>, status = 200) {
    const email = request.session!.email;
    const wait = await failures.retryAfter(email, request.ip);
    if (wait > 0) return sendFailure(reply.header("retry-after", String(wait)), fail("RATE_LIMITED"));
    const outcome = await work();
    if (!outcome.ok && outcome.code === "CURRENT_CODE_WRONG") await failures.failed(email, request.ip);
    return sendOutcome(reply, outcome, status);
  }

  api.get(
    "/api/v1/users/me/two-factor",
    {
      preHandler: requireSession,
      config: openDuringEnrolment,
      schema: {
        tags,
        summary: "Whether my two-factor sign-in is off, started (not yet confirmed) or on, how many recovery codes are left, and whether the clinic requires it",
        response: {
          200: z.object({ status: z.enum(["off", "pending", "on"]), recoveryCodesLeft: z.number().int().nullable(), requiredByClinic: z.boolean() }),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => sendOutcome(reply, await ownTwoFactorStatus(db, actorOf(request))),
  );

  api.post(
    "/api/v1/users/me/two-factor",
    {
      preHandler: requireSession,
      config: openDuringEnrolment,
      schema: {
        tags,
        summary: "Start setting up two-factor sign-in: a new secret for an authenticator app (starting again replaces an unconfirmed one)",
        description: "The secret is in this answer only, as the otpauth:// address, its QR code (drawn on the server) and base32. It is not in use until confirmed.",
        response: {
          201: z.object({
            otpauthUri: z.string(),
            secret: z.string().describe("Base32, for typing into an app that cannot scan."),
            qrCode: z.string().describe("data:image/svg+xml;base64,… of the otpauth:// address."),
          }),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => sendOutcome(reply, await startEnrolment(db, keys, actorOf(request)), 201),
  );

  api.post(
    "/api/v1/users/me/two-factor/confirm",
    {
      preHandler: requireSession,
      config: openDuringEnrolment,
      schema: {
        tags,
        summary: "Turn two-factor sign-in on with the app's current code; answers the recovery codes",
        body: z.object({ code: authenticatorCode }),
        response: { 200: recoveryCodesSchema, ...problemResponses },
      },
    },
    async (request, reply) => withCodeLimit(request, reply, () => confirmEnrolment(db, keys, actorOf(request), request.body.code)),
  );

  api.post(
    "/api/v1/users/me/two-factor/recovery-codes",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Make new recovery codes with the app's current code (the old ones stop working)",
        body: z.object({ code: authenticatorCode }),
        response: { 200: recoveryCodesSchema, ...problemResponses },
      },
    },
    async (request, reply) => withCodeLimit(request, reply, () => renewRecoveryCodes(db, keys, actorOf(request), request.body.code)),
  );

  api.post(
    "/api/v1/users/me/two-factor/turn-off",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Turn my two-factor sign-in off, with the app's current code or a recovery code",
        body: secondFactorProof,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => withCodeLimit(request, reply, () => turnOffOwnTwoFactor(db, keys, actorOf(request), request.body), 204),
  );

  api.delete(
    "/api/v1/users/:userId/two-factor",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Clear a staff member's two-factor sign-in and recovery codes (owners; a lost phone)",
        description: "They then sign in with their password alone, or must set it up again first when the clinic requires it. Audited. One's own is turned off with a code instead (409).",
        params: userIdParam,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => sendOutcome(reply, await resetStaffTwoFactor(db, actorOf(request), request.params.userId), 204),
  );

  const clinicSchema = z.object({ required: z.boolean(), enrolledUserIds: z.array(z.string()).describe("Staff whose two-factor sign-in is on.") });

  api.get(
    "/api/v1/clinic/two-factor",
    {
      preHandler: requireSession,
      schema: { tags, summary: "Whether the clinic requires two-factor sign-in, and who has it on (owners)", response: { 200: clinicSchema, ...problemResponses } },
    },
    async (request, reply) => sendOutcome(reply, await clinicTwoFactor(db, actorOf(request))),
  );

  api.put(
    "/api/v1/clinic/two-factor",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Require (or stop requiring) two-factor sign-in of every staff member (owners, who must have it on themselves)",
        description: "While it is required, a staff member without it can only set it up after signing in: every other route answers 403 TWO_FACTOR_ENROLMENT_REQUIRED.",
        body: z.object({ required: z.boolean() }),
        response: { 200: clinicSchema, ...problemResponses },
      },
    },
    async (request, reply) => sendOutcome(reply, await requireTwoFactor(db, actorOf(request), request.body.required)),
  );
}
