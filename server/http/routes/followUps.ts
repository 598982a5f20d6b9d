import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { INSTRUMENTS } from "../../../domain/assessment/instruments/registry.ts";
import { calendarDateOf } from "../../../domain/shared/calendarDate.ts";
import { followUpScheduleOf, followUpsDue, updateFollowUpSchedule } from "../../services/followUps.ts";
import { actorOf, requireSession } from "../authentication.ts";
import { problemResponses, sendOutcome, type RouteContext } from "../routeContext.ts";

const instrumentIds = z.array(z.enum(Object.keys(INSTRUMENTS) as [string, ...string[]])).min(1).max(5);
const scheduleSchema = z.object({
  weeks: z.array(z.number().int().min(1).max(52)).min(1).max(12),
  windowDays: z.number().int().min(1).max(14),
  milestoneInstruments: instrumentIds,
  checkIn: z.object({ everyWeeks: z.number().int().min(1).max(4), instruments: instrumentIds }).nullable(),
});
const settingSchema = z.object({ schedule: scheduleSchema, isDefault: z.boolean() });

export function followUpRoutes(app: FastifyInstance, { db }: RouteContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["outcomes"];

  api.get(
    "/api/v1/follow-ups",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Patients with a measurement due or overdue by the clinic's follow-up schedule, with what is missing",
        response: {
          200: z.array(
            z.object({
              patientId: z.string(),
              name: z.string(),
              recordNumber: z.string(),
              startedOn: z.string(),
              milestones: z.array(
                z.object({
                  kind: z.enum(["milestone", "check-in"]),
                  week: z.number(),
                  dueOn: z.string(),
                  status: z.enum(["done", "due", "overdue", "upcoming"]),
                  missing: z.array(z.string()),
                }),
              ),
            }),
          ),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => sendOutcome(reply, await followUpsDue(db, actorOf(request), calendarDateOf(new Date()))),
  );

  api.get(
    "/api/v1/follow-up-schedule",
    { preHandler: requireSession, schema: { tags, summary: "The clinic's follow-up schedule", response: { 200: settingSchema, ...problemResponses } } },
    async (request, reply) => sendOutcome(reply, await followUpScheduleOf(db, actorOf(request))),
  );

  api.put(
    "/api/v1/follow-up-schedule",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Set the clinic's follow-up schedule (owners): milestone weeks, window, instruments, optional check-ins; null restores the default",
        body: z.object({ schedule: scheduleSchema.nullable() }),
        response: { 200: settingSchema, ...problemResponses },
      },
    },
    async (request, reply) => sendOutcome(reply, await updateFollowUpSchedule(db, actorOf(request), request.body.schedule)),
  );
}
