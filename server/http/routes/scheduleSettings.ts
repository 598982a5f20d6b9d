import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import * as settings from "../../services/scheduleSettings.ts";
import { actorOf, requireSession } from "../authentication.ts";
import { problemResponses, sendOutcome, type RouteContext } from "../routeContext.ts";
import {
  appointmentTypeInput,
  appointmentTypeSchema,
  blockOut,
  clockTime,
  holidaySchema,
  mapOutcome,
  roomSchema,
  timeOffInput,
  timeOffOut,
  timeOffSchema,
  weekday,
  withClock,
} from "../schedulingSchemas.ts";
import { calendarDate } from "../schemas.ts";

const idParam = z.object({ id: z.uuid("Not an id.") });
const practitionerParam = z.object({ practitionerId: z.uuid("Not a practitioner id.") });

export function scheduleSettingsRoutes(app: FastifyInstance, { db }: RouteContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["scheduling"];

  api.get(
    "/api/v1/schedule/settings",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "The clinic's time zone, rooms, appointment types, holidays, and each practitioner's working hours and time off",
        description: "Working hours and time off are local times in `timeZone` (minutes of the day, and the same as \"HH:MM\").",
        response: {
          200: z.object({
            timeZone: z.string(),
            rooms: z.array(roomSchema),
            appointmentTypes: z.array(appointmentTypeSchema),
            holidays: z.array(holidaySchema),
            practitioners: z.array(z.object({ id: z.string(), name: z.string(), hours: z.array(blockOut), timeOff: z.array(timeOffSchema) })),
          }),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const outcome = await settings.scheduleSettings(db, actorOf(request));
      return sendOutcome(reply, mapOutcome(outcome, (v) => ({ ...v, practitioners: v.practitioners.map((p) => ({ ...p, hours: p.hours.map(withClock), timeOff: p.timeOff.map(timeOffOut) })) })));
    },
  );

  api.put(
    "/api/v1/schedule/time-zone",
    {
      preHandler: requireSession,
      schema: { tags, summary: "Set the clinic's time zone (an IANA name such as America/New_York; owners)", body: z.object({ timeZone: z.string().trim().min(1).max(64) }), response: { 200: z.object({ timeZone: z.string() }), ...problemResponses } },
    },
    async (request, reply) => sendOutcome(reply, await settings.setClinicTimeZone(db, actorOf(request), request.body.timeZone)),
  );

  api.post(
    "/api/v1/rooms",
    { preHandler: requireSession, schema: { tags, summary: "Add a room or treatment table (owners)", body: z.object({ name: z.string().trim().min(1).max(80) }), response: { 201: roomSchema, ...problemResponses } } },
    async (request, reply) => sendOutcome(reply, await settings.addRoom(db, actorOf(request), request.body.name), 201),
  );

  api.patch(
    "/api/v1/rooms/:id",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Rename a room, or take it out of use (active: false keeps its past appointments; owners)",
        params: idParam,
        body: z.object({ name: z.string().trim().min(1).max(80).optional(), active: z.boolean().optional() }),
        response: { 200: roomSchema, ...problemResponses },
      },
    },
    async (request, reply) => sendOutcome(reply, await settings.changeRoom(db, actorOf(request), request.params.id, request.body)),
  );

  api.post(
    "/api/v1/appointment-types",
    { preHandler: requireSession, schema: { tags, summary: "Add an appointment type with its duration (owners)", body: appointmentTypeInput, response: { 201: appointmentTypeSchema, ...problemResponses } } },
    async (request, reply) => sendOutcome(reply, await settings.addAppointmentType(db, actorOf(request), request.body), 201),
  );

  api.patch(
    "/api/v1/appointment-types/:id",
    {
      preHandler: requireSession,
      schema: { tags, summary: "Change an appointment type's name, kind or duration, or take it out of use (owners)", params: idParam, body: appointmentTypeInput.partial().extend({ active: z.boolean().optional() }), response: { 200: appointmentTypeSchema, ...problemResponses } },
    },
    async (request, reply) => sendOutcome(reply, await settings.changeAppointmentType(db, actorOf(request), request.params.id, request.body)),
  );

  api.put(
    "/api/v1/practitioners/:practitionerId/working-hours",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Replace a practitioner's weekly working hours and breaks (owners for anyone, practitioners for themselves)",
        params: practitionerParam,
        body: z.object({ blocks: z.array(z.object({ weekday, kind: z.enum(["work", "break"]), start: clockTime, end: clockTime })).max(70) }),
        response: { 200: z.object({ id: z.string(), hours: z.array(blockOut) }), ...problemResponses },
      },
    },
    async (request, reply) => {
      const outcome = await settings.replaceWeek(db, actorOf(request), request.params.practitionerId, request.body.blocks);
      return sendOutcome(reply, mapOutcome(outcome, (v) => ({ ...v, hours: v.hours.map(withClock) })));
    },
  );

  api.post(
    "/api/v1/practitioners/:practitionerId/time-off",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Add time off: days from–to, or a weekday each week (to: null for until further notice); times for part of a day",
        params: practitionerParam,
        body: timeOffInput,
        response: { 201: timeOffSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const outcome = await settings.addTimeOff(db, actorOf(request), { practitionerId: request.params.practitionerId, ...request.body });
      return sendOutcome(reply, mapOutcome(outcome, timeOffOut), 201);
    },
  );

  api.delete(
    "/api/v1/time-off/:id",
    { preHandler: requireSession, schema: { tags, summary: "Remove time off", params: idParam, response: { 200: z.object({ id: z.string() }), ...problemResponses } } },
    async (request, reply) => sendOutcome(reply, await settings.removeTimeOff(db, actorOf(request), request.params.id)),
  );

  api.post(
    "/api/v1/holidays",
    {
      preHandler: requireSession,
      schema: { tags, summary: "Close the clinic on a date (owners; Acuback ships no holiday list)", body: z.object({ on: calendarDate, name: z.string().trim().min(1).max(120) }), response: { 201: holidaySchema, ...problemResponses } },
    },
    async (request, reply) => sendOutcome(reply, await settings.addHoliday(db, actorOf(request), request.body), 201),
  );

  api.delete(
    "/api/v1/holidays/:id",
    { preHandler: requireSession, schema: { tags, summary: "Remove a clinic holiday (owners)", params: idParam, response: { 200: z.object({ id: z.string() }), ...problemResponses } } },
    async (request, reply) => sendOutcome(reply, await settings.removeHoliday(db, actorOf(request), request.params.id)),
  );
}
