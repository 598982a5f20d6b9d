/**
 * A small iCalendar writer (RFC 5545) for the events Acuback hands to
 * patients' and practitioners' calendar apps: one VCALENDAR of VEVENTs with
 * times in UTC, so no VTIMEZONE is needed and no app can misread the zone.
 *
 * Written here rather than taken from a package because what is needed is
 * small (one component, six properties) and the two rules that calendar apps
 * are strict about are easy to get wrong silently: TEXT values escape
 * backslash, semicolon, comma and newlines (§3.3.11), and a content line is
 * folded at 75 octets, never inside a UTF-8 character (§3.1).
 */

export interface CalendarEvent {
  /** Globally unique and stable: the same appointment keeps its UID, so a later copy updates the event instead of adding one. */
  uid: string;
  /** Increases when the event changes (a moved appointment), so calendar apps take the newer copy (§3.8.7.4). */
  sequence: number;
  /** When this copy was written (DTSTAMP). */
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  location?: string | undefined;
  description?: string | undefined;
}

const CRLF = "\r\n";
/** §3.1: "Lines of text SHOULD NOT be longer than 75 octets, excluding the line break." */
export const MAX_LINE_OCTETS = 75;

/** A UTC DATE-TIME in the form §3.3.5 calls "FORM #2: DATE WITH UTC TIME": 20270316T140000Z. */
export function utcDateTime(instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError("An iCalendar time needs a valid instant.");
  return instant.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
}

/**
 * A TEXT value escaped as §3.3.11 says: \ ; , and line breaks. Other control
 * characters are not allowed in TEXT at all; they are dropped rather than
 * passed to a calendar app that may refuse the whole file.
 */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "");
}

const encoder = new TextEncoder();
const octets = (text: string) => encoder.encode(text).length;

/**
 * One content line folded to at most 75 octets a line: a fold is CRLF and a
 * space (§3.1), the space counting toward the next line's 75, and a fold
 * falls between characters, never inside one's UTF-8 bytes.
 */
export function foldLine(line: string): string {
  if (octets(line) <= MAX_LINE_OCTETS) return line;
  const lines: string[] = [];
  let current = "";
  let size = 0;
  for (const character of line) {
    const width = octets(character);
    const limit = lines.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (size + width > limit) {
      lines.push(current);
      current = "";
      size = 0;
    }
    current += character;
    size += width;
  }
  lines.push(current);
  return lines.join(`${CRLF} `);
}

function eventLines(event: CalendarEvent): string[] {
  if (event.end.getTime() <= event.start.getTime()) throw new RangeError(`Event ${event.uid} must end after it starts.`);
  if (!Number.isInteger(event.sequence) || event.sequence < 0) throw new RangeError(`Event ${event.uid} needs a whole, non-negative SEQUENCE.`);
  return [
    "BEGIN:VEVENT",
    `UID:${escapeText(event.uid)}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${utcDateTime(event.stamp)}`,
    `DTSTART:${utcDateTime(event.start)}`,
    `DTEND:${utcDateTime(event.end)}`,
    `SUMMARY:${escapeText(event.summary)}`,
    ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    "END:VEVENT",
  ];
}

/**
 * A whole iCalendar object. `name` is the calendar's display name
 * (X-WR-CALNAME, which the common calendar apps read) for a feed; PUBLISH is
 * the method for an event sent for information, not an invitation to answer.
 */
export function buildCalendar(events: readonly CalendarEvent[], options: { name?: string } = {}): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Acuback//Acuback scheduling//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    ...(options.name ? [`X-WR-CALNAME:${escapeText(options.name)}`] : []),
    ...events.flatMap(eventLines),
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
