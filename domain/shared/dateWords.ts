/**
 * The one way the app shows a date: "Mar 5, 2026" (the month in words, so no
 * one reads 03/05 as the 3rd of May), and with a time, "Mar 5, 2026, 2:14 PM"
 * in the device's time zone. Calendar dates (birth dates, visit days) carry no
 * time zone and are shown as the day they are, never shifted by one.
 */
import type { CalendarDate } from "./calendarDate.ts";

const DAY = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
const MOMENT = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", hour: "numeric", minute: "2-digit" });

/** A calendar date (YYYY-MM-DD) in words; anything else is shown as given. */
export function formatDate(date: CalendarDate | string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  return DAY.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))));
}

/** A moment (an ISO timestamp) with its local time. */
export function formatDateTime(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : MOMENT.format(at);
}
