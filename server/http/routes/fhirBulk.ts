import { createReadStream } from "node:fs";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { cancelExport, exportFile, exportOf, kickOffExport, manifestOf, statusUrl } from "../../fhir/bulkExportApi.ts";
import { BulkExports, RETRY_AFTER_SECONDS } from "../../fhir/bulkExportJobs.ts";
import type { ExportLevel } from "../../fhir/bulkExportRequest.ts";
import { actorOf, requireSession } from "../authentication.ts";
import { describeFault, sendFailure, sendProblem } from "../problem.ts";
import type { RouteContext } from "../routeContext.ts";

type Query = Record<string, string | string[] | undefined>;

function baseOf(request: FastifyRequest) {
  return `${request.protocol}://${request.host}/fhir/R4`;
}

/**
 * FHIR Bulk Data $export (server/fhir/bulkExportApi.ts): kick-off at the
 * system and Patient level, the status URL (GET to poll, DELETE to cancel),
 * and the NDJSON files. Errors leave as OperationOutcome (the /fhir/R4 prefix).
 */
export function fhirBulkRoutes(app: FastifyInstance, { db, config }: RouteContext) {
  const exports = new BulkExports(db, config.bulkExport, (jobId, error) => app.log.error({ jobId, fault: describeFault(error) }, "FHIR bulk export failed"));
  app.addHook("onReady", () => exports.open());
  app.addHook("onClose", () => exports.close());
  const options = { schema: { hide: true }, preHandler: requireSession };

  const kickOff = (level: ExportLevel) => async (request: FastifyRequest<{ Querystring: Query }>, reply: FastifyReply) => {
    const base = baseOf(request);
    const started = await kickOffExport(
      db,
      exports,
      actorOf(request),
      level,
      { prefer: request.headers.prefer, accept: request.headers.accept },
      request.query,
      { requestUrl: `${request.protocol}://${request.host}${request.url}`, base },
    );
    if (!started.ok) {
      if (started.code === "FHIR_EXPORT_IN_PROGRESS") reply.header("retry-after", String(RETRY_AFTER_SECONDS));
      return sendFailure(reply, started);
    }
    return reply.code(202).header("content-location", statusUrl(base, started.value)).send();
  };
  // A kick-off starts work, so no HEAD twin of it (Fastify adds one to each GET unless told not to).
  const kickOffOptions = { ...options, exposeHeadRoute: false };
  app.get<{ Querystring: Query }>("/fhir/R4/$export", kickOffOptions, kickOff("system"));
  app.get<{ Querystring: Query }>("/fhir/R4/Patient/$export", kickOffOptions, kickOff("patient"));

  app.get<{ Params: { jobId: string } }>("/fhir/R4/$export-status/:jobId", options, async (request, reply) => {
    const found = exportOf(exports, actorOf(request), request.params.jobId);
    if (!found.ok) return sendFailure(reply, found);
    const job = found.value;
    if (job.status === "failed") return sendProblem(reply, "FHIR_EXPORT_FAILED");
    if (job.status === "in-progress") {
      const { done, total } = job.progress;
      return reply
        .code(202)
        .header("x-progress", total > 0 ? `${done} of ${total} patients` : "starting")
        .header("retry-after", String(RETRY_AFTER_SECONDS))
        .send();
    }
    return reply
      .code(200)
      .type("application/json")
      .header("expires", new Date(job.expiresAt!).toUTCString())
      .header("cache-control", "no-store")
      .serializer(JSON.stringify)
      .send(manifestOf(job));
  });

  app.delete<{ Params: { jobId: string } }>("/fhir/R4/$export-status/:jobId", options, async (request, reply) => {
    const cancelled = await cancelExport(exports, actorOf(request), request.params.jobId);
    if (!cancelled.ok) return sendFailure(reply, cancelled);
    return reply.code(202).send();
  });

  app.get<{ Params: { jobId: string; file: string } }>("/fhir/R4/$export-file/:jobId/:file", options, async (request, reply) => {
    const file = await exportFile(db, exports, actorOf(request), request.params.jobId, request.params.file);
    if (!file.ok) return sendFailure(reply, file);
    return reply.code(200).type("application/fhir+ndjson").header("cache-control", "no-store").send(createReadStream(file.value.path));
  });
}
