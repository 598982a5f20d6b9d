import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { ageInYears, calendarDateOf, type CalendarDate } from "../shared/calendarDate.ts";
import { birthDateProblem, clinicalDateProblem, clinicalDateProblems, earliestPlausibleBirthDate, OLDEST_PLAUSIBLE_AGE_YEARS } from "./clinicalDates.ts";
import { fieldLabel } from "./fieldLabels.ts";
import { plainIssue } from "./issueWords.ts";
import { DEFAULT_DOSE_LIMITS, judgeDose } from "./medicationDose.ts";
import { characterCount, textTooLong } from "./textLimits.ts";

const d = (text: string) => text as CalendarDate;
const today = d("2026-05-10");
const bounds = { today, birthDate: d("1971-03-12") };

describe("clinical dates", () => {
  const cases: [string, string, string | null][] = [
    ["onset before birth", "1971-03-11", "Onset can't be before the date of birth (Mar 12, 1971)."],
    ["onset on the day of birth", "1971-03-12", null],
    ["onset in 1800 (the issue's '11,839 weeks')", "1800-01-01", "Onset can't be before the date of birth (Mar 12, 1971)."],
    ["onset today", "2026-05-10", null],
    ["onset tomorrow", "2026-05-11", "Onset can't be in the future."],
  ];
  for (const [name, date, expected] of cases) it(name, () => assert.equal(clinicalDateProblem("Onset", d(date), bounds), expected));

  it("falls back to the 1900 floor when the date of birth is not at hand", () => {
    assert.equal(clinicalDateProblem("Date recorded", d("1899-12-31"), { today, birthDate: null }), "Date recorded can't be before 1900.");
    assert.equal(clinicalDateProblem("Date recorded", d("1900-01-01"), { today, birthDate: null }), null);
  });

  it("checks several dates at once and names each by its key", () => {
    assert.deepEqual(
      clinicalDateProblems({ startedOn: { label: "Start date", date: d("1901-01-01") }, stoppedOn: { label: "Stop date", date: null }, other: { label: "Other", date: d("2000-01-01") } }, bounds),
      { startedOn: "Start date can't be before the date of birth (Mar 12, 1971)." },
    );
  });

  it("no date the rule accepts is before birth or after today (property)", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1800-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true }), (instant) => {
        const date = calendarDateOf(instant);
        const accepted = clinicalDateProblem("Date", date, bounds) === null;
        return accepted === (date >= bounds.birthDate && date <= today);
      }),
    );
  });
});

describe("dates of birth", () => {
  it("refuses the future and more than 120 years ago, accepts today and 120 years", () => {
    assert.equal(birthDateProblem(d("2026-05-11"), today), "Date of birth can't be in the future.");
    assert.equal(birthDateProblem(today, today), null);
    assert.equal(birthDateProblem(d("1906-05-10"), today), null); // 120 today
    assert.equal(birthDateProblem(d("1905-05-10"), today), "Date of birth can't be more than 120 years ago."); // 121 today
    assert.equal(birthDateProblem(d("1800-01-01"), today), "Date of birth can't be more than 120 years ago.");
  });

  it("gives the earliest plausible date of birth for a date picker, 29 February included", () => {
    for (const day of ["2026-05-10", "2028-02-29", "2027-03-01", "2026-12-31"].map(d)) {
      const earliest = earliestPlausibleBirthDate(day);
      assert.equal(birthDateProblem(earliest, day), null, day);
      assert.ok(ageInYears(earliest, day) === OLDEST_PLAUSIBLE_AGE_YEARS, day);
      const dayBefore = calendarDateOf(new Date(Date.parse(`${earliest}T00:00:00Z`) - 86_400_000));
      assert.notEqual(birthDateProblem(dayBefore, day), null, day);
    }
  });
});

describe("opioid doses (MME/day by the CDC 2022 factors; limits are configuration)", () => {
  it("refuses 100,000 mg/day of morphine, the issue's example", () => {
    const judged = judgeDose({ opioid: "morphine", dailyDose: 100_000 }, DEFAULT_DOSE_LIMITS);
    assert.equal(judged.level, "refuse");
    assert.match((judged as { message: string }).message, /100,000 mg\/day of morphine is 100,000 MME\/day, above the 10,000 MME\/day/);
  });

  it("asks to confirm a very high but possible dose, and accepts an ordinary one", () => {
    assert.equal(judgeDose({ opioid: "oxycodone", dailyDose: 800 }, DEFAULT_DOSE_LIMITS).level, "confirm"); // 1,200 MME/day
    assert.equal(judgeDose({ opioid: "oxycodone", dailyDose: 30 }, DEFAULT_DOSE_LIMITS).level, "plausible"); // 45 MME/day
    assert.equal(judgeDose({ opioid: "morphine", dailyDose: 1_000 }, DEFAULT_DOSE_LIMITS).level, "plausible"); // at the warning level, not above
  });

  it("judges transdermal fentanyl in mcg/hr through its factor (2.4)", () => {
    const judged = judgeDose({ opioid: "fentanyl transdermal", dailyDose: 5_000 }, DEFAULT_DOSE_LIMITS);
    assert.equal(judged.level, "refuse");
    assert.match((judged as { message: string }).message, /5,000 mcg\/hr of fentanyl transdermal is 12,000 MME\/day/);
  });

  it("follows the clinic's own limits", () => {
    assert.equal(judgeDose({ opioid: "morphine", dailyDose: 300 }, { ceilingMmePerDay: 250, warningMmePerDay: 100 }).level, "refuse");
  });
});

