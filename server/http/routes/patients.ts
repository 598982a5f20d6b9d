import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { editPatient, findPatients, registerPatient, viewPatient } from "../../services/patients.ts";
import { actorOf, requireSession } from "../authentication.ts";
import { problemResponses, sendOutcome, type RouteContext } from "../routeContext.ts";
import {
  patientEditInput,
  patientFieldsInput,
  patientIdParam,
  patientSchema,
  patientSearchQuery,
} from "../schemas.ts";

export function patientRoutes(app: FastifyInstance, { db }: RouteContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["patients"];

  api.get(
    "/api/v1/patients",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Find patients by name, date of birth (YYYY-MM-DD or MM/DD/YYYY) or record number",
        querystring: patientSearchQuery,
        response: { 200: z.object({ patients: z.array(patientSchema), total: z.number().int() }), ...problemResponses },
      },
    },
    async (request, reply) => sendOutcome(reply, await findPatients(db, actorOf(request), request.query)),
  );

  api.post(
    "/api/v1/patients",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Register a patient (a record number is assigned when none is given)",
        description:
          "A likely duplicate in this clinic (same name and date of birth, or same date of birth and phone) answers 409 PATIENT_LIKELY_DUPLICATE with `likelyDuplicates`; send `confirmedNotDuplicate: true` to register anyway.",
        body: patientFieldsInput.extend({ confirmedNotDuplicate: z.boolean().default(false) }),
        response: { 201: patientSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { confirmedNotDuplicate, ...fields } = request.body;
      return sendOutcome(reply, await registerPatient(db, actorOf(request), fields, { confirmedNotDuplicate }), 201);
    },
  );

  api.get(
    "/api/v1/patients/:patientId",
    {
      preHandler: requireSession,
      schema: { tags, summary: "A patient's demographics", params: patientIdParam, response: { 200: patientSchema, ...problemResponses } },
    },
    async (request, reply) => sendOutcome(reply, await viewPatient(db, actorOf(request), request.params.patientId)),
  );

  api.patch(
    "/api/v1/patients/:patientId",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Edit demographics; send the version you loaded (409 if someone changed it since)",
        params: patientIdParam,
        body: patientEditInput,
        response: { 200: patientSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { version, ...fields } = request.body;
      return sendOutcome(reply, await editPatient(db, actorOf(request), request.params.patientId, { version, fields }));
    },
  );
}
