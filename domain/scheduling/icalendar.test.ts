import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { escapeText, foldLine, formatUtc, vcalendar, vevent } from "./icalendar.ts";

const octets = (s: string) => Buffer.byteLength(s, "utf8");
const unfold = (s: string) => s.replace(/\r\n /g, "");

describe("iCalendar writer (RFC 5545)", () => {
  it("leaves a line of 75 octets alone and folds the 76th onto a line starting with a space (§3.1)", () => {
    const exact = "X".repeat(75);
    assert.equal(foldLine(exact), exact);
    assert.equal(foldLine(`${exact}Y`), `${exact}\r\n Y`);
    // Continuations hold 74 octets after their space.
    const long = "A".repeat(75 + 74 + 3);
    assert.deepEqual(foldLine(long).split("\r\n").map(octets), [75, 75, 4]);
  });

  it("folds a long UTF-8 line by octets, never inside a character", () => {
    // "é" is 2 octets, "雪" 3 and "🌸" 4: 40 of "é" is 80 octets, which cannot fit in 75.
    const line = `SUMMARY:${"é".repeat(40)}`;
    const folded = foldLine(line).split("\r\n");
    assert.equal(octets(folded[0]!), 74, "8 octets of SUMMARY: and 33 é; a 34th would make 76");
    assert.ok(folded.every((l) => octets(l) <= 75));
    assert.equal(unfold(foldLine(line)), line);
    const mixed = `SUMMARY:${"雪🌸a".repeat(20)}`;
    for (const physical of foldLine(mixed).split("\r\n")) {
      assert.ok(octets(physical) <= 75, `${physical} is ${octets(physical)} octets`);
      assert.ok(!physical.includes("\uFFFD"));
    }
    assert.equal(unfold(foldLine(mixed)), mixed);
  });

  it("folds any text into lines of at most 75 octets that unfold to the original", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (text) => {
        const folded = foldLine(text);
        assert.ok(folded.split("\r\n").every((l) => octets(l) <= 75));
        assert.equal(unfold(folded), text);
      }),
    );
  });

  it("escapes backslash, semicolon, comma and line breaks in text (§3.3.11)", () => {
    assert.equal(escapeText("a\\b;c,d"), "a\\\\b\\;c\\,d");
    assert.equal(escapeText("one\ntwo\r\nthree\rfour"), "one\\ntwo\\nthree\\nfour");
    assert.equal(escapeText("Follow-up: M.A. #0042"), "Follow-up: M.A. #0042");
  });

  it("writes instants in UTC with Z (§3.3.5)", () => {
    assert.equal(formatUtc(new Date("2026-03-09T13:00:00.000Z")), "20260309T130000Z");
    assert.equal(formatUtc(new Date("2026-03-09T09:00:00-04:00")), "20260309T130000Z");
    assert.throws(() => formatUtc(new Date("nonsense")), RangeError);
  });

  it("writes a VCALENDAR with VERSION and PRODID around its VEVENTs, CRLF after every line", () => {
    const event = vevent({
      uid: "0b9f@acuback",
      stamp: new Date("2026-03-01T10:00:00Z"),
      start: new Date("2026-03-09T13:00:00Z"),
      end: new Date("2026-03-09T14:00:00Z"),
      summary: "Follow-up, M.A.; #0042",
      location: "Room 1",
      status: "CANCELLED",
      sequence: 2,
    });
    assert.deepEqual(event, [
      "BEGIN:VEVENT",
      "UID:0b9f@acuback",
      "DTSTAMP:20260301T100000Z",
      "DTSTART:20260309T130000Z",
      "DTEND:20260309T140000Z",
      "SUMMARY:Follow-up\\, M.A.\\; #0042",
      "LOCATION:Room 1",
      "STATUS:CANCELLED",
      "SEQUENCE:2",
      "END:VEVENT",
    ]);
    const text = vcalendar({ prodId: "-//Acuback//Calendar feed//EN", name: "Dana, Acuback", timeZone: "America/New_York" }, [event]);
    assert.ok(text.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Acuback//Calendar feed//EN\r\n"));
    assert.ok(text.endsWith("END:VEVENT\r\nEND:VCALENDAR\r\n"));
    assert.ok(text.includes("X-WR-CALNAME:Dana\\, Acuback\r\n"));
    assert.equal(text.split("\r\n").filter((l) => l.includes("\n")).length, 0, "no bare LF");
    assert.throws(() => vevent({ uid: "x", stamp: new Date(), start: new Date("2026-03-09T14:00:00Z"), end: new Date("2026-03-09T13:00:00Z"), summary: "x" }), RangeError);
  });
});
