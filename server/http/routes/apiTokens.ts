import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { API_TOKEN_SCOPES } from "../../../domain/access/apiTokens.ts";
import { apiTokensOf, createApiToken, revokeToken } from "../../services/apiTokens.ts";
import { actorOf, requireSession } from "../authentication.ts";
import { problemResponses, sendOutcome, type RouteContext } from "../routeContext.ts";

const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  scope: z.enum(API_TOKEN_SCOPES),
  tokenPrefix: z.string(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export function apiTokenRoutes(app: FastifyInstance, { db }: RouteContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["api tokens"];

  api.post(
    "/api/v1/api-tokens",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Create an API token for another system (owners); the token is in this answer only, and only its hash is kept",
        body: z.object({
          name: z.string("Name the token after the system that will use it.").trim().min(1, "Name the token after the system that will use it.").max(80, "At most 80 characters."),
          scope: z.enum(API_TOKEN_SCOPES, "Choose read FHIR only, read, or read and write."),
        }),
        response: { 201: z.object({ token: z.string(), apiToken: apiTokenSchema }), ...problemResponses },
      },
    },
    async (request, reply) => sendOutcome(reply, await createApiToken(db, actorOf(request), request.body), 201),
  );

  api.get(
    "/api/v1/api-tokens",
    { preHandler: requireSession, schema: { tags, summary: "The clinic's API tokens, live first (owners); never the tokens themselves", response: { 200: z.array(apiTokenSchema), ...problemResponses } } },
    async (request, reply) => sendOutcome(reply, await apiTokensOf(db, actorOf(request))),
  );

  api.post(
    "/api/v1/api-tokens/:tokenId/revoke",
    {
      preHandler: requireSession,
      schema: { tags, summary: "Revoke an API token at once (owners)", params: z.object({ tokenId: z.uuid("Not a token id.") }), response: { 200: apiTokenSchema, ...problemResponses } },
    },
    async (request, reply) => sendOutcome(reply, await revokeToken(db, actorOf(request), request.params.tokenId)),
  );
}
