/**
 * POST /fhir/R4: a batch or transaction Bundle of Patient resources from
 * another system (server/fhir/patientImport.ts). FHIR clients send
 * application/fhir+json, read here as JSON; a Bundle may be larger than an
 * ordinary request, up to the entry limit.
 */
import type { FastifyInstance } from "fastify";
import type { Bundle } from "@medplum/fhirtypes";
import { importPatientBundle } from "../../fhir/patientImport.ts";
import { FHIR_JSON } from "../../fhir/operationOutcome.ts";
import { actorOf, requireSession } from "../authentication.ts";
import { sendFailure, sendProblem } from "../problem.ts";
import type { RouteContext } from "../routeContext.ts";

/** About 2 KB per Patient at the entry limit, with room to spare. */
const BUNDLE_LIMIT = 16 * 1024 * 1024;

export function fhirImportRoutes(app: FastifyInstance, { db }: RouteContext) {
  void app.register(async (scope) => {
    scope.addContentTypeParser(["application/fhir+json", "application/json+fhir"], { parseAs: "string", bodyLimit: BUNDLE_LIMIT }, (_request, body, done) => {
      try {
        done(null, JSON.parse(body as string));
      } catch {
        done(Object.assign(new Error("The body is not JSON."), { statusCode: 400 }), undefined);
      }
    });
    scope.post("/fhir/R4", { schema: { hide: true }, bodyLimit: BUNDLE_LIMIT, preHandler: requireSession }, async (request, reply) => {
      const body = request.body as Partial<Bundle> | null;
      if (typeof body !== "object" || body === null || body.resourceType !== "Bundle") {
        return sendProblem(reply, "FHIR_BUNDLE_INVALID", "POST /fhir/R4 takes a Bundle (resourceType \"Bundle\", type \"batch\" or \"transaction\").");
      }
      const outcome = await importPatientBundle(db, actorOf(request), body as Bundle);
      if (!outcome.ok) return sendFailure(reply, outcome);
      return reply.code(outcome.value.status).type(FHIR_JSON).serializer(JSON.stringify).send(outcome.value.body);
    });
  });
}
