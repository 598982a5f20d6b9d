/**
 * What a front-desk search box means. One box takes a name, a date of birth or
 * a record number, because that is how people ask at the desk ("Smith", "12/03/1961",
 * "A-000042"); this decides which, without any I/O.
 */
import { isCalendarDate, type CalendarDate } from "../shared/calendarDate.ts";

export type PatientQuery =
  | { kind: "all" }
  | { kind: "birthDate"; birthDate: CalendarDate }
  /** Matches record numbers and names: a bare word may be either. */
  | { kind: "text"; terms: string[] };

const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

export function parsePatientQuery(raw: string): PatientQuery {
  const text = raw.trim();
  if (text === "") return { kind: "all" };
  if (isCalendarDate(text)) return { kind: "birthDate", birthDate: text };
  const us = US_DATE.exec(text);
  if (us) {
    const iso = `${us[3]}-${us[1]!.padStart(2, "0")}-${us[2]!.padStart(2, "0")}`;
    if (isCalendarDate(iso)) return { kind: "birthDate", birthDate: iso };
  }
  const terms = text
    .toLowerCase()
    .split(/[\s,]+/)
    .filter((term) => term.length > 0)
    .slice(0, 5);
  return { kind: "text", terms };
}
