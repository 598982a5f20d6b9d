import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { addDays, type CalendarDate } from "../shared/calendarDate.ts";
import { checkPlan, planProblems, planYearOf, type PayerPlan } from "./payerPlan.ts";
import type { VisitDescription } from "./types.ts";

const d = (text: string) => text as CalendarDate;
const V = d("2026-06-01");

/** An example plan as an owner might enter it (no real payer's terms): 20 visits a calendar year, acupuncture and electroacupuncture. */
function plan(over: Omit<Partial<PayerPlan>, "priorAuthorization"> & { priorAuthorization?: Partial<PayerPlan["priorAuthorization"]> } = {}): PayerPlan {
  const { priorAuthorization, ...rest } = over;
  return {
    name: "Example PPO",
    visitsPerPlanYear: 20,
    planYearStart: "01-01",
    priorAuthorization: { required: false, number: null, from: null, to: null, ...priorAuthorization },
    coveredModalities: ["acupuncture", "electroacupuncture"],
    allow97811With97813: false,
    allow97814With97810: false,
    timeRule: "more-than-half",
    ...rest,
  };
}

function visit(over: Partial<VisitDescription> = {}): VisitDescription {
  return {
    visitDate: V,
    episode: { onsetDate: d("2026-05-20"), region: "neck", systemicCause: false, surgeryAssociated: false, pregnancyAssociated: false },
    priorVisits: [],
    status: "unknown",
    furnishedBy: "acupuncturist-direct",
    modality: "acupuncture",
    musclesTreated: null,
    increments: [{ minutes: 15, estim: false, reinsertion: false }],
    ...over,
  };
}

/** `n` prior visits a week apart, the last a week before the visit. */
const weekly = (n: number, before: CalendarDate = V) => Array.from({ length: n }, (_, i) => addDays(before, -7 * (n - i)));
const AUTH = { required: true, number: "PA-0001", from: d("2026-05-01"), to: d("2026-07-31") };

interface Expect {
  covered: boolean;
  visitInYear?: number;
  reason?: RegExp;
  warning?: RegExp;
  window?: [string, string];
}

