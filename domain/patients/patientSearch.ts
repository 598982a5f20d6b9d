/**
 * What a front-desk search box means. One box takes a name, a date of birth, a
 * phone number or a record number, because that is how people ask at the desk
 * ("Smith", "12/03/1961", "(503) 555-0147", "A-000042"); this decides which,
 * without any I/O. Names are folded ("zoe" finds "Zoë").
 */
import { isCalendarDate, type CalendarDate } from "../shared/calendarDate.ts";
import { foldText } from "./foldText.ts";

export type PatientQuery =
  | { kind: "all" }
  | { kind: "birthDate"; birthDate: CalendarDate }
  /** The digits of a phone number, matched anywhere in the stored number's digits. */
  | { kind: "phone"; digits: string }
  /** Matches record numbers and names: a bare word may be either. */
  | { kind: "text"; terms: string[] };

const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
/** Digits with the usual phone punctuation, at least 7 digits (a local number without its area code). */
const PHONE = /^\+?[\d\s().-]+$/;

export function parsePatientQuery(raw: string): PatientQuery {
  const text = raw.trim();
  if (text === "") return { kind: "all" };
  if (isCalendarDate(text)) return { kind: "birthDate", birthDate: text };
  const us = US_DATE.exec(text);
  if (us) {
    const iso = `${us[3]}-${us[1]!.padStart(2, "0")}-${us[2]!.padStart(2, "0")}`;
    if (isCalendarDate(iso)) return { kind: "birthDate", birthDate: iso };
  }
  const digits = text.replace(/\D/g, "");
  if (PHONE.test(text) && digits.length >= 7) return { kind: "phone", digits };
  const terms = foldText(text)
    .split(/[\s,]+/)
    .filter((term) => term.length > 0)
    .slice(0, 5);
  return { kind: "text", terms };
}
