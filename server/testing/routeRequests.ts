/**
 * Sending any route's request as a signed-in agent (or no one), with a body
 * given as a value or as raw JSON text (for input JSON.stringify cannot write,
 * such as 10,000 levels of nesting), and keeping a tally of failures to
 * compare with a checked-in list of known ones.
 */
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { Agent } from "./testClinic.ts";
import type { RouteOperation } from "./openApiRoutes.ts";

export async function send(
  app: FastifyInstance,
  agent: Agent | null,
  operation: RouteOperation,
  url: string,
  body?: { json: unknown } | { raw: string; contentType?: string },
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {};
  if (agent) {
    headers.cookie = agent.cookie;
    if (operation.method !== "GET") headers["x-csrf-token"] = agent.csrfToken;
  }
  let payload: string | undefined;
  if (body) {
    headers["content-type"] = ("contentType" in body && body.contentType) || "application/json";
    payload = "raw" in body ? body.raw : JSON.stringify(body.json);
  }
  const response = await app.inject({ method: operation.method, url, headers, ...(payload !== undefined && { payload }) });
  if (process.env.ROUTE_DEBUG && (response.statusCode === 400 || response.statusCode >= 500)) console.log(`## ${operation.key} ${response.statusCode} ${(payload ?? "").slice(0, 120)} -> ${response.body.slice(0, 300)}`);
  return response;
}

/** Failures found, compared at the end with the known ones: a new failure or a known one that now passes both fail. */
export class FailureTally {
  readonly found: string[] = [];
  attempts = 0;
  add(failure: string): void {
    this.found.push(failure);
  }
  /** Failures of this tally not in `known`, and known ones of this phase that did not happen. */
  compare(known: Readonly<Record<string, string>>, phase: string): { unexpected: string[]; nowPassing: string[] } {
    const ofPhase = Object.keys(known).filter((k) => k.startsWith(`${phase}: `));
    return {
      unexpected: this.found.filter((f) => !ofPhase.includes(f)),
      nowPassing: ofPhase.filter((k) => !this.found.includes(k)),
    };
  }
}
