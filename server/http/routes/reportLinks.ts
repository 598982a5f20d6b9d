import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { INSTRUMENTS } from "../../../domain/assessment/instruments/registry.ts";
import { calendarDateOf } from "../../../domain/shared/calendarDate.ts";
import { emailReportLink, refuseLinkEmail } from "../../services/reportLinkMail.ts";
import { createReportLink, openReportLink, reportLinksOf, submitReport, withdrawReportLink } from "../../services/reportLinks.ts";
import { actorOf, requireSession } from "../authentication.ts";
import { problemSchema } from "../problem.ts";
import { problemResponses, sendOutcome, type RouteContext } from "../routeContext.ts";
import { patientIdParam } from "../schemas.ts";
import { formSchema } from "./questionnaires.ts";

const INSTRUMENT_IDS = Object.keys(INSTRUMENTS) as [string, ...string[]];
const linkSchema = z.object({
  id: z.string(),
  instruments: z.array(z.string()),
  expiresAt: z.string(),
  usedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  createdAt: z.string(),
});
const tokenParam = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "Not a report link.") });
const publicErrors = { 400: problemSchema, 404: problemSchema, 410: problemSchema, 422: problemSchema, 429: problemSchema };

export function reportLinkRoutes(app: FastifyInstance, { db, config, mailer }: RouteContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["self-report"];

  api.post(
    "/api/v1/patients/:patientId/report-links",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Create a single-use link the patient opens to report outcomes (the token is shown once)",
        description:
          "With `sendByEmail`, the link also goes to the patient's e-mail address now (the token exists only at creation); refused before anything is created when e-mail is not configured or the patient has no address. `email` says how the sending ended.",
        params: patientIdParam,
        body: z.object({
          instruments: z.array(z.enum(INSTRUMENT_IDS)).min(1).max(5),
          expiresInDays: z.number().int().min(1).max(30).default(7),
          sendByEmail: z.boolean().default(false),
        }),
        response: {
          201: linkSchema.extend({
            path: z.string(),
            url: z.string(),
            email: z.object({ outcome: z.enum(["sent", "failed"]), errorCode: z.string().nullable() }).nullable(),
          }),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { sendByEmail, ...input } = request.body;
      if (sendByEmail) {
        const refused = await refuseLinkEmail(db, mailer, actor, request.params.patientId);
        if (refused) return sendOutcome(reply, refused);
      }
      const outcome = await createReportLink(db, actor, request.params.patientId, input);
      if (!outcome.ok) return sendOutcome(reply, outcome);
      const path = `/r/${outcome.value.token}`;
      // The patient opens it on their own phone: the configured public address, else the one this request came to.
      const url = new URL(path, config.publicUrl ?? `${request.protocol}://${request.host}`).href;
      const delivery = sendByEmail && mailer ? await emailReportLink(db, mailer, actor, request.params.patientId, { id: outcome.value.link.id, url, expiresAt: outcome.value.link.expiresAt }) : null;
      const email = delivery && { outcome: delivery.outcome, errorCode: delivery.outcome === "failed" ? delivery.errorCode : null };
      return sendOutcome(reply, { ok: true, value: { ...outcome.value.link, path, url, email } }, 201);
    },
  );

  api.get(
    "/api/v1/patients/:patientId/report-links",
    { preHandler: requireSession, schema: { tags, summary: "The patient's recent report links and whether they were used", params: patientIdParam, response: { 200: z.array(linkSchema), ...problemResponses } } },
    async (request, reply) => sendOutcome(reply, await reportLinksOf(db, actorOf(request), request.params.patientId)),
  );

  api.post(
    "/api/v1/patients/:patientId/report-links/:linkId/withdraw",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Withdraw a link the patient has not used yet (sent to the wrong person, or no longer wanted); answers the patient's links",
        params: patientIdParam.extend({ linkId: z.uuid("Not a link id.") }),
        response: { 200: z.array(linkSchema), ...problemResponses },
      },
    },
    async (request, reply) => sendOutcome(reply, await withdrawReportLink(db, actorOf(request), request.params.patientId, request.params.linkId)),
  );

  api.get(
    "/api/v1/report/:token",
    {
      config: { withoutSession: true, rateLimit: { max: 60, timeWindow: "1 minute" } },
      schema: {
        tags,
        summary: "For the patient: what this link asks for",
        params: tokenParam,
        response: {
          200: z.object({ clinicName: z.string(), givenName: z.string(), forms: z.array(formSchema), expiresAt: z.string() }),
          ...publicErrors,
        },
      },
    },
    async (request, reply) => sendOutcome(reply, await openReportLink(db, request.params.token, request.ip)),
  );

  api.post(
    "/api/v1/report/:token",
    {
      config: { withoutSession: true, rateLimit: { max: 30, timeWindow: "1 minute" } },
      schema: {
        tags,
        summary: "For the patient: send the answers (once); each questionnaire's answers in item order",
        params: tokenParam,
        body: z.object({ answers: z.record(z.string(), z.array(z.number().nullable()).max(100)) }),
        response: { 201: z.object({ stored: z.number().int() }), ...publicErrors },
      },
    },
    async (request, reply) =>
      sendOutcome(reply, await submitReport(db, request.params.token, request.body.answers, calendarDateOf(new Date()), request.ip), 201),
  );
}
