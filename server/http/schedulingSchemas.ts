/**
 * What crosses the HTTP boundary for scheduling: local clock times as
 * "HH:MM" in the clinic's zone, instants as ISO 8601 with an offset (stored
 * and returned in UTC).
 */
import { z } from "zod";
import { APPOINTMENT_KINDS, APPOINTMENT_MINUTES, APPOINTMENT_STATUSES } from "../../domain/scheduling/appointment.ts";
import { formatClock, parseClock, type Weekday } from "../../domain/scheduling/clinicTime.ts";
import type { AppointmentRecord } from "../db/repositories/appointments.ts";
import type { Outcome } from "../errors.ts";
import { calendarDate } from "./schemas.ts";

export const clockTime = z
  .string()
  .refine((v) => parseClock(v) !== null, { error: 'A time of day written "HH:MM", e.g. "09:00" (24-hour clock).' })
  .transform((v) => parseClock(v)!);

export const instant = z.iso
  .datetime({ offset: true, message: "A date and time with its offset, e.g. 2026-03-09T09:00:00-04:00." })
  .transform((v) => new Date(v));

export const weekday = z
  .number()
  .int()
  .min(1, "A weekday from 1 (Monday) to 7 (Sunday).")
  .max(7, "A weekday from 1 (Monday) to 7 (Sunday).")
  .transform((v) => v as Weekday);

export const roomSchema = z.object({ id: z.string(), name: z.string(), active: z.boolean() });
export const appointmentTypeSchema = z.object({ id: z.string(), name: z.string(), kind: z.enum(APPOINTMENT_KINDS), minutes: z.number(), active: z.boolean() });
export const appointmentTypeInput = z.object({
  name: z.string().trim().min(1).max(80),
  kind: z.enum(APPOINTMENT_KINDS),
  minutes: z.number().int().min(APPOINTMENT_MINUTES.min).max(APPOINTMENT_MINUTES.max),
});

export const blockOut = z.object({ weekday: z.number(), kind: z.enum(["work", "break"]), start: z.number(), end: z.number(), startTime: z.string(), endTime: z.string() });
export const withClock = <T extends { start: number; end: number }>(b: T) => ({ ...b, startTime: formatClock(b.start), endTime: formatClock(b.end) });

export const timeOffSchema = z.object({
  id: z.string(),
  practitionerId: z.string(),
  fromOn: z.string(),
  toOn: z.string().nullable(),
  weekday: z.number().nullable(),
  start: z.string().nullable(),
  end: z.string().nullable(),
  reason: z.string().nullable(),
});
export const timeOffOut = (t: { id: string; practitionerId: string; fromOn: string; toOn: string | null; weekday: number | null; start: number | null; end: number | null; reason: string | null }) => ({
  ...t,
  start: t.start === null ? null : formatClock(t.start),
  end: t.end === null ? null : formatClock(t.end),
});
export const timeOffInput = z.object({
  fromOn: calendarDate,
  toOn: calendarDate.nullish().transform((v) => v ?? null),
  weekday: weekday.nullish().transform((v) => v ?? null),
  start: clockTime.nullish().transform((v) => v ?? null),
  end: clockTime.nullish().transform((v) => v ?? null),
  reason: z.string().trim().max(200).nullish().transform((v) => v || null),
});

export const holidaySchema = z.object({ id: z.string(), on: z.string(), name: z.string() });

export const appointmentSchema = z.object({
  id: z.string(),
  patientId: z.string(),
  practitionerId: z.string(),
  roomId: z.string(),
  typeId: z.string(),
  start: z.string(),
  end: z.string(),
  status: z.enum(APPOINTMENT_STATUSES),
  statusReason: z.string().nullable(),
  planId: z.string().nullable(),
  visitId: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
});

export const appointmentListingSchema = appointmentSchema.extend({
  patientName: z.string(),
  recordNumber: z.string(),
  practitionerName: z.string(),
  roomName: z.string(),
  typeName: z.string(),
});

export function appointmentOut<T extends AppointmentRecord>(a: T) {
  return { ...a, start: a.start.toISOString(), end: a.end.toISOString() };
}

/** A service outcome with its value shaped for the response schema. */
export function mapOutcome<T, U>(outcome: Outcome<T>, map: (value: T) => U): Outcome<U> {
  return outcome.ok ? { ok: true, value: map(outcome.value) } : outcome;
}
