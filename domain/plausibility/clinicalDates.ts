/**
 * Whether a date typed into a record can be true, checked the same way by the
 * server and the browser so both say the same words. These are plausibility
 * rules (catching typing slips such as 1800 for 1980, or a year before the
 * patient was born), not clinical facts.
 */
import { addDays, ageInYears, type CalendarDate } from "../shared/calendarDate.ts";
import { formatDate } from "../shared/dateWords.ts";

/**
 * No clinical date in Acuback may be earlier than this. Acuback keeps the
 * records of living patients; a date before 1900 is a slip of the keyboard
 * (1800 for 1980, 0024 for 2024), and this catches it even where the date of
 * birth is not at hand (a schema at the boundary, a date that has no patient).
 */
export const EARLIEST_RECORD_DATE = "1900-01-01" as CalendarDate;

/**
 * The oldest age a date of birth may give today. A plausibility choice, not a
 * clinical fact: a few people have lived a little longer, and a clinic that
 * meets one can still correct the record by asking the maintainers to raise it.
 */
export const OLDEST_PLAUSIBLE_AGE_YEARS = 120;

/** The date of birth's problem, or null when it is plausible on `today`. */
export function birthDateProblem(birthDate: CalendarDate, today: CalendarDate, label = "Date of birth"): string | null {
  if (birthDate > today) return `${label} can't be in the future.`;
  if (birthDate < EARLIEST_RECORD_DATE || ageInYears(birthDate, today) > OLDEST_PLAUSIBLE_AGE_YEARS) {
    return `${label} can't be more than ${OLDEST_PLAUSIBLE_AGE_YEARS} years ago.`;
  }
  return null;
}

/** What a clinical date is checked against: today (the latest allowed day) and, when known, the date of birth. */
export interface DateBounds {
  today: CalendarDate;
  birthDate: CalendarDate | null;
}

/**
 * The problem with a clinical date (an onset, the day a score or a
 * questionnaire was recorded, a medication's start or stop), or null. Today is
 * allowed; the date of birth itself is allowed (an onset at birth can be true).
 */
export function clinicalDateProblem(label: string, date: CalendarDate, bounds: DateBounds): string | null {
  if (date > bounds.today) return `${label} can't be in the future.`;
  if (bounds.birthDate !== null && date < bounds.birthDate) return `${label} can't be before the date of birth (${formatDate(bounds.birthDate)}).`;
  if (date < EARLIEST_RECORD_DATE) return `${label} can't be before ${EARLIEST_RECORD_DATE.slice(0, 4)}.`;
  return null;
}

/**
 * Checks several dates of one entry at once: `dates` maps a field's key to
 * its label and value (null: not given). Returns the messages by field key,
 * empty when every date is plausible.
 */
export function clinicalDateProblems(dates: Record<string, { label: string; date: CalendarDate | null }>, bounds: DateBounds): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const [key, { label, date }] of Object.entries(dates)) {
    const problem = date === null ? null : clinicalDateProblem(label, date, bounds);
    if (problem) problems[key] = problem;
  }
  return problems;
}

/** The earliest plausible date of birth on `today`, for a date picker's `min`. */
export function earliestPlausibleBirthDate(today: CalendarDate): CalendarDate {
  const year = String(Number(today.slice(0, 4)) - OLDEST_PLAUSIBLE_AGE_YEARS - 1).padStart(4, "0");
  // Start a little before (28th: every month has one) and step to the first day that gives the oldest plausible age.
  let day = `${year}-${today.slice(5, 7)}-${Math.min(Number(today.slice(8, 10)), 28).toString().padStart(2, "0")}` as CalendarDate;
  while (ageInYears(day, today) > OLDEST_PLAUSIBLE_AGE_YEARS) day = addDays(day, 1);
  return day < EARLIEST_RECORD_DATE ? EARLIEST_RECORD_DATE : day;
}

/**
 * The last day a plan, a course proposal or a calendar may be set for. Not a
 * clinical rule: a plausibility bound like the 1900 floor, so a year typed as
 * 9999 (or 0001) is a clear error instead of a calendar computed across
 * millennia (the route security tests found both answered 500).
 */
export const LATEST_PLANNED_DATE = "2099-12-31" as CalendarDate;

/** The problem with a planned day (a plan's start, a re-evaluation, where a course proposal starts), or null. */
export function plannedDateProblem(label: string, date: CalendarDate): string | null {
  if (date < EARLIEST_RECORD_DATE || date > LATEST_PLANNED_DATE) {
    return `${label} must be between ${EARLIEST_RECORD_DATE.slice(0, 4)} and ${LATEST_PLANNED_DATE.slice(0, 4)}.`;
  }
  return null;
}
