import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { listMigrations } from "../../db/migrate.ts";
import { overview } from "../../services/backups.ts";
import type { RouteContext } from "../routeContext.ts";

const healthSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  database: z.object({ engine: z.enum(["pglite", "postgres"]), reachable: z.boolean() }),
});

const readySchema = z.object({
  ready: z.boolean(),
  database: z.object({ engine: z.enum(["pglite", "postgres"]), reachable: z.boolean() }),
  migrations: z.object({ known: z.number(), applied: z.number(), missing: z.array(z.string()) }),
  /** So a monitor can alert on a backup that stopped happening; never the folder's path. */
  backup: z.object({
    automatic: z.boolean(),
    everyHours: z.number(),
    lastSuccessAt: z.string().nullable(),
    lastFailureAt: z.string().nullable(),
    /** Automatic backups are on and the newest is more than twice the interval old (or there is none after that long). */
    overdue: z.boolean(),
  }),
});

/** For load balancers and monitors: 200 when the database answers, 503 when it does not. */
export function healthRoutes(app: FastifyInstance, { db, config }: RouteContext) {
  const startedAt = Date.now();
  const known = listMigrations().map((m) => m.version);
  // Readiness: the database answers and every migration this build knows has run (a process started on an older schema is not ready).
  app.withTypeProvider<ZodTypeProvider>().get(
    "/health/ready",
    { schema: { tags: ["system"], summary: "Readiness: the database answers, its schema is this build's; and when the last backup was", response: { 200: readySchema, 503: readySchema } } },
    async (_request, reply) => {
      const applied = await db
        .query<{ version: string }>("select version from schema_migrations")
        .then((rows) => rows.map((r) => r.version))
        .catch(() => null);
      const missing = applied ? known.filter((v) => !applied.includes(v)) : known;
      const ready = applied !== null && missing.length === 0;
      const backups = await overview(db, config.backups);
      const allowedAge = 2 * backups.everyHours * 3_600_000;
      const newest = backups.lastSuccessAt ? Date.parse(backups.lastSuccessAt) : startedAt;
      const overdue = backups.automatic && Date.now() - newest > allowedAge;
      return reply.code(ready ? 200 : 503).send({
        ready,
        database: { engine: db.engine, reachable: applied !== null },
        migrations: { known: known.length, applied: applied?.length ?? 0, missing },
        backup: {
          automatic: backups.automatic,
          everyHours: backups.everyHours,
          lastSuccessAt: backups.lastSuccessAt,
          lastFailureAt: backups.lastFailure?.at ?? null,
          overdue,
        },
      });
    },
  );

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
