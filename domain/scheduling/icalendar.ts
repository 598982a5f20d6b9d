/**
 * A small iCalendar (RFC 5545) writer: just what a calendar feed of
 * appointments needs. Pure: the caller gives every instant, including DTSTAMP.
 *
 * Content lines are "NAME:value"; text values are escaped (RFC 5545 §3.3.11)
 * and every line is folded at 75 octets (§3.1), lines ending in CRLF.
 */

/** The longest content line, in octets of UTF-8, before it is folded (§3.1). */
export const LINE_OCTETS = 75;

const encoder = new TextEncoder();

/**
 * Folds a content line so no physical line exceeds 75 octets: continuations
 * start with one space (which counts towards their 75). A multi-octet UTF-8
 * character is never split, so a fold never produces an invalid byte sequence.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = parts.length === 0 ? LINE_OCTETS : LINE_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

/** A TEXT value: backslash, semicolon and comma escaped, every line break as \n (§3.3.11). */
export function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, "\\n");
}

/** A DATE-TIME in UTC, the form with "Z" (§3.3.5 form #2): 20260309T140000Z. */
export function formatUtc(instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError("formatUtc needs a valid date");
  return instant.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

export interface CalendarEvent {
  /** Globally unique and the same on every fetch, so a calendar app updates the event rather than adding another. */
  uid: string;
  /** When this version of the event was written. */
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  location?: string | null;
  description?: string | null;
  status?: "CONFIRMED" | "TENTATIVE" | "CANCELLED";
  /** The revision number: a calendar app takes the higher one as newer (§3.8.7.4). */
  sequence?: number;
}

/** The unfolded content lines of one VEVENT. */
export function vevent(event: CalendarEvent): string[] {
  if (!(event.end > event.start)) throw new RangeError(`Event ${event.uid} must end after it starts`);
  return [
    "BEGIN:VEVENT",
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${formatUtc(event.stamp)}`,
    `DTSTART:${formatUtc(event.start)}`,
    `DTEND:${formatUtc(event.end)}`,
    `SUMMARY:${escapeText(event.summary)}`,
    ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    ...(event.status ? [`STATUS:${event.status}`] : []),
    ...(event.sequence !== undefined ? [`SEQUENCE:${event.sequence}`] : []),
    "END:VEVENT",
  ];
}

export interface CalendarHead {
  /** Who wrote the calendar (§3.7.3), e.g. "-//Acuback//Calendar feed//EN". */
  prodId: string;
  /** The name calendar apps show for a subscribed calendar (X-WR-CALNAME, a widely read extension). */
  name?: string;
  /** The clinic's zone as a hint for apps (X-WR-TIMEZONE); every time in the feed is UTC regardless. */
  timeZone?: string;
  /** PUBLISH for an event sent by e-mail for information, not an invitation to answer (RFC 5546). */
  method?: "PUBLISH";
}

/** A whole VCALENDAR object: folded lines, each ending in CRLF. */
export function vcalendar(head: CalendarHead, events: readonly string[][]): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${head.prodId}`,
    "CALSCALE:GREGORIAN",
    ...(head.method ? [`METHOD:${head.method}`] : []),
    ...(head.name ? [`X-WR-CALNAME:${escapeText(head.name)}`] : []),
    ...(head.timeZone ? [`X-WR-TIMEZONE:${escapeText(head.timeZone)}`] : []),
    ...events.flat(),
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
