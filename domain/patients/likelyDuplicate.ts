/**
 * A patient being registered who is probably already on file: the same
 * name (compared without accents, case, punctuation or spacing) and date of
 * birth, or the same date of birth and phone number (digits only). The date of
 * birth is in both rules, so two different people sharing a common name or a
 * family phone are not flagged unless they were also born on the same day.
 * Only a warning: the person registering may confirm they are different people.
 */
import type { CalendarDate } from "../shared/calendarDate.ts";
import { foldText } from "./foldText.ts";

export interface Identity {
  givenName: string;
  familyName: string;
  birthDate: CalendarDate;
  phone: string | null;
}

/** "  María-José  Álvarez " → "mariajosealvarez": the name as it would be compared. */
export function normalisedName(givenName: string, familyName: string): string {
  return foldText(`${givenName}${familyName}`).replace(/[^\p{L}\p{N}]/gu, "");
}

/** Digits of a phone number; fewer than 7 digits (an extension, a typo) are not compared. */
export function phoneDigits(phone: string | null): string | null {
  const digits = (phone ?? "").replace(/\D/g, "");
  return digits.length >= 7 ? digits : null;
}

export function isLikelyDuplicate(candidate: Identity, existing: Identity): boolean {
  if (candidate.birthDate !== existing.birthDate) return false;
  const name = normalisedName(candidate.givenName, candidate.familyName);
  // Given and family names swapped is a common slip at a front desk.
  if (name === normalisedName(existing.givenName, existing.familyName) || name === normalisedName(existing.familyName, existing.givenName)) return true;
  const phone = phoneDigits(candidate.phone);
  return phone !== null && phone === phoneDigits(existing.phone);
}
