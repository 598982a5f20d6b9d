/**
 * Calendar dates (no time, no zone) as ISO strings `YYYY-MM-DD`.
 *
 * Clinical dates such as a birth date or the day a score was recorded are
 * calendar days, not instants: keeping them as strings avoids the classic bug
 * where a midnight UTC timestamp shows as the previous day in the Americas.
 */
import type { Brand } from "./brand.ts";

export type CalendarDate = Brand<string, "CalendarDate">;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `text` is a real day in the proleptic Gregorian calendar (rejects 1990-13-45, 2023-02-29). */
export function isCalendarDate(text: string): text is CalendarDate {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return days[month - 1] ?? 0;
}

/** The calendar date of an instant in UTC. The caller passes the instant: domain code reads no clock. */
export function calendarDateOf(instant: Date): CalendarDate {
  return instant.toISOString().slice(0, 10) as CalendarDate;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}

/** The day `days` after `date` (before it when negative). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10) as CalendarDate;
}

/** Age in completed years on `on`; a person born on 29 February turns a year older on 1 March in common years. */
export function ageInYears(birthDate: CalendarDate, on: CalendarDate): number {
  const [by, bm, bd] = birthDate.split("-").map(Number) as [number, number, number];
  const [oy, om, od] = on.split("-").map(Number) as [number, number, number];
  let age = oy - by;
  if (om < bm || (om === bm && od < bd)) age -= 1;
  return age;
}
