/**
 * The HIPAA Safe Harbor method of de-identification, 45 CFR 164.514(b)(2):
 * the 18 kinds of identifier removed, with the three allowances it makes
 * kept narrow: the first three digits of a ZIP code (000 where the area is
 * small), years rather than dates (here: days counted from the episode's
 * intake instead), and ages, with every age over 89 put in one group.
 */
import { ageInYears, daysBetween, type CalendarDate } from "../shared/calendarDate.ts";

/**
 * Three-digit ZIP areas of 20,000 people or fewer, which must be given as
 * 000. HHS's de-identification guidance lists these 17 from the 2000 Census
 * (following the Privacy Rule's 2002 preamble, 67 FR 53182, 53233-53234); the
 * same 17 appear in John D. Cook's note on sparsely populated ZIP codes and in
 * many Safe Harbor implementations. HHS says to use newer Census figures when
 * published: this list is data, to be updated, not a rule of the code.
 */
export const RESTRICTED_ZIP3 = new Set(["036", "059", "063", "102", "203", "556", "692", "790", "821", "823", "830", "831", "878", "879", "884", "890", "893"]);

/** The first three digits of a US ZIP code, 000 for a restricted area, "" when there is no usable ZIP. */
export function zip3(postalCode: string | null): string {
  const digits = /^\s*(\d{3})\d{2}(-?\d{4})?\s*$/.exec(postalCode ?? "");
  if (!digits) return "";
  return RESTRICTED_ZIP3.has(digits[1]!) ? "000" : digits[1]!;
}

/** An age in years, with every age over 89 given as "90+" (164.514(b)(2)(i)(C)). */
export function safeHarborAge(birthDate: CalendarDate, on: CalendarDate): string {
  const age = ageInYears(birthDate, on);
  return age > 89 ? "90+" : String(age);
}

/** A date as days after the anchor (the episode's intake); negative before it. */
export function dayOf(anchor: CalendarDate, date: CalendarDate): number {
  return daysBetween(anchor, date);
}
