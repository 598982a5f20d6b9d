import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { TEXT_LIMITS } from "../../../domain/plausibility/textLimits.ts";
import { MME_FACTORS, type Opioid } from "../../../domain/assessment/mme.ts";
import { addMedication, correctMedication, endMedication, medicationRevisions, medicationsOf } from "../../services/medications.ts";
import { actorOf, requireSession } from "../authentication.ts";
import { correctionBody, revisedSchema, revisionSchema } from "../correctionSchemas.ts";
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
  enteredInError: z.boolean(),
  revisedAt: z.string().nullable(),
});
const medicationFields = z.object({
  name: z.string().trim().min(1).max(200),
  opioid: z.enum(OPIOIDS).nullable().default(null),
  // An opioid's dose is judged by its MME/day against the clinic's limits (services/medications.ts); this bounds the rest.
  dailyDose: z.number().positive().max(100_000).nullable().default(null),
  startedOn: pastOrPresentDate.nullable().default(null),
  note: z.string().trim().max(TEXT_LIMITS.medicationNote).nullish().transform((v) => v || null),
});
const needsDose = { message: "Give the daily dose of the opioid.", path: ["dailyDose"] };
/** Set when the user has seen the very-high-dose warning and saves the dose as typed. */
const confirmHighDose = { confirmHighDose: z.boolean().default(false) };
const medicationInput = medicationFields.extend(confirmHighDose).refine((m) => m.opioid === null || m.dailyDose !== null, needsDose);
/** A correction gives the whole medication as it should stand, its stop date included (null: not stopped). */
const medicationValues = medicationFields
  .extend({ stoppedOn: pastOrPresentDate.nullable().default(null) })
  .refine((m) => m.opioid === null || m.dailyDose !== null, needsDose);

const listSchema = z.object({ medications: z.array(medicationSchema), currentMmePerDay: z.number() });

export function medicationRoutes(app: FastifyInstance, { db, config }: RouteContext) {
  const doseCheck = (confirmedHighDose: boolean) => ({ limits: config.doseLimits, confirmedHighDose });
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
        body: medicationInput,
        response: { 201: listSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { confirmHighDose: confirmed, ...fields } = request.body;
      return sendOutcome(reply, await addMedication(db, actorOf(request), request.params.patientId, fields, doseCheck(confirmed)), 201);
    },
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

  const medicationIdParam = z.object({ medicationId: z.uuid("Not a medication id.") });

  api.post(
    "/api/v1/medications/:medicationId/corrections",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Correct a medication (its stop included) with a reason, or mark it entered in error; the entry as first made is kept",
        params: medicationIdParam,
        body: correctionBody(medicationValues).and(z.object(confirmHighDose)),
        response: { 201: revisedSchema, ...problemResponses },
      },
    },
    async (request, reply) => sendOutcome(reply, await correctMedication(db, actorOf(request), request.params.medicationId, request.body, doseCheck(request.body.confirmHighDose)), 201),
  );

  api.get(
    "/api/v1/medications/:medicationId/revisions",
    {
      preHandler: requireSession,
      schema: { tags, summary: "A medication's stop and corrections, with the values before and after each", params: medicationIdParam, response: { 200: z.array(revisionSchema), ...problemResponses } },
    },
    async (request, reply) => sendOutcome(reply, await medicationRevisions(db, actorOf(request), request.params.medicationId, config.doseLimits)),
  );
}
