import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { formatClock } from "../../../domain/scheduling/clinicTime.ts";
import type { PatientId } from "../../../domain/shared/brand.ts";
import { appointmentsOfPatient, calendar, closeAppointment, createAppointment, moveAppointment } from "../../services/appointments.ts";
import { openAppointmentChart } from "../../services/appointmentVisit.ts";
import { bookCourse, proposeCourseFor } from "../../services/courseBooking.ts";
import { coursesToBook } from "../../services/coursesToBook.ts";
import { actorOf, requireSession } from "../authentication.ts";
import { problemResponses, sendOutcome, type RouteContext } from "../routeContext.ts";
import { appointmentListingSchema, appointmentOut, appointmentSchema, clockTime, instant, mapOutcome } from "../schedulingSchemas.ts";
import { calendarDate, patientIdParam, plannedDate } from "../schemas.ts";
import { visitStartSchema } from "../treatmentSchemas.ts";

const idParam = z.object({ id: z.uuid("Not an appointment id.") });
const planParam = z.object({ planId: z.uuid("Not a plan id.") });
const bookingOut = z.object({ appointment: appointmentSchema, practitionerOverlaps: z.array(z.string()) });
const interval = z.object({ start: z.string(), end: z.string() });
const hhmm = <T extends { start: number; end: number }>(i: T) => ({ ...i, start: formatClock(i.start), end: formatClock(i.end) });

