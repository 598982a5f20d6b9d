import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { claimLines } from "../../../domain/coverage/cpt.ts";
import { checkMedicare } from "../../../domain/coverage/ncd30_3_3.ts";
import { COVERAGE_MODALITIES } from "../../../domain/coverage/types.ts";
import type { VisitDescription } from "../../../domain/coverage/types.ts";
import type { PatientId } from "../../../domain/shared/brand.ts";
import { calendarDateOf } from "../../../domain/shared/calendarDate.ts";
import {
  billingDetailsOf,
  feeScheduleOf,
  patientCoverageOf,
  payerPlansOf,
  savePayerPlan,
  setBillingDetails,
  setFeeSchedule,
  setPatientCoverage,
} from "../../services/billingSetup.ts";
import { superbillFor } from "../../services/superbills.ts";
import { visitCoverage } from "../../services/visitCoverage.ts";
import { visitsAtRisk } from "../../services/visitsAtRisk.ts";
import { nextVisitCoverage } from "../../services/nextVisit.ts";
import { findVisit } from "../../db/repositories/visits.ts";
import { sendFailure } from "../problem.ts";
import { actorOf, requireSession } from "../authentication.ts";
import { claimLinesSchema, coverageResultSchema, visitDescriptionSchema } from "../coverageSchemas.ts";
import { npiProblem } from "../../../domain/directory/npi.ts";
import { ENTITY_TYPES } from "../../../domain/directory/provider.ts";
import { problemResponses, sendOutcome, type RouteContext } from "../routeContext.ts";
import { calendarDate, patientIdParam } from "../schemas.ts";

const text = (max: number) => z.string().trim().max(max).nullish().transform((v) => v || null);
const textOut = z.string().nullable();
/** The clinic's and each provider's NPI must carry its check digit (CMS: Luhn over 80840 + nine digits; domain/directory/npi.ts), which catches a mistyped digit. */
const npi = z
  .string()
  .trim()
  .refine((v) => v === "" || npiProblem(v) === null, { error: (issue) => npiProblem(String(issue.input)) ?? "Not a valid NPI." })
  .nullish()
  .transform((v) => v || null);

const coverageInput = z.object({
  payer: z.enum(["medicare", "plan", "self-pay"]),
  planId: z.uuid().nullish().transform((v) => v ?? null),
  memberId: text(40),
  priorAuthNumber: text(40),
  priorAuthFrom: calendarDate.nullish().transform((v) => v ?? null),
  priorAuthTo: calendarDate.nullish().transform((v) => v ?? null),
  supervisorId: z.uuid().nullish().transform((v) => v ?? null),
}).refine((c) => (c.payer === "plan") === (c.planId !== null), { message: "Choose the plan when the payer is a plan (and only then).", path: ["planId"] });
const coverageOutput = z.object({
  payer: z.enum(["medicare", "plan", "self-pay"]),
  planId: textOut,
  memberId: textOut,
  priorAuthNumber: textOut,
  priorAuthFrom: textOut,
  priorAuthTo: textOut,
  supervisorId: textOut,
});

const planRules = z.object({
  visitsPerPlanYear: z.number().int().min(1).max(365).nullable(),
  planYearStart: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "Write the plan year's start as MM-DD."),
  priorAuthorization: z.object({ required: z.boolean(), number: z.string().max(40).nullable(), from: z.string().nullable(), to: z.string().nullable() }),
  coveredModalities: z.array(z.enum(COVERAGE_MODALITIES)).min(1),
  allow97811With97813: z.boolean(),
  allow97814With97810: z.boolean(),
  timeRule: z.enum(["more-than-half", "full-increment"]),
});
const planSchema = z.object({ id: z.string(), name: z.string(), rules: planRules });

