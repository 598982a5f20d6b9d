import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { RouteContext } from "../routeContext.ts";

const healthSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  database: z.object({ engine: z.enum(["pglite", "postgres"]), reachable: z.boolean() }),
});

/** For load balancers and monitors: 200 when the database answers, 503 when it does not. */
export function healthRoutes(app: FastifyInstance, { db }: RouteContext) {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/health",
    { schema: { tags: ["system"], summary: "Liveness and database reachability", response: { 200: healthSchema, 503: healthSchema } } },
    async (_request, reply) => {
      const reachable = await db
        .query("select 1")
        .then(() => true)
        .catch(() => false);
      return reply
        .code(reachable ? 200 : 503)
        .send({ status: reachable ? "ok" : "degraded", database: { engine: db.engine, reachable } });
    },
  );
}
