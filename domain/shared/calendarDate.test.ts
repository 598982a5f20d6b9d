import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { ageInYears, calendarDateOf, daysBetween, isCalendarDate, type CalendarDate } from "./calendarDate.ts";

const d = (text: string) => text as CalendarDate;

describe("isCalendarDate", () => {
  const cases: [string, boolean][] = [
    ["2024-02-29", true], // 2024 is a leap year
    ["2023-02-29", false],
    ["1900-02-29", false], // century not divisible by 400
    ["2000-02-29", true],
    ["1990-13-45", false], // the date the `fhir` package wrongly accepts (stack notes)
    ["1990-04-31", false],
    ["1990-4-3", false],
    ["", false],
    ["2026-11-21T00:00:00Z", false],
  ];
  for (const [text, expected] of cases) {
    it(`${JSON.stringify(text)} → ${expected}`, () => assert.equal(isCalendarDate(text), expected));
  }

  it("agrees with the JavaScript calendar for every day of 1900–2100", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2100-12-31T00:00:00Z"), noInvalidDate: true }), (date) =>
        isCalendarDate(calendarDateOf(date)),
      ),
    );
  });
});

describe("ageInYears", () => {
  it("counts completed years", () => {
    assert.equal(ageInYears(d("1970-05-06"), d("2026-05-05")), 55);
    assert.equal(ageInYears(d("1970-05-06"), d("2026-05-06")), 56);
  });
  it("a 29 February birthday turns a year older on 1 March in common years", () => {
    assert.equal(ageInYears(d("2000-02-29"), d("2025-02-28")), 24);
    assert.equal(ageInYears(d("2000-02-29"), d("2025-03-01")), 25);
  });
  it("never decreases as time passes", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: 0, max: 400 }), (start, gap) => {
        const birth = calendarDateOf(new Date(Date.UTC(1920, 0, 1) + start * 86_400_000));
        const a = calendarDateOf(new Date(Date.parse(birth) + 365 * 86_400_000));
        const b = calendarDateOf(new Date(Date.parse(a) + gap * 86_400_000));
        return ageInYears(birth, b) >= ageInYears(birth, a);
      }),
    );
  });
});

describe("daysBetween", () => {
  it("counts across a leap day and backwards", () => {
    assert.equal(daysBetween(d("2024-02-28"), d("2024-03-01")), 2);
    assert.equal(daysBetween(d("2024-03-01"), d("2024-02-28")), -2);
  });
});
