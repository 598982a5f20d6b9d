import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { addDays, type CalendarDate } from "../shared/calendarDate.ts";
import { formatClock, fromLocal, isTimeZone, mondayOf, parseClock, toLocal, weekdayOf } from "./clinicTime.ts";

const d = (s: string) => s as CalendarDate;
const NY = "America/New_York";

describe("clinic time", () => {
  it("reads 09:00 in New York as 14:00Z in winter and 13:00Z in summer", () => {
    assert.equal(fromLocal(d("2026-01-12"), 9 * 60, NY).toISOString(), "2026-01-12T14:00:00.000Z");
    assert.equal(fromLocal(d("2026-07-13"), 9 * 60, NY).toISOString(), "2026-07-13T13:00:00.000Z");
    assert.equal(fromLocal(d("2026-07-13"), 9 * 60, "UTC").toISOString(), "2026-07-13T09:00:00.000Z");
  });

  // US daylight saving time 2026: starts Sunday 8 March 02:00, ends Sunday 1 November 02:00 (15 U.S.C. 260a).
  it("keeps 09:00 local across the March change: Friday 14:00Z, Monday 13:00Z", () => {
    assert.equal(fromLocal(d("2026-03-06"), 540, NY).toISOString(), "2026-03-06T14:00:00.000Z");
    assert.equal(fromLocal(d("2026-03-09"), 540, NY).toISOString(), "2026-03-09T13:00:00.000Z");
    // 02:30 does not exist on 8 March: it moves on by the hour skipped.
    assert.deepEqual(toLocal(fromLocal(d("2026-03-08"), 150, NY), NY), { date: d("2026-03-08"), minute: 210 });
  });

  it("keeps 09:00 local across the November change and takes the first 01:30 of the repeated hour", () => {
    assert.equal(fromLocal(d("2026-10-30"), 540, NY).toISOString(), "2026-10-30T13:00:00.000Z");
    assert.equal(fromLocal(d("2026-11-02"), 540, NY).toISOString(), "2026-11-02T14:00:00.000Z");
    assert.equal(fromLocal(d("2026-11-01"), 90, NY).toISOString(), "2026-11-01T05:30:00.000Z");
    // The day is 25 hours long: local midnight to midnight.
    assert.equal(fromLocal(d("2026-11-02"), 0, NY).getTime() - fromLocal(d("2026-11-01"), 0, NY).getTime(), 25 * 3_600_000);
    assert.equal(fromLocal(d("2026-11-01"), 1440, NY).toISOString(), fromLocal(d("2026-11-02"), 0, NY).toISOString());
  });

  it("round-trips every quarter hour of a DST week that exists on the clock (property)", () => {
    for (const zone of [NY, "Europe/Berlin", "Australia/Sydney", "Asia/Kolkata", "UTC"]) {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 95 }), fc.constantFrom("2026-03-06", "2026-10-29", "2026-03-27", "2026-04-03"), (days, q, from) => {
          const date = addDays(d(from), days);
          const minute = q * 15;
          const instant = fromLocal(date, minute, zone);
          const back = toLocal(instant, zone);
          // Either the same wall time, or (in a spring-forward gap) a later one on the same day within the hour skipped.
          if (back.date === date && back.minute === minute) return true;
          return back.date === date && back.minute > minute && back.minute - minute <= 60;
        }),
      );
    }
  });

  it("knows IANA zones, weekdays and clock times", () => {
    assert.equal(isTimeZone("America/New_York"), true);
    assert.equal(isTimeZone("Mars/Olympus"), false);
    assert.equal(isTimeZone(""), false);
    assert.equal(weekdayOf(d("2026-03-09")), 1);
    assert.equal(weekdayOf(d("2026-03-08")), 7);
    assert.equal(mondayOf(d("2026-03-08")), "2026-03-02");
    assert.equal(parseClock("09:30"), 570);
    assert.equal(parseClock("24:00"), 1440);
    assert.equal(parseClock("9:30"), null);
    assert.equal(parseClock("25:00"), null);
    assert.equal(formatClock(570), "09:30");
  });
});
