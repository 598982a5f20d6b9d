/**
 * The clinic's questionnaires: each instrument as the clinic's forms show it,
 * and the owner's import of licensed wording as a FHIR R4 Questionnaire.
 */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { importWording, questionnairesOf, removeWording } from "../../services/instrumentWordings.ts";
import { actorOf, requireSession } from "../authentication.ts";
import { problemResponses, sendOutcome, type RouteContext } from "../routeContext.ts";

const optionSchema = z.object({ value: z.number(), label: z.string() });
export const formSchema = z.object({
  id: z.string(),
  name: z.string(),
  version: z.string(),
  items: z.array(z.object({ id: z.string(), shortLabel: z.string(), label: z.string(), options: z.array(optionSchema) })),
  wording: z.object({ title: z.string(), copyright: z.string().nullable() }).nullable(),
  /** Whether a patient at home can answer it: our own questions (NRS, PEG) or the clinic's licensed wording loaded. */
  patientReady: z.boolean(),
});
const questionnaireSchema = formSchema.extend({ owner: z.string(), licence: z.string(), importedAt: z.string().nullable() });
const instrumentParam = z.object({ instrument: z.string().max(40) });

export function questionnaireRoutes(app: FastifyInstance, { db }: RouteContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["instruments"];

  api.get(
    "/api/v1/questionnaires",
    {
      preHandler: requireSession,
      schema: { tags, summary: "Every instrument as this clinic's forms show it (licensed wording where loaded)", response: { 200: z.array(questionnaireSchema), ...problemResponses } },
    },
    async (request, reply) => sendOutcome(reply, await questionnairesOf(db, actorOf(request))),
  );

  api.put(
    "/api/v1/questionnaires/:instrument/wording",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Load licensed wording (owners): the body is a FHIR R4 Questionnaire whose questions and scored answers map onto the instrument",
        params: instrumentParam,
        body: z.looseObject({ resourceType: z.string() }),
        response: { 200: z.object({ questionnaire: questionnaireSchema, notes: z.array(z.string()) }), ...problemResponses },
      },
    },
    async (request, reply) => sendOutcome(reply, await importWording(db, actorOf(request), request.params.instrument, request.body)),
  );

  api.delete(
    "/api/v1/questionnaires/:instrument/wording",
    {
      preHandler: requireSession,
      schema: { tags, summary: "Remove the clinic's wording (owners); forms go back to Acuback's short labels", params: instrumentParam, response: { 204: z.null(), ...problemResponses } },
    },
    async (request, reply) => {
      const outcome = await removeWording(db, actorOf(request), request.params.instrument);
      return outcome.ok ? reply.code(204).send(null) : sendOutcome(reply, outcome);
    },
  );
}
