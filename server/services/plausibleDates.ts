/**
 * The part of the date rules (domain/plausibility/clinicalDates.ts) that needs
 * the patient: a date in a record may not fall before the patient's birth. The
 * schema at the boundary has already refused the future and dates before 1900.
 */
import { clinicalDateProblems } from "../../domain/plausibility/clinicalDates.ts";
import { fieldLabel, problemsInWords } from "../../domain/plausibility/fieldLabels.ts";
import type { ClinicId, PatientId } from "../../domain/shared/brand.ts";
import { calendarDateOf, type CalendarDate } from "../../domain/shared/calendarDate.ts";
import type { Queryable } from "../db/database.ts";
import { findPatient } from "../db/repositories/patients.ts";
import { fail, type Failure } from "../errors.ts";

/**
 * The latest day that is today somewhere a clinic may be: tomorrow in UTC,
 * because a clinic east of UTC is already on tomorrow's date while the
 * server's UTC clock is not.
 */
export const latestToday = (): CalendarDate => calendarDateOf(new Date(Date.now() + 86_400_000));

/**
 * Checks an entry's dates (by field key; null: not given) against the
 * patient's date of birth. `prefix` is how the request nests the values
 * ("values." in a correction), so each message lands beside its field.
 * Returns the failure to send, or null when every date is plausible (or the
 * patient is not found: the caller answers that).
 */
export async function implausibleDates(
  q: Queryable,
  clinicId: ClinicId,
  patientId: PatientId,
  dates: Record<string, CalendarDate | null | undefined>,
  prefix = "",
): Promise<Failure | null> {
  const patient = await findPatient(q, clinicId, patientId);
  if (!patient) return null;
  const labelled = Object.fromEntries(Object.entries(dates).map(([key, date]) => [`${prefix}${key}`, { label: fieldLabel(key), date: date ?? null }]));
  const problems = clinicalDateProblems(labelled, { today: latestToday(), birthDate: patient.birthDate });
  return Object.keys(problems).length > 0 ? fail("VALIDATION_FAILED", problemsInWords(problems), problems) : null;
}
