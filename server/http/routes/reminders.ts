/**
 * Reminders: what is due (sent by e-mail, or for the desk to phone when
 * e-mail is not configured), what was sent, the clinic's lead time, and each
 * patient's opt-out. Responses name the patient and the appointment, never
 * an address or a message's words.
 */
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { dueReminders, recentMessages, reminderPreference, setLeadHours, setReminderOptOut } from "../../services/reminders.ts";
import { actorOf, requireSession } from "../authentication.ts";
import type { Outcome } from "../../errors.ts";
import { problemResponses, sendOutcome, type RouteContext } from "../routeContext.ts";
import { patientIdParam } from "../schemas.ts";

const messageSchema = z.object({
  id: z.string(),
  patientId: z.string(),
  patientName: z.string(),
  channel: z.literal("email"),
  purpose: z.enum(["reminder", "report-link"]),
  appointmentId: z.string().nullable(),
  appointmentStart: z.string().nullable(),
  reportLinkId: z.string().nullable(),
  outcome: z.enum(["sending", "sent", "failed"]),
  errorCode: z.string().nullable(),
  sentByName: z.string().nullable(),
  sentAt: z.string(),
});

const preferenceSchema = z.object({
  optedOut: z.boolean(),
  changedAt: z.string().nullable(),
  changedByName: z.string().nullable(),
  hasEmail: z.boolean(),
  /** Whether this server can send e-mail at all (ACUBACK_SMTP_URL). */
  emailConfigured: z.boolean(),
  messages: z.array(messageSchema),
});

export function reminderRoutes(app: FastifyInstance, { db, mailer }: RouteContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["reminders"];
  const withReach = <T extends object>(outcome: Outcome<T>): Outcome<T & { emailConfigured: boolean }> =>
    outcome.ok ? { ok: true, value: { ...outcome.value, emailConfigured: mailer !== null } } : outcome;

  api.get(
    "/api/v1/reminders/due",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Appointments due a reminder now (within the clinic's lead time), each to be e-mailed or phoned",
        description: "`emailConfigured` is false when the server has no ACUBACK_SMTP_URL: then every reminder is for the front desk to phone. Patients who opted out are counted, not listed.",
        response: {
          200: z.object({
            emailConfigured: z.boolean(),
            leadHours: z.number().int(),
            timeZone: z.string(),
            optedOut: z.number().int(),
            due: z.array(
              z.object({
                appointmentId: z.string(),
                patientId: z.string(),
                patientName: z.string(),
                recordNumber: z.string(),
                phone: z.string().nullable(),
                start: z.string(),
                practitionerName: z.string(),
                action: z.enum(["email", "call"]),
                reason: z.string(),
              }),
            ),
          }),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => sendOutcome(reply, await dueReminders(db, actorOf(request), mailer !== null)),
  );

  api.get(
    "/api/v1/reminders/sent",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Messages sent to patients in the last `days` days, newest first, with their outcome (an SMTP code when one failed)",
        querystring: z.object({ days: z.coerce.number().int().min(1).max(90).default(7) }),
        response: { 200: z.array(messageSchema), ...problemResponses },
      },
    },
    async (request, reply) => sendOutcome(reply, await recentMessages(db, actorOf(request), request.query.days)),
  );

  api.put(
    "/api/v1/reminders/settings",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Owners: how many hours before an appointment its reminder goes (Acuback's default is 24, a choice, not a clinical rule)",
        body: z.object({ leadHours: z.number().int().min(1, "At least one hour.").max(336, "At most two weeks (336 hours).") }),
        response: { 200: z.object({ leadHours: z.number().int() }), ...problemResponses },
      },
    },
    async (request, reply) => sendOutcome(reply, await setLeadHours(db, actorOf(request), request.body.leadHours)),
  );

  api.get(
    "/api/v1/patients/:patientId/reminders",
    {
      preHandler: requireSession,
      schema: { tags, summary: "Whether the patient is sent reminders, who last changed that, and the last messages sent", params: patientIdParam, response: { 200: preferenceSchema, ...problemResponses } },
    },
    async (request, reply) => sendOutcome(reply, withReach(await reminderPreference(db, actorOf(request), request.params.patientId))),
  );

  api.put(
    "/api/v1/patients/:patientId/reminders",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Record the patient's wish: `optedOut: true` sends them no reminders; audited",
        params: patientIdParam,
        body: z.object({ optedOut: z.boolean() }),
        response: { 200: preferenceSchema, ...problemResponses },
      },
    },
    async (request, reply) => sendOutcome(reply, withReach(await setReminderOptOut(db, actorOf(request), request.params.patientId, request.body.optedOut))),
  );
}
