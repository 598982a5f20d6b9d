import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { TEXT_LIMITS } from "../../../domain/plausibility/textLimits.ts";
import { ROLES } from "../../../domain/access/roles.ts";
import { addStaff, changeOwnBackground, changeStaff, listStaff, ownAccount } from "../../services/staff.ts";
import { actorOf, requireSession } from "../authentication.ts";
import { problemResponses, sendOutcome, type RouteContext } from "../routeContext.ts";
import { email, password, staffSchema, userIdParam } from "../schemas.ts";

const displayName = z.string().trim().min(1).max(200);
/** Years in practice, training, licence (STRICTA 5); an empty text clears it. */
const background = z
  .string()
  .trim()
  .max(TEXT_LIMITS.background)
  .nullable()
  .transform((v) => (v ? v : null));

/** Owners manage their clinic's accounts. */
export function staffRoutes(app: FastifyInstance, { db, rateCounter }: RouteContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["staff"];

  api.get(
    "/api/v1/users",
    { preHandler: requireSession, schema: { tags, summary: "List the clinic's accounts", response: { 200: z.array(staffSchema), ...problemResponses } } },
    async (request, reply) => sendOutcome(reply, await listStaff(db, actorOf(request))),
  );

  api.post(
    "/api/v1/users",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Add a practitioner, front-desk user or owner",
        body: z.object({ email, displayName, role: z.enum(ROLES), password }),
        response: { 201: staffSchema, ...problemResponses },
      },
    },
    async (request, reply) => sendOutcome(reply, await addStaff(db, actorOf(request), request.body, rateCounter), 201),
  );

  api.patch(
    "/api/v1/users/:userId",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Change an account's role, name or background (years in practice, training, licence), or deactivate it",
        params: userIdParam,
        body: z
          .object({ role: z.enum(ROLES).optional(), active: z.boolean().optional(), displayName: displayName.optional(), background: background.optional() })
          .refine((body) => Object.values(body).some((value) => value !== undefined), "Name at least one change."),
        response: { 200: staffSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      sendOutcome(reply, await changeStaff(db, actorOf(request), request.params.userId, request.body)),
  );

  api.get(
    "/api/v1/users/me",
    { preHandler: requireSession, schema: { tags, summary: "My own account, with my background", response: { 200: staffSchema, ...problemResponses } } },
    async (request, reply) => sendOutcome(reply, await ownAccount(db, actorOf(request))),
  );

  api.patch(
    "/api/v1/users/me",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Keep my own background (years in practice, training, licence) up to date; it goes into the STRICTA record",
        body: z.object({ background }),
        response: { 200: staffSchema, ...problemResponses },
      },
    },
    async (request, reply) => sendOutcome(reply, await changeOwnBackground(db, actorOf(request), request.body.background)),
  );
}
