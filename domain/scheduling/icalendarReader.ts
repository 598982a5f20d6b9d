/**
 * Reads an iCalendar object back into its events' properties, by the RFC
 * 5545 rules rather than by our writer's habits: lines are unfolded (a CRLF
 * followed by one space or tab joins the next line, §3.1), TEXT is unescaped
 * (§3.3.11) and UTC DATE-TIMEs become instants. It is what the tests use to
 * check that what went out in an e-mail or a feed says what it should.
 */

export interface ReadEvent {
  /** Every property of the VEVENT by name, unescaped (parameters dropped). */
  properties: Record<string, string>;
  start: Date | null;
  end: Date | null;
}

export function unfold(text: string): string[] {
  return text.replace(/\r\n[ \t]/g, "").split(/\r\n/).filter((line) => line !== "");
}

export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c));
}

/** 20270316T140000Z → the instant; null for a floating or zoned time (which our writer never produces). */
export function readUtcDateTime(value: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]))) : null;
}

export function readCalendar(text: string): { properties: Record<string, string>; events: ReadEvent[] } {
  const calendar: Record<string, string> = {};
  const events: ReadEvent[] = [];
  let event: Record<string, string> | null = null;
  for (const line of unfold(text)) {
    const colon = line.indexOf(":");
    if (colon < 0) throw new SyntaxError(`Not a content line: ${line}`);
    const name = line.slice(0, colon).split(";")[0]!.toUpperCase();
    const value = line.slice(colon + 1);
    if (name === "BEGIN" && value === "VEVENT") event = {};
    else if (name === "END" && value === "VEVENT" && event) {
      events.push({ properties: event, start: readUtcDateTime(event.DTSTART ?? ""), end: readUtcDateTime(event.DTEND ?? "") });
      event = null;
    } else (event ?? calendar)[name] = unescapeText(value);
  }
  return { properties: calendar, events };
}