describe("a commercial plan, each rule from its record", () => {
  // [case, field of the plan record, visit, plan, expected]
  const cases: [string, string, VisitDescription, PayerPlan, Expect][] = [
    ["visit 1, no cap reached; Medicare's rules (region, furnisher, weeks) are not the plan's", "visitsPerPlanYear", visit(), plan(), { covered: true, visitInYear: 1, reason: /^plan "Example PPO" \(visitsPerPlanYear\): visit 1 of 20 in the plan year 2026-01-01 → 2026-12-31$/, window: ["2026-01-01", "2026-12-31"] }],
    ["visit 20 of 20", "visitsPerPlanYear", visit({ priorVisits: weekly(19) }), plan(), { covered: true, visitInYear: 20, warning: /^visit 20 of 20 this plan year: the plan covers no more visits before 2027-01-01$/ }],
    ["visit 21 over the cap", "visitsPerPlanYear", visit({ priorVisits: weekly(20) }), plan(), { covered: false, visitInYear: 21, reason: /\(visitsPerPlanYear\): covers 20 visits per plan year; this is visit 21/ }],
    ["no cap recorded", "visitsPerPlanYear null", visit({ priorVisits: weekly(20) }), plan({ visitsPerPlanYear: null }), { covered: true, visitInYear: 21, reason: /no visit cap/ }],
    ["the previous plan year's visits do not count (year from 1 July)", "planYearStart", visit({ priorVisits: [d("2025-06-30"), d("2025-07-01"), d("2026-05-25")] }), plan({ planYearStart: "07-01" }), { covered: true, visitInYear: 3, window: ["2025-07-01", "2026-06-30"] }],
    ["a visit on the plan year's first day starts the count again", "planYearStart", visit({ visitDate: d("2026-07-01"), priorVisits: weekly(25, d("2026-07-01")) }), plan({ planYearStart: "07-01" }), { covered: true, visitInYear: 1 }],
    ["prior authorisation required, no number", "priorAuthorization", visit(), plan({ priorAuthorization: { required: true } }), { covered: false, reason: /\(priorAuthorization\): prior authorisation is required and no authorisation number is recorded/ }],
    ["prior authorisation expired", "priorAuthorization", visit({ visitDate: d("2026-08-03") }), plan({ priorAuthorization: AUTH }), { covered: false, reason: /the authorisation expired on 2026-07-31, before this visit \(2026-08-03\)/ }],
    ["prior authorisation not yet valid", "priorAuthorization", visit({ visitDate: d("2026-04-30") }), plan({ priorAuthorization: AUTH }), { covered: false, reason: /starts on 2026-05-01, after this visit/ }],
    ["prior authorisation valid, last day", "priorAuthorization", visit({ visitDate: d("2026-07-31") }), plan({ priorAuthorization: AUTH }), { covered: true, reason: /authorisation PA-0001 valid 2026-05-01 → 2026-07-31/ }],
    ["prior authorisation with no dates recorded", "priorAuthorization", visit(), plan({ priorAuthorization: { required: true, number: "PA-9" } }), { covered: true, warning: /prior authorisation PA-9: its dates are not recorded/ }],
    ["no prior authorisation required", "priorAuthorization", visit(), plan(), { covered: true, reason: /no prior authorisation required/ }],
    ["dry needling not among the covered modalities", "coveredModalities", visit({ modality: "dry-needling", musclesTreated: 2 }), plan(), { covered: false, reason: /\(coveredModalities\): does not cover dry-needling \(covers acupuncture, electroacupuncture\)/ }],
    ["electroacupuncture covered", "coveredModalities", visit({ modality: "electroacupuncture" }), plan(), { covered: true, reason: /covers electroacupuncture/ }],
    ["a plan covering nothing", "coveredModalities", visit(), plan({ coveredModalities: [] }), { covered: false, reason: /covers no modality/ }],
    ["a bad plan year start", "planYearStart", visit(), plan({ planYearStart: "13-01" }), { covered: false, reason: /^plan "Example PPO" record: planYearStart: "13-01" is not a month and day/ }],
    ["29 February cannot start a plan year", "planYearStart", visit(), plan({ planYearStart: "02-29" }), { covered: false, reason: /planYearStart/ }],
    ["a negative cap", "visitsPerPlanYear", visit(), plan({ visitsPerPlanYear: -1 }), { covered: false, reason: /record: visitsPerPlanYear: a whole number/ }],
    ["an authorisation ending before it starts", "priorAuthorization", visit(), plan({ priorAuthorization: { ...AUTH, to: d("2026-04-01") } }), { covered: false, reason: /priorAuthorization\.to: 2026-04-01 is before priorAuthorization\.from 2026-05-01/ }],
    ["a prior visit after this one is not counted", "visitsPerPlanYear", visit({ priorVisits: [d("2026-05-25"), d("2026-06-08")] }), plan(), { covered: true, visitInYear: 2, warning: /prior visit 2026-06-08 is after this visit/ }],
  ];
  for (const [name, field, input, p, expected] of cases) {
    it(`${name} (${field})`, () => {
      const result = checkPlan(input, p);
      const detail = JSON.stringify(result, null, 1);
      assert.equal(result.covered, expected.covered, detail);
      if (expected.visitInYear !== undefined) {
        assert.equal(result.visitInYear, expected.visitInYear, detail);
        assert.equal(result.visitInWindow, expected.visitInYear, "a plan's window is its plan year");
      }
      if (expected.reason) assert.ok(result.reasons.some((r) => expected.reason!.test(r)), `${expected.reason} not in ${detail}`);
      if (expected.warning) assert.ok(result.warnings.some((w) => expected.warning!.test(w)), `${expected.warning} not in ${detail}`);
      if (expected.window) assert.deepEqual([result.window?.from, result.window?.to], expected.window);
      if (!expected.covered) assert.equal(result.reasons.length, 1, detail);
      assert.deepEqual(result.modifiers, [], "a plan record holds no modifiers");
      for (const reason of result.reasons) assert.match(reason, /^plan "Example PPO" (\((visitsPerPlanYear|priorAuthorization|coveredModalities)\)|record): /, "every reason names the plan and its field");
    });
  }

  it("names every bad field of a record at once", () => {
    const problems = planProblems({ ...plan({ planYearStart: "1-1", visitsPerPlanYear: 2.5 }), name: " ", coveredModalities: ["cupping" as never] });
    assert.deepEqual(
      problems.map((p) => p.split(":")[0]),
      ["name", "visitsPerPlanYear", "planYearStart", "coveredModalities"],
    );
  });
});

describe("plan year", () => {
  const cases: [string, string, [string, string]][] = [
    ["2026-06-01", "01-01", ["2026-01-01", "2026-12-31"]],
    ["2026-06-01", "07-01", ["2025-07-01", "2026-06-30"]],
    ["2026-07-01", "07-01", ["2026-07-01", "2027-06-30"]],
    ["2024-02-29", "03-01", ["2023-03-01", "2024-02-29"]],
    ["2026-12-31", "12-31", ["2026-12-31", "2027-12-30"]],
  ];
  for (const [date, start, [from, to]] of cases) {
    it(`${date} with plan years from ${start}: ${from} → ${to}`, () => {
      assert.deepEqual(planYearOf(d(date), start), { from: d(from), to: d(to) });
    });
  }
});

describe("property: a prior visit never lowers the count nor makes a visit covered", () => {
  it("holds for random plans and visits", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -10, max: 500 }), { maxLength: 40 }),
        fc.integer({ min: -10, max: 500 }),
        fc.option(fc.integer({ min: 0, max: 30 })),
        fc.constantFrom("01-01", "04-01", "07-01", "10-15"),
        (offsets, extra, cap, start) => {
          const p = plan({ visitsPerPlanYear: cap, planYearStart: start });
          const before = checkPlan(visit({ priorVisits: offsets.map((n) => addDays(V, -n)) }), p);
          const after = checkPlan(visit({ priorVisits: [...offsets, extra].map((n) => addDays(V, -n)) }), p);
          return after.visitInYear >= before.visitInYear && (!after.covered || before.covered);
        },
      ),
      { numRuns: 500 },
    );
  });
});