describe("text limits", () => {
  it("counts as the user types and warns near and over the limit", () => {
    assert.deepEqual(characterCount(123, 2000), { text: "123 / 2,000 characters", state: "ok" });
    assert.deepEqual(characterCount(1800, 2000), { text: "1,800 / 2,000 characters: 200 left", state: "near" });
    assert.deepEqual(characterCount(2000, 2000), { text: "2,000 / 2,000 characters: 0 left", state: "near" });
    assert.deepEqual(characterCount(2105, 2000), { text: "2,105 / 2,000 characters: 105 too many", state: "over" });
  });

  it("says the limit when text is refused", () => {
    assert.equal(textTooLong("Note", 2000, 2105), "Note is too long (at most 2,000 characters; this has 2,105).");
  });
});

describe("validation issues in plain words", () => {
  const cases: [string, Parameters<typeof plainIssue>[0], string][] = [
    ["an empty list", { code: "too_small", origin: "array", minimum: 1, inclusive: true, path: ["instruments"] }, "Choose at least one questionnaire."],
    ["an empty list of an unlisted kind", { code: "too_small", origin: "array", minimum: 1, path: ["goals"] }, "Goals: choose at least 1."],
    ["over-long text", { code: "too_big", origin: "string", maximum: 4000, path: ["notes"], input: "x".repeat(4001) }, "Notes is too long (at most 4,000 characters; this has 4,001)."],
    ["a correction's over-long note", { code: "too_big", origin: "string", maximum: 2000, path: ["values", "note"] }, "Note is too long (at most 2,000 characters)."],
    ["a missing value", { code: "invalid_type", expected: "string", path: ["onsetDate"], input: undefined }, "Onset is required."],
    ["text for a number", { code: "invalid_type", expected: "number", path: ["dailyDose"], input: "ten" }, "Daily dose must be a number."],
    ["a fraction for a whole number", { code: "invalid_type", expected: "int", path: ["pregnancyWeeks"], input: 2.5 }, "Weeks of pregnancy must be a whole number."],
    ["an option not listed", { code: "invalid_value", path: ["workStatus"] }, "Choose one of the listed options for work."],
    ["a number too large", { code: "too_big", origin: "number", maximum: 45, inclusive: true, path: ["pregnancyWeeks"] }, "Weeks of pregnancy must be at most 45."],
    ["a bad e-mail", { code: "invalid_format", format: "email", path: ["email"] }, "E-mail is not an e-mail address."],
    ["the whole body", { code: "invalid_type", expected: "object", path: [], input: "x" }, "This value is not written in a form Acuback can read."],
  ];
  for (const [name, issue, expected] of cases) it(name, () => assert.equal(plainIssue(issue), expected));

  it("never says a schema library's words", () => {
    const codes = ["too_small", "too_big", "invalid_type", "invalid_value", "invalid_format", "custom", "invalid_union", "unrecognized_keys"];
    for (const code of codes) for (const origin of ["array", "string", "number", undefined]) {
      const text = plainIssue({ code, ...(origin && { origin }), minimum: 1, maximum: 3, expected: "number", path: ["note"], input: 5 });
      assert.doesNotMatch(text, /expected|>=|<=|Too small|Too big|undefined|NaN/, text);
    }
  });

  it("names unlisted keys in words", () => assert.equal(fieldLabel(["sites", 3, "frequenciesHz"]), "Frequencies hz"));
});

describe("planned dates", () => {
  it("takes any day from 1900 to 2099 and refuses a year typed as 0001 or 9999", async () => {
    const { plannedDateProblem } = await import("./clinicalDates.ts");
    assert.equal(plannedDateProblem("Start", "2027-03-01" as CalendarDate), null);
    assert.equal(plannedDateProblem("Start", "2099-12-31" as CalendarDate), null);
    assert.equal(plannedDateProblem("Start", "9999-12-31" as CalendarDate), "Start must be between 1900 and 2099.");
    assert.equal(plannedDateProblem("Start", "0001-01-01" as CalendarDate), "Start must be between 1900 and 2099.");
  });
});
