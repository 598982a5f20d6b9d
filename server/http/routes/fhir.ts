import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { capabilityStatement } from "../../fhir/capabilityStatement.ts";
import { fhirEverything, fhirRead, fhirSearch, isSupportedType, type SearchQuery } from "../../fhir/fhirApi.ts";
import { fhirHistory, fhirVersionRead } from "../../fhir/fhirHistory.ts";
import { FHIR_JSON } from "../../fhir/operationOutcome.ts";
import type { Outcome } from "../../errors.ts";
import { actorOf, requireSession } from "../authentication.ts";
import { sendFailure, sendProblem } from "../problem.ts";
import type { RouteContext } from "../routeContext.ts";

const VERSION = (JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "..", "package.json"), "utf8")) as { version: string }).version;
const STARTED = new Date().toISOString();

/** The server's FHIR base as the client reached it, for Bundle fullUrls. */
function urlsOf(request: FastifyRequest) {
  const origin = `${request.protocol}://${request.host}`;
  return { base: `${origin}/fhir/R4`, self: `${origin}${request.url}` };
}

function sendFhir(reply: FastifyReply, outcome: Outcome<unknown>) {
  if (!outcome.ok) return sendFailure(reply, outcome);
  return reply.code(200).type(FHIR_JSON).serializer(JSON.stringify).send(outcome.value);
}

/**
 * FHIR R4 reads under /fhir/R4 (server/fhir/). Errors leave as
 * OperationOutcome through the shared problem sender, which knows the prefix.
 */
export function fhirRoutes(app: FastifyInstance, { db }: RouteContext) {
  const hide = { hide: true }; // FHIR has its own description: /fhir/R4/metadata, not the OpenAPI document.

  app.get("/fhir/R4/metadata", { schema: hide }, async (_request, reply) =>
    reply.type(FHIR_JSON).serializer(JSON.stringify).send(capabilityStatement(VERSION, STARTED)),
  );

  app.get<{ Params: { id: string } }>("/fhir/R4/Patient/:id/$everything", { schema: hide, preHandler: requireSession }, async (request, reply) =>
    sendFhir(reply, await fhirEverything(db, actorOf(request), request.params.id, urlsOf(request))),
  );

  app.get<{ Params: { type: string }; Querystring: SearchQuery }>("/fhir/R4/:type", { schema: hide, preHandler: requireSession }, async (request, reply) => {
    const { type } = request.params;
    if (!isSupportedType(type)) return sendProblem(reply, "FHIR_TYPE_NOT_SUPPORTED", `${type} is not published here.`);
    return sendFhir(reply, await fhirSearch(db, actorOf(request), type, request.query, urlsOf(request)));
  });

  app.get<{ Params: { type: string; id: string } }>("/fhir/R4/:type/:id", { schema: hide, preHandler: requireSession }, async (request, reply) => {
    const { type, id } = request.params;
    if (!isSupportedType(type)) return sendProblem(reply, "FHIR_TYPE_NOT_SUPPORTED", `${type} is not published here.`);
    return sendFhir(reply, await fhirRead(db, actorOf(request), type, id));
  });

  app.get<{ Params: { type: string; id: string } }>("/fhir/R4/:type/:id/_history", { schema: hide, preHandler: requireSession }, async (request, reply) => {
    const { type, id } = request.params;
    if (!isSupportedType(type)) return sendProblem(reply, "FHIR_TYPE_NOT_SUPPORTED", `${type} is not published here.`);
    return sendFhir(reply, await fhirHistory(db, actorOf(request), type, id, urlsOf(request)));
  });

  app.get<{ Params: { type: string; id: string; vid: string } }>(
    "/fhir/R4/:type/:id/_history/:vid",
    { schema: hide, preHandler: requireSession },
    async (request, reply) => {
      const { type, id, vid } = request.params;
      if (!isSupportedType(type)) return sendProblem(reply, "FHIR_TYPE_NOT_SUPPORTED", `${type} is not published here.`);
      return sendFhir(reply, await fhirVersionRead(db, actorOf(request), type, id, vid));
    },
  );
}
