/**
 * Zod schemas for what crosses the HTTP boundary. Requests are validated with
 * them; responses are serialised through them, so a field not declared here
 * never leaves the server.
 */
import { z } from "zod";
import { TEXT_LIMITS } from "../../domain/plausibility/textLimits.ts";
import { ROLES } from "../../domain/access/roles.ts";
import { PATIENT_STATUSES, RECORD_NUMBER_PATTERN, SEXES } from "../../domain/patients/patient.ts";
import { NRS_MAX, NRS_MIN } from "../../domain/outcomes/painScore.ts";
import { birthDateProblem, clinicalDateProblem, plannedDateProblem } from "../../domain/plausibility/clinicalDates.ts";
import { fieldLabel } from "../../domain/plausibility/fieldLabels.ts";
import { isCalendarDate, type CalendarDate } from "../../domain/shared/calendarDate.ts";
import { latestToday } from "../services/plausibleDates.ts";
import type { PatientId, UserId } from "../../domain/shared/brand.ts";

export const calendarDate = z
  .string()
  .refine(isCalendarDate, { error: (issue) => `${fieldLabel(issue.path ?? [])} must be a real date, written YYYY-MM-DD.` })
  .transform((value) => value as CalendarDate);


/**
 * A day in a record: not in the future and not before 1900 (domain/plausibility).
 * Whether it falls before the patient's birth is checked where the patient is
 * read (server/services/plausibleDates.ts).
 */
const recordDateProblem = (label: string, value: CalendarDate) => clinicalDateProblem(label, value, { today: latestToday(), birthDate: null });
export const pastOrPresentDate = calendarDate.refine((value) => recordDateProblem("", value) === null, {
  error: (issue) => recordDateProblem(fieldLabel(issue.path ?? []), issue.input as CalendarDate) ?? undefined,
});

/** A day something is planned for: any day from 1900 to 2099 (domain/plausibility/clinicalDates.ts). */
export const plannedDate = calendarDate.refine((value) => plannedDateProblem("", value) === null, {
  error: (issue) => plannedDateProblem(fieldLabel(issue.path ?? []), issue.input as CalendarDate) ?? undefined,
});

/** A date of birth: not in the future, at most 120 years ago (domain/plausibility/clinicalDates.ts). */
export const birthDate = calendarDate.superRefine((value, context) => {
  const problem = birthDateProblem(value, latestToday());
  if (problem) context.addIssue({ code: "custom", message: problem });
});

export const patientIdParam = z.object({ patientId: z.uuid("Not a patient id.").transform((v) => v as PatientId) });
export const userIdParam = z.object({ userId: z.uuid("Not a user id.").transform((v) => v as UserId) });

/** Optional text: empty or blank means "not given" and is stored as null. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value ? value : null));

const name = z.string().trim().min(1).max(100);

export const patientFieldsInput = z.object({
  recordNumber: z
    .string()
    .trim()
    .nullish()
    .transform((value) => (value ? value : null))
    .refine((value) => value === null || RECORD_NUMBER_PATTERN.test(value), {
      message: "Letters, digits, '.', '-' and '/', up to 32 characters.",
    }),
  givenName: name,
  familyName: name,
  birthDate,
  sex: z.enum(SEXES, "Choose female, male, other or unknown."),
  phone: optionalText(40).refine((v) => v === null || /^[0-9+() .-]{3,40}$/.test(v), "Digits, spaces and + ( ) - . only."),
  email: optionalText(200).refine((v) => v === null || z.email().safeParse(v).success, "Not an e-mail address."),
  addressLine: optionalText(200),
  city: optionalText(100),
  region: optionalText(100),
  postalCode: optionalText(20),
});

export const patientEditInput = patientFieldsInput.extend({
  recordNumber: z
    .string()
    .trim()
    .regex(RECORD_NUMBER_PATTERN, "Letters, digits, '.', '-' and '/', up to 32 characters."),
  version: z.number().int().positive(),
});

export const patientSchema = z.object({
  id: z.string(),
  recordNumber: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  birthDate: z.string(),
  sex: z.enum(SEXES),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  addressLine: z.string().nullable(),
  city: z.string().nullable(),
  region: z.string().nullable(),
  postalCode: z.string().nullable(),
  status: z.enum(PATIENT_STATUSES),
  mergedInto: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const patientSearchQuery = z.object({
  q: z.string().max(100).default(""),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const painScoreInput = z.object({
  score: z
    .number("A whole number from 0 to 10.")
    .int("A whole number from 0 to 10.")
    .min(NRS_MIN, "A whole number from 0 to 10.")
    .max(NRS_MAX, "A whole number from 0 to 10."),
  recordedOn: pastOrPresentDate,
  note: optionalText(TEXT_LIMITS.painScoreNote),
});

export const painScoreSchema = z.object({
  id: z.string(),
  patientId: z.string(),
  score: z.number().int(),
  recordedOn: z.string(),
  note: z.string().nullable(),
  recordedBy: z.string().nullable(),
  createdAt: z.string(),
  enteredInError: z.boolean(),
  revisedAt: z.string().nullable(),
});

export const staffSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  active: z.boolean(),
  background: z.string().nullable(),
  createdAt: z.string(),
});

export const email = z.email("Not an e-mail address.").max(200);
export const password = z.string().min(1).max(200);
