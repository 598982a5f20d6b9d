/**
 * A practitioner's appointments as an iCalendar feed for their own calendar
 * app (issue 16). See docs/decisions/0018-calendar-feed.md.
 *
 * Privacy: the feed leaves the clinic. The practitioner's calendar app (and
 * the company behind it: Google, Apple, Microsoft) fetches it, stores it and
 * shows it on lock screens and in notifications, outside the clinic's
 * safeguards and audit log. So an event says only what the practitioner needs
 * to recognise the slot: the appointment type, the patient's initials and
 * record number, and the room. Never the full name, the birth date, a
 * diagnosis, a status reason or any note: with the record number the
 * practitioner finds the patient in Acuback, where reading is audited.
 */
import { addDays, type CalendarDate } from "../shared/calendarDate.ts";
import type { AppointmentStatus } from "./appointment.ts";
import { vcalendar, vevent, type CalendarEvent } from "./icalendar.ts";

/** How far the feed reaches: a month back (what was done) and half a year ahead (what is booked). Acuback's choice, not a standard. */
export const FEED_WINDOW = { daysBack: 30, daysAhead: 180 } as const;

export const FEED_PRODID = "-//Acuback//Calendar feed//EN";

/** What the feed may know of one appointment: nothing more is selected from the database. */
export interface FeedAppointment {
  id: string;
  start: Date;
  end: Date;
  status: AppointmentStatus;
  version: number;
  updatedAt: Date;
  typeName: string;
  roomName: string;
  givenName: string;
  familyName: string;
  recordNumber: string;
}

/** The first letter of each name, "M.A."; a letter a calendar app can show whatever the script. */
export function initials(givenName: string, familyName: string): string {
  return [givenName, familyName]
    .map((name) => [...name.trim()][0]?.toLocaleUpperCase() ?? "")
    .filter((letter) => letter !== "")
    .map((letter) => `${letter}.`)
    .join("");
}

/** "Follow-up treatment · M.A. #0042": the type, the initials and the record number only (see the comment at the top). */
export function feedSummary(a: Pick<FeedAppointment, "typeName" | "givenName" | "familyName" | "recordNumber">): string {
  const who = initials(a.givenName, a.familyName);
  return `${a.typeName} · ${who ? `${who} ` : ""}#${a.recordNumber}`;
}

/** The local dates the feed covers, from the first to the day after the last; the caller turns them into instants in the clinic's zone. */
export function feedDates(today: CalendarDate): { from: CalendarDate; to: CalendarDate } {
  return { from: addDays(today, -FEED_WINDOW.daysBack), to: addDays(today, FEED_WINDOW.daysAhead + 1) };
}

/**
 * One event per appointment. Booked and done ones are confirmed; a cancelled
 * or missed one stays in the feed as CANCELLED, so an app that already holds
 * the event marks it off instead of keeping a stale booking.
 */
export function feedEvent(a: FeedAppointment): CalendarEvent {
  return {
    // The appointment's id is a UUID, unique on its own; no host in it, so the UID survives a change of the server's address.
    uid: `${a.id}@acuback`,
    stamp: a.updatedAt,
    start: a.start,
    end: a.end,
    summary: feedSummary(a),
    location: a.roomName,
    status: a.status === "booked" || a.status === "done" ? "CONFIRMED" : "CANCELLED",
    sequence: Math.max(0, a.version - 1),
  };
}

export function calendarFeed(feed: { calendarName: string; timeZone: string }, appointments: readonly FeedAppointment[]): string {
  return vcalendar({ prodId: FEED_PRODID, name: feed.calendarName, timeZone: feed.timeZone }, appointments.map((a) => vevent(feedEvent(a))));
}