export function appointmentRoutes(app: FastifyInstance, { db }: RouteContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["scheduling"];

  api.get(
    "/api/v1/appointments",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "The calendar: appointments for `days` local days from `from` (1 for a day, 7 for a week), per practitioner or room, with each practitioner's open hours",
        description:
          "`start`/`end` are UTC; `open` and `closures` are local \"HH:MM\" in `timeZone`. `practitionerOverlap` marks an appointment whose practitioner has another at the same time in another room (allowed: needles retained).",
        querystring: z.object({
          from: calendarDate,
          days: z.coerce.number().int().min(1).max(31).default(1),
          practitionerId: z.uuid("Not a practitioner id.").optional(),
          roomId: z.uuid("Not a room id.").optional(),
        }),
        response: {
          200: z.object({
            timeZone: z.string(),
            from: z.string(),
            days: z.number(),
            appointments: z.array(appointmentListingSchema.extend({ practitionerOverlap: z.boolean() })),
            practitioners: z.array(
              z.object({ id: z.string(), name: z.string(), days: z.array(z.object({ date: z.string(), open: z.array(interval), closures: z.array(interval.extend({ reason: z.string() })) })) }),
            ),
            milestones: z.array(z.object({ on: z.string(), kind: z.enum(["re-evaluation", "follow-up"]), patientId: z.string(), patientName: z.string(), label: z.string() })),
          }),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const outcome = await calendar(db, actorOf(request), request.query);
      return sendOutcome(
        reply,
        mapOutcome(outcome, (v) => ({
          ...v,
          appointments: v.appointments.map(appointmentOut),
          practitioners: v.practitioners.map((p) => ({ ...p, days: p.days.map((d) => ({ date: d.date, open: d.open.map(hhmm), closures: d.closures.map(hhmm) })) })),
        })),
      );
    },
  );

  api.get(
    "/api/v1/patients/:patientId/appointments",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "The patient's appointments, with the count of missed ones (no-shows and late cancellations)",
        params: patientIdParam,
        response: { 200: z.object({ timeZone: z.string(), appointments: z.array(appointmentListingSchema), missed: z.number() }), ...problemResponses },
      },
    },
    async (request, reply) => {
      const outcome = await appointmentsOfPatient(db, actorOf(request), request.params.patientId);
      return sendOutcome(reply, mapOutcome(outcome, (v) => ({ ...v, appointments: v.appointments.map(appointmentOut) })));
    },
  );

  api.get(
    "/api/v1/patients/:patientId/courses",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "The patient's running plans with their scheduling facts only (start, schedule, visits planned and signed, who made it), for the front desk to book the course",
        params: patientIdParam,
        response: {
          200: z.array(z.object({ planId: z.string(), startOn: z.string(), schedule: z.string(), plannedVisits: z.number(), signedVisits: z.number(), practitionerId: z.string().nullable() })),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => sendOutcome(reply, await coursesToBook(db, actorOf(request), request.params.patientId)),
  );

  api.post(
    "/api/v1/appointments",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Book an appointment; refused with the reasons (409 APPOINTMENT_CONFLICT, `conflicts`) when the room or patient is taken or the time is outside the practitioner's hours",
        body: z.object({
          patientId: z.uuid("Not a patient id.").transform((v) => v as PatientId),
          practitionerId: z.uuid("Not a practitioner id."),
          roomId: z.uuid("Not a room id."),
          typeId: z.uuid("Not an appointment type id."),
          start: instant,
          planId: z.uuid("Not a plan id.").nullish().transform((v) => v ?? null),
        }),
        response: { 201: bookingOut, ...problemResponses },
      },
    },
    async (request, reply) => {
      const outcome = await createAppointment(db, actorOf(request), request.body);
      return sendOutcome(reply, mapOutcome(outcome, (v) => ({ ...v, appointment: appointmentOut(v.appointment) })), 201);
    },
  );

  api.patch(
    "/api/v1/appointments/:id",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Move a booked appointment to another time, room or practitioner (same duration); the same conflict rules as booking",
        params: idParam,
        body: z.object({ start: instant, roomId: z.uuid("Not a room id.").optional(), practitionerId: z.uuid("Not a practitioner id.").optional(), version: z.number().int().min(1) }),
        response: { 200: bookingOut, ...problemResponses },
      },
    },
    async (request, reply) => {
      const outcome = await moveAppointment(db, actorOf(request), request.params.id, request.body);
      return sendOutcome(reply, mapOutcome(outcome, (v) => ({ ...v, appointment: appointmentOut(v.appointment) })));
    },
  );

  api.post(
    "/api/v1/appointments/:id/status",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Close a booked appointment: done, or cancelled, late cancellation or no-show with the reason",
        params: idParam,
        body: z.object({
          status: z.enum(["done", "no-show", "late-cancel", "cancelled"]),
          reason: z.string().trim().max(500).nullish().transform((v) => v || null),
          version: z.number().int().min(1),
        }),
        response: { 200: appointmentSchema, ...problemResponses },
      },
    },
    async (request, reply) => sendOutcome(reply, mapOutcome(await closeAppointment(db, actorOf(request), request.params.id, request.body), appointmentOut)),
  );

  api.post(
    "/api/v1/appointments/:id/visit",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Open the appointment's visit chart: starts a draft dated the appointment's local day (from the plan, else the last signed visit, else blank) and marks the appointment attended; opening it again returns the same chart",
        params: idParam,
        body: z.object({ start: visitStartSchema.shape.start.optional() }).default({}),
        response: { 200: z.object({ visitId: z.string(), started: z.boolean() }), ...problemResponses },
      },
    },
    async (request, reply) => sendOutcome(reply, await openAppointmentChart(db, actorOf(request), request.params.id, request.body.start ?? null)),
  );

  const proposedVisit = z.object({
    number: z.number(),
    week: z.number(),
    start: z.string(),
    end: z.string(),
    roomId: z.string(),
    roomName: z.string(),
    localDate: z.string(),
    localTime: z.string(),
    warnings: z.array(z.string()),
  });

  api.post(
    "/api/v1/plans/:planId/course-proposal",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Propose the plan's remaining visits on the practitioner's free time, following its schedule from `startOn`; writes nothing",
        description: "For a Medicare patient each visit past the NCD 30.3.3 limits (12 in 90 days without documented improvement, 20 a year, outside the course's 90-day window) carries a warning.",
        params: planParam,
        body: z.object({
          practitionerId: z.uuid("Not a practitioner id."),
          typeId: z.uuid("Not an appointment type id."),
          startOn: plannedDate,
          preferredTime: clockTime.nullish().transform((v) => v ?? null),
        }),
        response: {
          200: z.object({
            planId: z.string(),
            schedule: z.string(),
            plannedVisits: z.number(),
            alreadyCounted: z.number(),
            timeZone: z.string(),
            practitionerId: z.string(),
            typeId: z.string(),
            minutes: z.number(),
            visits: z.array(proposedVisit),
            unplaced: z.array(z.object({ week: z.number(), message: z.string() })),
            payer: z.enum(["medicare", "plan", "self-pay"]).nullable(),
            warnings: z.array(z.object({ number: z.number(), message: z.string() })),
          }),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const { preferredTime, ...rest } = request.body;
      return sendOutcome(reply, await proposeCourseFor(db, actorOf(request), request.params.planId, { ...rest, preferredStart: preferredTime }, new Date()));
    },
  );

  api.post(
    "/api/v1/plans/:planId/course-booking",
    {
      preHandler: requireSession,
      schema: {
        tags,
        summary: "Book the confirmed visits of a course in one transaction: all are booked, or none (409 APPOINTMENT_CONFLICT lists each visit's reasons)",
        params: planParam,
        body: z.object({
          practitionerId: z.uuid("Not a practitioner id."),
          typeId: z.uuid("Not an appointment type id."),
          visits: z.array(z.object({ start: instant, roomId: z.uuid("Not a room id.") })).min(1).max(60),
        }),
        response: { 201: z.object({ planId: z.string(), appointments: z.array(appointmentSchema) }), ...problemResponses },
      },
    },
    async (request, reply) => {
      const outcome = await bookCourse(db, actorOf(request), request.params.planId, request.body);
      return sendOutcome(reply, mapOutcome(outcome, (v) => ({ ...v, appointments: v.appointments.map(appointmentOut) })), 201);
    },
  );
}
