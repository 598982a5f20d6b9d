/**
 * Owners import an NPPES file from the web (services/directoryUploads.ts):
 * POST announces it, PUT …/file sends the bytes (streamed to disk, never
 * parsed as a body), and GET …/events follows it as server-sent events.
 * Events need no database once the stream is open: on the embedded database
 * the import's transaction holds it for as long as the import runs.
 */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { Readable } from "node:stream";
import { z } from "zod";
import { recentDirectoryImports } from "../../db/repositories/directoryLookup.ts";
import { DirectoryUploads, type DirectoryUpload } from "../../services/directoryUploads.ts";
import { denied } from "../../services/actor.ts";
import { actorOf, requireSession } from "../authentication.ts";
import { sendFailure, sendProblem } from "../problem.ts";
import { problemResponses, sendOutcome, type RouteContext } from "../routeContext.ts";

const reportSchema = z.object({
  file: z.string(),
  mode: z.enum(["full", "weekly"]),
  bytesRead: z.number(),
  rowsRead: z.number(),
  matched: z.number(),
  imported: z.number(),
  updated: z.number(),
  removed: z.number(),
  skipped: z.object({ unchanged: z.number(), olderThanStored: z.number(), deactivated: z.number() }),
  removedBy: z.object({ deactivated: z.number(), taxonomyDropped: z.number(), absentFromFullFile: z.number() }),
  locationApproximate: z.number(),
  malformed: z.object({ count: z.number(), rows: z.array(z.object({ line: z.number(), reason: z.string() })) }),
  seconds: z.number(),
});

const uploadSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  mode: z.enum(["full", "weekly"]).nullable(),
  phase: z.enum(["waiting", "receiving", "importing", "done", "failed"]),
  bytesExpected: z.number(),
  bytesReceived: z.number(),
  bytesScanned: z.number(),
  fileBytes: z.number(),
  rowsRead: z.number(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  report: reportSchema.nullable(),
  problem: z.string().nullable(),
});

const idParam = z.object({ importId: z.uuid() });
const responses = { ...problemResponses, 413: problemResponses[400] };
/** What a browser labels an NPPES file with; all are read the same way, as bytes. */
const FILE_TYPES = ["application/octet-stream", "application/zip", "application/x-zip-compressed", "text/csv"];

export function directoryImportRoutes(app: FastifyInstance, { db, config }: RouteContext) {
  const uploads = new DirectoryUploads(db, config.nppesUpload);
  app.addHook("onClose", () => uploads.idle());
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["directory"];

  api.get(
    "/api/v1/directory/imports",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "The directory's last imports with their reports (owners)",
        response: {
          200: z.array(z.object({ fileName: z.string(), mode: z.enum(["full", "weekly"]), finishedAt: z.string(), providers: z.number(), report: z.unknown() })),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const refused = denied(actorOf(request), "directory.import");
      if (refused) return sendFailure(reply, refused);
      return recentDirectoryImports(db, 5);
    },
  );

  api.post(
    "/api/v1/directory/imports",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Announce an NPPES file to import from the web (owners): its name and size; then PUT its bytes to …/file",
        body: z.object({ fileName: z.string().trim().min(1).max(255), size: z.number().int().min(1), mode: z.enum(["full", "weekly"]).optional() }),
        response: { 201: uploadSchema, ...responses },
      },
    },
    async (request, reply) => sendOutcome(reply, uploads.create(actorOf(request), request.body), 201),
  );

  api.get(
    "/api/v1/directory/imports/:importId",
    { preHandler: requireSession, schema: { tags, summary: "An import's progress and, at the end, its report (owners)", params: idParam, response: { 200: uploadSchema, ...problemResponses } } },
    async (request, reply) => sendOutcome(reply, uploads.status(actorOf(request), request.params.importId)),
  );

  api.get(
    "/api/v1/directory/imports/:importId/events",
    { preHandler: requireSession, schema: { tags, summary: "Server-sent events: the import's progress until it is done or failed (owners)", params: idParam } },
    async (request, reply) => {
      const states: DirectoryUpload[] = [];
      let write: ((view: DirectoryUpload) => void) | null = null;
      const followed = uploads.follow(actorOf(request), request.params.importId, (view) => (write ? write(view) : states.push(view)));
      if (!followed.ok) return sendFailure(reply, followed);
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff", connection: "keep-alive" });
      const stop = () => {
        followed.value();
        raw.end();
      };
      write = (view) => {
        raw.write(`data: ${JSON.stringify(view)}\n\n`);
        if (view.phase === "done" || view.phase === "failed") stop();
      };
      request.raw.on("close", () => followed.value());
      for (const view of states) write(view);
    },
  );

  // The file's bytes go to disk as they arrive: this scope reads the body as a stream, with no body limit but the service's own.
  void app.register(async (scope) => {
    scope.addContentTypeParser(FILE_TYPES, (_request, payload, done) => done(null, payload));
    scope.withTypeProvider<ZodTypeProvider>().put(
      "/api/v1/directory/imports/:importId/file",
      {
        preHandler: requireSession,
        bodyLimit: Number.MAX_SAFE_INTEGER,
        schema: {
          tags,
          summary: "The NPPES file's bytes (csv or zip, as application/octet-stream), streamed to disk; the import then starts (owners). 413 past ACUBACK_NPPES_UPLOAD_MAX_MB",
          params: idParam,
          response: { 202: uploadSchema, ...responses },
        },
      },
      async (request, reply) => {
        if (!(request.body instanceof Readable)) return sendProblem(reply, "UNSUPPORTED_MEDIA_TYPE", `Send the file's bytes as the body, labelled ${FILE_TYPES.join(", ")}.`);
        const length = request.headers["content-length"] ? Number(request.headers["content-length"]) : null;
        const outcome = await uploads.receive(actorOf(request), request.params.importId, request.body, Number.isFinite(length) ? length : null);
        return sendOutcome(reply, outcome, 202);
      },
    );
  });
}
