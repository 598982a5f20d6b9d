import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { backUpNow, backupsOverview } from "../../services/backups.ts";
import { actorOf, requireSession } from "../authentication.ts";
import { problemResponses, sendOutcome, type RouteContext } from "../routeContext.ts";

const backupFileSchema = z.object({ name: z.string(), kind: z.enum(["automatic", "manual"]), takenAt: z.string(), bytes: z.number() });

export const backupsOverviewSchema = z.object({
  automatic: z.boolean(),
  everyHours: z.number(),
  keep: z.number(),
  folder: z.string(),
  engine: z.enum(["pglite", "postgres"]),
  backups: z.array(backupFileSchema),
  lastSuccessAt: z.string().nullable(),
  lastFailure: z.object({ at: z.string(), problem: z.string() }).nullable(),
});

export function backupRoutes(app: FastifyInstance, { db, config }: RouteContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["backups"];

  api.get(
    "/api/v1/backups",
    {
      preHandler: requireSession,
      schema: { tags, summary: "The server's backups: schedule, files with their sizes, last success and failure (owners)", response: { 200: backupsOverviewSchema, ...problemResponses } },
    },
    async (request, reply) => sendOutcome(reply, await backupsOverview(db, config.backups, actorOf(request))),
  );

  api.post(
    "/api/v1/backups",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Take a backup of the whole database now into the backup folder (owners); on the embedded database other requests wait while it is written",
        response: { 201: backupFileSchema, ...problemResponses, 500: problemResponses[400] },
      },
    },
    async (request, reply) => sendOutcome(reply, await backUpNow(db, config.backups, actorOf(request)), 201),
  );
}