const billingOutput = z.object({
  clinic: z.object({ name: z.string(), addressLine: textOut, city: textOut, region: textOut, postalCode: textOut, phone: textOut, taxId: textOut, npi: textOut }),
  providers: z.array(
    z.object({
      id: z.string(),
      displayName: z.string(),
      furnisher: z.enum(["physician", "nurse-practitioner", "physician-assistant", "clinical-nurse-specialist", "acupuncturist"]),
      credential: textOut,
      npi: textOut,
      licence: textOut,
      directory: z
        .union([
          z.object({ listed: z.literal(false), directoryEmpty: z.boolean() }),
          z.object({
            listed: z.literal(true),
            namesAgree: z.boolean(),
            name: z.string(),
            credential: z.string().nullable(),
            entity: z.enum(ENTITY_TYPES),
            licenses: z.array(z.object({ number: z.string().nullable(), state: z.string().nullable(), primary: z.boolean() })),
            lastUpdateDate: z.string().nullable(),
          }),
        ])
        .nullable()
        .describe("How the provider directory (NPPES acupuncturists) lists this NPI; null without an NPI. A warning only."),
    }),
  ),
});

export function coverageRoutes(app: FastifyInstance, { db }: RouteContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["coverage"];

  api.post(
    "/api/v1/coverage/check",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Medicare NCD 30.3.3 and the CPT lines for a described visit (the same functions as `acuback coverage check|code`)",
        body: visitDescriptionSchema,
        response: { 200: z.object({ coverage: coverageResultSchema, claim: claimLinesSchema }), ...problemResponses },
      },
    },
    async (request) => {
      const visit = request.body as VisitDescription;
      return { coverage: checkMedicare(visit), claim: claimLines(visit) };
    },
  );

  api.get(
    "/api/v1/visits/:visitId/coverage",
    {
      preHandler: requireSession,
      schema: { tags, summary: "Coverage, claim lines with fees and diagnosis for a charted visit, and the claims stored at signing", params: z.object({ visitId: z.uuid() }) },
    },
    async (request, reply) => sendOutcome(reply, await visitCoverage(db, actorOf(request), request.params.visitId)),
  );

  api.get(
    "/api/v1/coverage/at-risk",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Medicare patients whose next visit is at risk under NCD 30.3.3: near the 12- or 20-visit limit, not improving, or no outcome measured before visit 13",
        response: {
          200: z.array(
            z.object({
              patientId: z.string(),
              name: z.string(),
              lastVisitOn: z.string().nullable(),
              visitInWindow: z.number().int(),
              visitInYear: z.number().int(),
              window: z.object({ from: z.string(), to: z.string() }).nullable(),
              status: z.string(),
              lastMeasuredOn: z.string().nullable(),
              risks: z.array(z.object({ kind: z.string(), message: z.string() })),
            }),
          ),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => sendOutcome(reply, await visitsAtRisk(db, actorOf(request), calendarDateOf(new Date()))),
  );

  api.get(
    "/api/v1/patients/:patientId/coverage/next",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "The patient's next visit under their coverage, judged today: the counter, covered or not with reasons, the risks and the re-evaluation the NCD needs (null before any visit)",
        params: patientIdParam,
      },
    },
    async (request, reply) => sendOutcome(reply, await nextVisitCoverage(db, actorOf(request), request.params.patientId, calendarDateOf(new Date()))),
  );

  api.get(
    "/api/v1/visits/:visitId/superbill.pdf",
    { preHandler: requireSession, schema: { tags, summary: "The superbill for one signed visit, as a PDF", params: z.object({ visitId: z.uuid() }) } },
    async (request, reply) => {
      const actor = actorOf(request);
      const visit = await findVisit(db, actor.clinicId, request.params.visitId);
      if (!visit) return sendFailure(reply, { ok: false, code: "VISIT_NOT_FOUND" });
      const pdf = await superbillFor(db, actor, visit.patientId, { visitId: visit.id }, new Date());
      if (!pdf.ok) return sendFailure(reply, pdf);
      return reply.type("application/pdf").header("content-disposition", `inline; filename="superbill-${visit.visitOn}.pdf"`).header("cache-control", "no-store").send(pdf.value);
    },
  );

  api.get(
    "/api/v1/patients/:patientId/superbill.pdf",
    {
      preHandler: requireSession,
      schema: { tags, summary: "The superbill for the patient's signed visits in a date range, as a PDF", params: patientIdParam, querystring: z.object({ from: calendarDate, to: calendarDate }) },
    },
    async (request, reply) => {
      const pdf = await superbillFor(db, actorOf(request), request.params.patientId, request.query, new Date());
      if (!pdf.ok) return sendFailure(reply, pdf);
      return reply.type("application/pdf").header("content-disposition", `inline; filename="superbill-${request.query.from}-${request.query.to}.pdf"`).header("cache-control", "no-store").send(pdf.value);
    },
  );

  api.get(
    "/api/v1/patients/:patientId/coverage",
    { preHandler: requireSession, schema: { tags, summary: "The patient's coverage (payer, plan, member id, prior authorisation, supervisor)", params: patientIdParam, response: { 200: coverageOutput.nullable(), ...problemResponses } } },
    async (request, reply) => sendOutcome(reply, await patientCoverageOf(db, actorOf(request), request.params.patientId)),
  );

  api.put(
    "/api/v1/patients/:patientId/coverage",
    { preHandler: requireSession, schema: { tags, summary: "Set the patient's coverage", params: patientIdParam, body: coverageInput, response: { 200: coverageOutput, ...problemResponses } } },
    async (request, reply) => sendOutcome(reply, await setPatientCoverage(db, actorOf(request), request.params.patientId as PatientId, request.body)),
  );

  api.get(
    "/api/v1/payer-plans",
    { preHandler: requireSession, schema: { tags, summary: "The clinic's payer plans", response: { 200: z.array(planSchema), ...problemResponses } } },
    async (request, reply) => sendOutcome(reply, await payerPlansOf(db, actorOf(request))),
  );

  api.post(
    "/api/v1/payer-plans",
    { preHandler: requireSession, schema: { tags, summary: "Add a payer plan (owners)", body: z.object({ name: z.string().trim().min(1).max(120), rules: planRules }), response: { 201: planSchema, ...problemResponses } } },
    async (request, reply) => sendOutcome(reply, await savePayerPlan(db, actorOf(request), request.body), 201),
  );

  api.put(
    "/api/v1/payer-plans/:planId",
    {
      preHandler: requireSession,
      schema: { tags, summary: "Change a payer plan (owners)", params: z.object({ planId: z.uuid() }), body: z.object({ name: z.string().trim().min(1).max(120), rules: planRules }), response: { 200: planSchema, ...problemResponses } },
    },
    async (request, reply) => sendOutcome(reply, await savePayerPlan(db, actorOf(request), { id: request.params.planId, ...request.body })),
  );

  api.get(
    "/api/v1/fee-schedule",
    { preHandler: requireSession, schema: { tags, summary: "The clinic's fees in cents by code", response: { 200: z.record(z.string(), z.number()), ...problemResponses } } },
    async (request, reply) => sendOutcome(reply, await feeScheduleOf(db, actorOf(request))),
  );

  api.put(
    "/api/v1/fee-schedule",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Replace the clinic's fee schedule (owners)",
        body: z.record(z.string().regex(/^[0-9A-Z/]{3,10}$/, "A CPT or HCPCS code."), z.number().int().min(0).max(10_000_000)),
        response: { 200: z.record(z.string(), z.number()), ...problemResponses },
      },
    },
    async (request, reply) => sendOutcome(reply, await setFeeSchedule(db, actorOf(request), request.body)),
  );

  api.get(
    "/api/v1/billing-details",
    { preHandler: requireSession, schema: { tags, summary: "The clinic's and its providers' billing details (address, tax id, NPI, credential, licence)", response: { 200: billingOutput, ...problemResponses } } },
    async (request, reply) => sendOutcome(reply, await billingDetailsOf(db, actorOf(request))),
  );

  api.put(
    "/api/v1/billing-details",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Set the clinic's and providers' billing details (owners)",
        body: z.object({
          clinic: z.object({ name: z.string().trim().min(1, "The clinic needs a name.").max(120).optional(), addressLine: text(200), city: text(100), region: text(100), postalCode: text(20), phone: text(40), taxId: text(20), npi }),
          providers: z.array(
            z.object({
              id: z.uuid(),
              furnisher: z.enum(["physician", "nurse-practitioner", "physician-assistant", "clinical-nurse-specialist", "acupuncturist"]),
              credential: text(40),
              npi,
              licence: text(60),
            }),
          ),
        }),
        response: { 200: billingOutput, ...problemResponses },
      },
    },
    async (request, reply) => sendOutcome(reply, await setBillingDetails(db, actorOf(request), request.body)),
  );
}
