import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { buildCalendar, escapeText, foldLine, MAX_LINE_OCTETS, utcDateTime, type CalendarEvent } from "./icalendar.ts";
import { readCalendar, unfold } from "./icalendarReader.ts";

const octets = (s: string) => new TextEncoder().encode(s).length;

const event = (overrides: Partial<CalendarEvent> = {}): CalendarEvent => ({
  uid: "8d0c1c2e-5a51-4c1e-9a57-2f0c8f8a1b11@acuback",
  sequence: 1,
  stamp: new Date("2027-03-15T12:00:00Z"),
  start: new Date("2027-03-16T14:00:00Z"),
  end: new Date("2027-03-16T15:00:00Z"),
  summary: "Appointment at Riverside Acupuncture",
  location: "Riverside Acupuncture",
  ...overrides,
});

describe("iCalendar writer (RFC 5545)", () => {
  it("writes a VEVENT with UID, DTSTAMP and UTC DTSTART/DTEND, lines ending in CRLF", () => {
    const text = buildCalendar([event()]);
    assert.ok(text.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
    assert.ok(text.endsWith("END:VCALENDAR\r\n"));
    assert.ok(!/[^\r]\n/.test(text), "every line break is CRLF");
    for (const line of ["UID:8d0c1c2e-5a51-4c1e-9a57-2f0c8f8a1b11@acuback", "DTSTAMP:20270315T120000Z", "DTSTART:20270316T140000Z", "DTEND:20270316T150000Z", "SEQUENCE:1", "LOCATION:Riverside Acupuncture"]) {
      assert.ok(text.includes(`\r\n${line}\r\n`), line);
    }
    const [read] = readCalendar(text).events;
    assert.equal(read!.start!.toISOString(), "2027-03-16T14:00:00.000Z");
    assert.equal(read!.end!.toISOString(), "2027-03-16T15:00:00.000Z");
  });

  it("drops milliseconds and writes the UTC form (§3.3.5 form #2)", () => {
    assert.equal(utcDateTime(new Date("2027-11-07T06:30:00.999Z")), "20271107T063000Z");
    assert.throws(() => utcDateTime(new Date("nonsense")), RangeError);
  });

  // §3.3.11: ESCAPED-CHAR = ("\\" / "\;" / "\," / "\N" / "\n")
  it("escapes backslash, semicolon, comma and newlines in TEXT", () => {
    assert.equal(escapeText("Okafor, Sam; L.Ac."), "Okafor\\, Sam\\; L.Ac.");
    assert.equal(escapeText("C:\\rooms\\1"), "C:\\\\rooms\\\\1");
    assert.equal(escapeText("line one\nline two\r\nthree\rfour"), "line one\\nline two\\nthree\\nfour");
    assert.equal(escapeText("tab\there\u0007"), "tab\there", "a tab is allowed in TEXT (WSP), a bell is not");
    const text = buildCalendar([event({ location: "Smith, Jones & Co; Suite 2\\B", summary: "A\nB" })]);
    assert.ok(text.includes("LOCATION:Smith\\, Jones & Co\\; Suite 2\\\\B\r\n"));
    const [read] = readCalendar(text).events;
    assert.equal(read!.properties.LOCATION, "Smith, Jones & Co; Suite 2\\B");
    assert.equal(read!.properties.SUMMARY, "A\nB");
  });

  it("folds a long line at 75 octets with CRLF and a space, and unfolds to the same line", () => {
    const line = `DESCRIPTION:${"x".repeat(200)}`;
    const folded = foldLine(line);
    const parts = folded.split("\r\n");
    assert.equal(parts[0]!.length, 75);
    assert.ok(parts.slice(1).every((p) => p.startsWith(" ") && octets(p) <= 75));
    assert.deepEqual(unfold(folded), [line]);
    assert.equal(foldLine("SUMMARY:short"), "SUMMARY:short");
    assert.equal(foldLine(`X:${"y".repeat(73)}`), `X:${"y".repeat(73)}`, "exactly 75 octets stays one line");
  });

  it("never folds inside a UTF-8 character: 'é' is two octets, '針' three, '🙂' four", () => {
    const line = `LOCATION:${"Clínica 針灸 🙂 ".repeat(12)}`;
    const folded = foldLine(line);
    for (const part of folded.split("\r\n")) {
      assert.ok(octets(part) <= MAX_LINE_OCTETS, `${octets(part)} octets: ${part}`);
      assert.ok(!part.includes("\uFFFD"));
    }
    assert.deepEqual(unfold(folded), [line]);
  });

  it("property: any summary and location survive writing, folding and reading back, and no line passes 75 octets", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), fc.string({ unit: "grapheme", minLength: 1, maxLength: 120 }), (summary, location) => {
        const text = buildCalendar([event({ summary, location })]);
        for (const line of text.split("\r\n")) assert.ok(octets(line) <= MAX_LINE_OCTETS);
        const [read] = readCalendar(text).events;
        const clean = (s: string) => s.replace(/\r\n|\r/g, "\n").replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "");
        assert.equal(read!.properties.SUMMARY ?? "", clean(summary));
        if (clean(location)) assert.equal(read!.properties.LOCATION, clean(location));
      }),
    );
  });

  it("refuses an event that ends before it starts, or a negative sequence", () => {
    assert.throws(() => buildCalendar([event({ end: new Date("2027-03-16T13:00:00Z") })]), /must end after it starts/);
    assert.throws(() => buildCalendar([event({ sequence: -1 })]), /SEQUENCE/);
  });

  it("names a feed's calendar and holds several events", () => {
    const text = buildCalendar([event(), event({ uid: "second@acuback" })], { name: "Sam Okafor, L.Ac." });
    const read = readCalendar(text);
    assert.equal(read.properties["X-WR-CALNAME"], "Sam Okafor, L.Ac.");
    assert.deepEqual(read.events.map((e) => e.properties.UID), ["8d0c1c2e-5a51-4c1e-9a57-2f0c8f8a1b11@acuback", "second@acuback"]);
  });
});
