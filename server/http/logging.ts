/**
 * Request logs carry method, path, status and timing only. Query strings are
 * dropped (a search for a patient's name lives there) and bodies are never
 * logged, so no patient data reaches the logs.
 */
import type { FastifyServerOptions } from "fastify";

export function loggerOptions(level: string, stream?: NodeJS.WritableStream): FastifyServerOptions["logger"] {
  return {
    level,
    ...(stream && { stream }),
    serializers: {
      req: (request: { method: string; url: string }) => ({ method: request.method, path: request.url.split("?")[0] }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
    },
  };
}
