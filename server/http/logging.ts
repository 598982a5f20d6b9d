/**
 * Request logs carry method, path, status and timing only. Query strings are
 * dropped (a search for a patient's name lives there) and bodies are never
 * logged, so no patient data reaches the logs. A report link's token is in
 * its path and opens a patient's questionnaire, a calendar feed's token opens
 * a practitioner's appointments: each is logged as [token].
 */
import type { FastifyServerOptions } from "fastify";

const TOKEN_IN_PATH = /^(\/r\/|\/api\/v1\/report\/|\/ical\/)[^/]+/;

/** The path a log line names: no query string, no secret. */
export const loggedPath = (url: string) => url.split("?")[0]!.replace(TOKEN_IN_PATH, "$1[token]");

export function loggerOptions(level: string, stream?: NodeJS.WritableStream): FastifyServerOptions["logger"] {
  return {
    level,
    ...(stream && { stream }),
    serializers: {
      req: (request: { method: string; url: string }) => ({ method: request.method, path: loggedPath(request.url) }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
    },
  };
}
