import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { MME_FACTORS, type Opioid } from "../../../domain/assessment/mme.ts";
import { addMedication, endMedication, medicationsOf } from "../../services/medications.ts";
import { actorOf, requireSession } from "../authentication.ts";
import { problemResponses, sendOutcome, type RouteContext } from "../routeContext.ts";
import { pastOrPresentDate, patientIdParam } from "../schemas.ts";

const OPIOIDS = Object.keys(MME_FACTORS) as [Opioid, ...Opioid[]];

const medicationSchema = z.object({
  id: z.string(),
  name: z.string(),
  opioid: z.enum(OPIOIDS).nullable(),
  dailyDose: z.number().nullable(),
  startedOn: z.string().nullable(),
  stoppedOn: z.string().nullable(),
  note: z.string().nullable(),
});
const listSchema = z.object({ medications: z.array(medicationSchema), currentMmePerDay: z.number() });

export function medicationRoutes(app: FastifyInstance, { db }: RouteContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["intake"];

  api.get(
    "/api/v1/patients/:patientId/medications",
    { preHandler: requireSession, schema: { tags, summary: "Medications and the current opioid total in MME/day (CDC 2022)", params: patientIdParam, response: { 200: listSchema, ...problemResponses } } },
    async (request, reply) => sendOutcome(reply, await medicationsOf(db, actorOf(request), request.params.patientId)),
  );

  api.post(
    "/api/v1/patients/:patientId/medications",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Add a medication; opioids need their kind and daily dose (mg/day; mcg/hr for transdermal fentanyl)",
        params: patientIdParam,
        body: z
          .object({
            name: z.string().trim().min(1, "Required.").max(200),
            opioid: z.enum(OPIOIDS).nullable().default(null),
            dailyDose: z.number().positive("A dose above 0.").max(100_000).nullable().default(null),
            startedOn: pastOrPresentDate.nullable().default(null),
            note: z.string().trim().max(1000).nullish().transform((v) => v || null),
          })
          .refine((m) => m.opioid === null || m.dailyDose !== null, { message: "Give the daily dose of the opioid.", path: ["dailyDose"] }),
        response: { 201: listSchema, ...problemResponses },
      },
    },
    async (request, reply) => sendOutcome(reply, await addMedication(db, actorOf(request), request.params.patientId, request.body), 201),
  );

  api.post(
    "/api/v1/medications/:medicationId/stop",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Record that a medication was stopped",
        params: z.object({ medicationId: z.uuid() }),
        body: z.object({ stoppedOn: pastOrPresentDate }),
        response: { 200: listSchema, ...problemResponses },
      },
    },
    async (request, reply) => sendOutcome(reply, await endMedication(db, actorOf(request), request.params.medicationId, request.body.stoppedOn)),
  );
}
