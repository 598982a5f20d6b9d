import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { addDays, type CalendarDate } from "../shared/calendarDate.ts";
import { checkMedicare, countNcdVisits, DEFAULT_NCD_SETTINGS, DISCONTINUE_WARNING, type NcdSettings } from "./ncd30_3_3.ts";
import { COVERAGE_MODALITIES, FURNISHERS, STATUSES, type EpisodeFacts, type VisitDescription } from "./types.ts";

const d = (text: string) => text as CalendarDate;
const V = d("2026-06-01");

/** A Medicare visit (on V unless said) for chronic (20 weeks), nonspecific low back pain, furnished incident-to; `over` changes any part. */
function visit(over: Omit<Partial<VisitDescription>, "episode"> & { episode?: Partial<EpisodeFacts> } = {}): VisitDescription {
  const { episode, ...rest } = over;
  return {
    visitDate: V,
    episode: { onsetDate: addDays(over.visitDate ?? V, -142), region: "low-back", systemicCause: false, surgeryAssociated: false, pregnancyAssociated: false, ...episode },
    priorVisits: [],
    status: "unknown",
    furnishedBy: "acupuncturist-incident-to",
    modality: "acupuncture",
    musclesTreated: null,
    increments: [{ minutes: 15, estim: false, reinsertion: false }],
    ...rest,
  };
}

/** `n` prior visits `every` days apart, the last `every` days before `before`. */
function priors(n: number, every = 5, before: CalendarDate = V): CalendarDate[] {
  return Array.from({ length: n }, (_, i) => addDays(before, -every * (n - i)));
}
const ago = (...days: number[]) => days.map((n) => addDays(V, -n));
const settings = (over: Partial<NcdSettings>): NcdSettings => ({ ...DEFAULT_NCD_SETTINGS, ...over });

interface Expect {
  covered: boolean;
  visitInWindow?: number;
  visitInYear?: number;
  modifiers?: string[];
  reason?: RegExp;
  warning?: RegExp;
  noWarning?: RegExp;
  window?: [string, string];
  year?: [string, string];
  /** Not covered: how many reasons fail (default 1, so a case fails for the reason it tests and no other). */
  fails?: number;
}

describe("NCD 30.3.3, each rule from clinical-facts §1", () => {
  // [case, clause it comes from, visit, settings, expected]
  const cases: [string, string, VisitDescription, NcdSettings | undefined, Expect][] = [
    // cLBP: lasting 12 weeks or longer
    ["10 weeks since onset: not yet chronic", "§1 cLBP: lasting 12 weeks or longer", visit({ episode: { onsetDate: d("2026-03-20") } }), undefined, { covered: false, reason: /NCD 30\.3\.3: chronic low back pain means pain lasting 12 weeks or longer; 10 weeks 3 days.*chronic from 2026-06-12/ }],
    ["83 days since onset: one day short", "§1 cLBP: lasting 12 weeks or longer", visit({ episode: { onsetDate: addDays(V, -83) } }), undefined, { covered: false, reason: /12 weeks or longer/ }],
    ["exactly 12 weeks since onset: chronic", "§1 cLBP: lasting 12 weeks or longer", visit({ episode: { onsetDate: addDays(V, -84) } }), undefined, { covered: true, reason: /12 weeks or longer: 12 weeks since onset/ }],
    ["onset recorded after the visit", "§1 cLBP: lasting 12 weeks or longer", visit({ episode: { onsetDate: addDays(V, 3) } }), undefined, { covered: false, reason: /onset 2026-06-04 is after the visit/ }],
    // cLBP: nonspecific, not surgery, not pregnancy
    ["a systemic cause", "§1 cLBP: nonspecific, no identifiable systemic cause", visit({ episode: { systemicCause: true } }), undefined, { covered: false, reason: /NCD 30\.3\.3: .*nonspecific.*systemic cause/ }],
    ["associated with surgery", "§1 cLBP: not associated with surgery", visit({ episode: { surgeryAssociated: true } }), undefined, { covered: false, reason: /NCD 30\.3\.3: .*not be associated with surgery/ }],
    ["associated with pregnancy", "§1 cLBP: not associated with pregnancy", visit({ episode: { pregnancyAssociated: true } }), undefined, { covered: false, reason: /NCD 30\.3\.3: .*not be associated with pregnancy/ }],
    // limits: 12 in 90 days, 8 more when improving, 20 a year, KX on 13–20
    ["visit 1, no outcome yet", "§1 limits: up to 12 visits in 90 days", visit(), undefined, { covered: true, visitInWindow: 1, visitInYear: 1, modifiers: [], reason: /up to 12 visits in 90 days: visit 1/, warning: /improvement can't be shown/ }],
    ["visit 1 improving", "§1 limits: up to 12 visits in 90 days", visit({ status: "improving" }), undefined, { covered: true, visitInWindow: 1, modifiers: [], window: ["2026-03-04", "2026-06-01"] }],
    ["visit 12 improving", "§1 limits: up to 12 visits in 90 days", visit({ status: "improving", priorVisits: priors(11) }), undefined, { covered: true, visitInWindow: 12, visitInYear: 12, modifiers: [], warning: /^visit 12 of 12 in this window: visits 13–20 need documented improvement$/ }],
    ["visit 13 improving: KX", "§1 limits: 8 additional sessions for improvement; KX on 13–20", visit({ status: "improving", priorVisits: priors(12) }), undefined, { covered: true, visitInWindow: 13, visitInYear: 13, modifiers: ["KX"], reason: /additional sessions, covered because the patient is improving; KX/ }],
    ["visit 13 not improving", "§1 8 additional only with improvement; discontinue if not improving", visit({ status: "not-improving", priorVisits: priors(12) }), undefined, { covered: false, visitInWindow: 13, modifiers: [], warning: /^not improving: the NCD says treatment must be discontinued$/, reason: /must be discontinued if the patient is not improving or is regressing/, fails: 2 }],
    ["visit 13 regressing", "§1 discontinue if regressing", visit({ status: "regressing", priorVisits: priors(12) }), undefined, { covered: false, modifiers: [], warning: /must be discontinued/, reason: /additional sessions are only for patients who demonstrate improvement/, fails: 2 }],
    ["visit 13 with no outcome status", "§1 8 additional only for patients who demonstrate improvement", visit({ priorVisits: priors(12) }), undefined, { covered: false, modifiers: [], reason: /demonstrate improvement.*no outcome status shows improvement/, warning: /improvement can't be shown/ }],
    ["visit 5 not improving: discontinue", "§1 treatment must be discontinued if not improving", visit({ status: "not-improving", priorVisits: priors(4) }), undefined, { covered: false, visitInWindow: 5, warning: /^not improving: the NCD says treatment must be discontinued$/, reason: /status at this visit: not-improving/ }],
    ["visit 5 regressing: discontinue", "§1 treatment must be discontinued if regressing", visit({ status: "regressing", priorVisits: priors(4) }), undefined, { covered: false, reason: /status at this visit: regressing/ }],
    ["visit 20 improving: the last", "§1 no more than 20 per year; KX on 13–20", visit({ status: "improving", priorVisits: priors(19) }), undefined, { covered: true, visitInYear: 20, modifiers: ["KX"], warning: /^visit 20 of 20 this year: the NCD covers no more visits before 2027-02-26$/ }],
    ["visit 21 in a year, improving", "§1 no more than 20 treatments per year", visit({ status: "improving", priorVisits: priors(20, 10) }), undefined, { covered: false, visitInYear: 21, visitInWindow: 9, modifiers: [], reason: /no more than 20 acupuncture treatments per year; this is visit 21 in the year 2025-06-02 → 2026-06-01/ }],
    ["visit 21 in 90 days, improving", "§1 12 in 90 days plus 8 additional", visit({ status: "improving", priorVisits: priors(20, 4) }), undefined, { covered: false, visitInWindow: 21, reason: /up to 12 visits in 90 days and 8 additional sessions; this is visit 21/, fails: 2 }],
    ["visit 12 of the year but 9 of the window", "§1 visits 13–20 need improvement", visit({ priorVisits: priors(11, 10) }), undefined, { covered: true, visitInWindow: 9, visitInYear: 12, warning: /^visit 12 of 20 this year: visits 13–20 need documented improvement$/ }],
    ["visit 13 of the year, 9 of the window, improving: KX", "§1 visits 13–20 carry KX", visit({ status: "improving", priorVisits: priors(12, 10) }), undefined, { covered: true, visitInWindow: 9, visitInYear: 13, modifiers: ["KX"] }],
    ["visit 13 of the year, 9 of the window, unknown", "§1 8 additional only for improvement", visit({ priorVisits: priors(12, 10) }), undefined, { covered: false, reason: /visit 9 in 90 days .* and 13 in the year/ }],
    // who furnishes it
    ["furnished by a physician", "§1 physicians (per state law)", visit({ furnishedBy: "physician" }), undefined, { covered: true, reason: /NCD 30\.3\.3: furnished by a physician/ }],
    ["furnished by an NP", "§1 NPs with the degree and licence", visit({ furnishedBy: "nurse-practitioner" }), undefined, { covered: true, reason: /nurse practitioner holding a master's or doctoral degree.*ACAOM.*licence/ }],
    ["furnished by a PA", "§1 PAs with the degree and licence", visit({ furnishedBy: "physician-assistant" }), undefined, { covered: true, reason: /physician assistant holding/ }],
    ["furnished by a CNS", "§1 CNSs with the degree and licence", visit({ furnishedBy: "clinical-nurse-specialist" }), undefined, { covered: true, reason: /clinical nurse specialist holding/ }],
    ["furnished by an acupuncturist incident-to", "§1 auxiliary personnel under supervision (42 CFR 410.26/410.27)", visit({ furnishedBy: "acupuncturist-incident-to" }), undefined, { covered: true, reason: /auxiliary personnel.*incident-to.*supervision.*42 CFR 410\.26\/410\.27/ }],
    ["billed directly by an acupuncturist", "§1 licensed acupuncturists cannot bill Medicare directly", visit({ furnishedBy: "acupuncturist-direct" }), undefined, { covered: false, reason: /NCD 30\.3\.3: licensed acupuncturists cannot bill Medicare directly/ }],
    // indication and modality
    ["acupuncture of the neck", "§1 other indications stay non-covered (NCD 30.3)", visit({ episode: { region: "neck" } }), undefined, { covered: false, reason: /^NCD 30\.3: acupuncture for other indications stays non-covered \(region treated: neck\)/ }],
    ["acupuncture of another region", "§1 other indications stay non-covered (NCD 30.3)", visit({ episode: { region: "other" } }), undefined, { covered: false, reason: /^NCD 30\.3: .*region treated: other/ }],
    ["electroacupuncture of the low back", "§1 acupuncture for cLBP", visit({ modality: "electroacupuncture" }), undefined, { covered: true, reason: /electroacupuncture for low back pain/ }],
    ["dry needling of the low back", "§1 dry needling covered for cLBP under the same criteria (MLN MM11691)", visit({ modality: "dry-needling", musclesTreated: 3 }), undefined, { covered: true, reason: /^MLN MM11691: dry needling is covered for chronic low back pain/ }],
    ["dry needling of the low back, not yet 12 weeks", "§1 MLN MM11691: same criteria", visit({ modality: "dry-needling", musclesTreated: 2, episode: { onsetDate: d("2026-04-01") } }), undefined, { covered: false, reason: /12 weeks or longer/ }],
    ["dry needling of the neck", "§1 MLN MM11691: cLBP only", visit({ modality: "dry-needling", musclesTreated: 2, episode: { region: "neck" } }), undefined, { covered: false, reason: /^MLN MM11691: dry needling is covered for chronic low back pain only; dry needling of the neck stays non-covered/ }],
    ["before the NCD took effect", "§1 effective 2020-01-21", visit({ visitDate: d("2019-12-02"), episode: { onsetDate: d("2019-01-01") } }), undefined, { covered: false, reason: /covers services from 2020-01-21/ }],
    // the window: rolling (default) or from the first visit of a window
    ["window rolling: the 90 days back from the visit", "§1 12 visits in 90 days (setting windowFrom)", visit({ priorVisits: ago(120, 100, 40, 20) }), settings({ windowFrom: "rolling" }), { covered: true, visitInWindow: 3, window: ["2026-03-04", "2026-06-01"] }],
    ["window from its first visit: a new window at v-20", "§1 12 visits in 90 days (setting windowFrom)", visit({ priorVisits: ago(120, 100, 40, 20) }), settings({ windowFrom: "first-visit-of-window" }), { covered: true, visitInWindow: 2, window: ["2026-05-12", "2026-08-09"] }],
    ["rolling: 13 in 90 days across the new year, no improvement shown", "§1 8 additional only for improvement", visit({ visitDate: d("2026-02-15"), priorVisits: [addDays(d("2026-02-15"), -120), ...priors(12, 5, addDays(d("2026-02-15"), -25))] }), settings({ yearFrom: "calendar-year" }), { covered: false, visitInWindow: 13, visitInYear: 5 }],
    ["first-visit window: the same visit is visit 2 of its window", "§1 12 visits in 90 days (setting windowFrom)", visit({ visitDate: d("2026-02-15"), priorVisits: [addDays(d("2026-02-15"), -120), ...priors(12, 5, addDays(d("2026-02-15"), -25))] }), settings({ yearFrom: "calendar-year", windowFrom: "first-visit-of-window" }), { covered: true, visitInWindow: 2, visitInYear: 5 }],
    // the year: rolling 365 days (default), calendar year, from the first visit
    ["year rolling 365 days", "§1 20 per year (setting yearFrom)", visit({ visitDate: d("2026-01-15"), priorVisits: [d("2024-06-01"), d("2025-05-01"), d("2025-07-01"), d("2025-12-10")] }), settings({ yearFrom: "rolling-365" }), { covered: true, visitInYear: 4, year: ["2025-01-16", "2026-01-15"] }],
    ["calendar year", "§1 20 per year (setting yearFrom)", visit({ visitDate: d("2026-01-15"), priorVisits: [d("2024-06-01"), d("2025-05-01"), d("2025-07-01"), d("2025-12-10")] }), settings({ yearFrom: "calendar-year" }), { covered: true, visitInYear: 1, year: ["2026-01-01", "2026-12-31"] }],
    ["year from the first visit: a new year from 2025-07-01", "§1 20 per year (setting yearFrom)", visit({ visitDate: d("2026-01-15"), priorVisits: [d("2024-06-01"), d("2025-05-01"), d("2025-07-01"), d("2025-12-10")] }), settings({ yearFrom: "first-visit" }), { covered: true, visitInYear: 3, year: ["2025-07-01", "2026-06-30"] }],
    ["20 visits in the second half of 2025, rolling year: visit 21", "§1 no more than 20 per year", visit({ visitDate: d("2026-01-20"), status: "improving", priorVisits: priors(20, 6, d("2026-01-06")) }), settings({ yearFrom: "rolling-365" }), { covered: false, visitInYear: 21 }],
    ["the same in a calendar year: visit 1 of 2026, but 13+ in 90 days (KX)", "§1 12 in 90 days, then additional with improvement", visit({ visitDate: d("2026-01-20"), status: "improving", priorVisits: priors(20, 6, d("2026-01-06")) }), settings({ yearFrom: "calendar-year" }), { covered: true, visitInYear: 1, visitInWindow: 13, modifiers: ["KX"] }],
    // warnings about outcome measures
    ["no outcome measured since visit 2", "§1 8 additional only with improvement (shown by outcomes)", visit({ status: "improving", priorVisits: ago(35, 28, 21, 14, 7), lastMeasuredOn: addDays(V, -30) }), undefined, { covered: true, warning: /^no outcome measured since visit 2 \(2026-05-04; last measured 2026-05-02\)$/ }],
    ["measured at the last visit: no warning", "§1 improvement shown by outcomes", visit({ status: "improving", priorVisits: ago(35, 28, 21, 14, 7), lastMeasuredOn: addDays(V, -7) }), undefined, { covered: true, noWarning: /no outcome measured/ }],
    ["never measured", "§1 improvement shown by outcomes", visit({ priorVisits: ago(14, 7), lastMeasuredOn: null }), undefined, { covered: true, warning: /^no outcome measured since visit 1 \(2026-05-18; never measured\)$/ }],
    ["a prior visit after this one is not counted", "§1 counting", visit({ priorVisits: [...ago(7), addDays(V, 7)] }), undefined, { covered: true, visitInWindow: 2, warning: /prior visit 2026-06-08 is after this visit/ }],
  ];
  for (const [name, clause, input, with_, expected] of cases) {
    it(`${name} (${clause})`, () => {
      const result = checkMedicare(input, with_);
      const detail = JSON.stringify(result, null, 1);
      assert.equal(result.covered, expected.covered, detail);
      if (expected.visitInWindow !== undefined) assert.equal(result.visitInWindow, expected.visitInWindow, detail);
      if (expected.visitInYear !== undefined) assert.equal(result.visitInYear, expected.visitInYear, detail);
      if (expected.modifiers) assert.deepEqual(result.modifiers, expected.modifiers, detail);
      if (expected.reason) assert.ok(result.reasons.some((r) => expected.reason!.test(r)), `${expected.reason} not in ${detail}`);
      if (expected.warning) assert.ok(result.warnings.some((w) => expected.warning!.test(w)), `${expected.warning} not in ${detail}`);
      if (expected.noWarning) assert.ok(!result.warnings.some((w) => expected.noWarning!.test(w)), detail);
      if (expected.window) assert.deepEqual([result.window.from, result.window.to], expected.window);
      if (expected.year) assert.deepEqual([result.year.from, result.year.to], expected.year);
      assert.ok(result.reasons.length > 0);
      if (!expected.covered) assert.equal(result.reasons.length, expected.fails ?? 1, detail);
      for (const reason of result.reasons) assert.match(reason, /^(NCD 30\.3(\.3)?|MLN MM11691): /, "every reason names its clause");
    });
  }

  it("a visit not covered lists only what failed, every failure", () => {
    const result = checkMedicare(visit({ furnishedBy: "acupuncturist-direct", episode: { region: "neck", pregnancyAssociated: true, onsetDate: d("2026-05-01") } }));
    assert.equal(result.covered, false);
    assert.equal(result.reasons.length, 4, result.reasons.join("\n"));
  });

  it("the defaults are the NCD's figures", () => {
    assert.deepEqual(
      { ...DEFAULT_NCD_SETTINGS },
      { windowFrom: "rolling", yearFrom: "rolling-365", windowDays: 90, visitsPerWindow: 12, additionalVisits: 8, visitsPerYear: 20, chronicWeeks: 12 },
    );
  });

  it("the discontinue warning is the issue's text", () => {
    assert.equal(DISCONTINUE_WARNING, "not improving: the NCD says treatment must be discontinued");
  });
});

describe("counting settings", () => {
  it("anchored windows can lose a count when an earlier visit comes to light; rolling ones cannot (why rolling is the default)", () => {
    const before = ago(80, 20);
    const after = [...before, addDays(V, -110)];
    const anchored = settings({ windowFrom: "first-visit-of-window" });
    assert.equal(countNcdVisits(V, before, anchored).visitInWindow, 3);
    assert.equal(countNcdVisits(V, after, anchored).visitInWindow, 2);
    assert.equal(countNcdVisits(V, before).visitInWindow, 3);
    assert.equal(countNcdVisits(V, after).visitInWindow, 3);
  });

  it("the rolling year is a year back: across a 29 February it holds 366 days, so it always holds the calendar year to date", () => {
    const count = countNcdVisits(d("2024-12-31"), [d("2024-01-01")]);
    assert.deepEqual(count.year, { from: d("2024-01-01"), to: d("2024-12-31") });
    assert.equal(count.visitInYear, 2);
    assert.deepEqual(countNcdVisits(d("2024-02-29"), []).year.from, d("2023-03-01"));
    assert.deepEqual(countNcdVisits(d("2025-06-01"), []).year.from, d("2024-06-02"));
  });

  it("a year from the first visit runs to the day before its anniversary (29 February → 1 March)", () => {
    const count = countNcdVisits(d("2025-03-10"), [d("2024-02-29"), d("2024-08-01")], settings({ yearFrom: "first-visit" }));
    assert.deepEqual(count.year, { from: d("2025-03-10"), to: d("2026-03-09") });
    assert.equal(count.visitInYear, 1);
    const within = countNcdVisits(d("2025-02-28"), [d("2024-02-29"), d("2024-08-01")], settings({ yearFrom: "first-visit" }));
    assert.deepEqual(within.year, { from: d("2024-02-29"), to: d("2025-02-28") });
    assert.equal(within.visitInYear, 3);
  });
});

describe("properties", () => {
  const day0 = d("2021-01-01");
  const date = fc.integer({ min: 0, max: 3000 }).map((n) => addDays(day0, n));
  const input = fc.record({
    visitOffset: fc.integer({ min: 400, max: 3000 }),
    prior: fc.array(fc.integer({ min: 0, max: 800 }), { maxLength: 40 }),
    extra: fc.integer({ min: -30, max: 800 }),
    status: fc.constantFrom(...STATUSES),
    furnishedBy: fc.constantFrom(...FURNISHERS),
    modality: fc.constantFrom(...COVERAGE_MODALITIES),
    onsetWeeks: fc.integer({ min: 0, max: 60 }),
  });
  const build = (v: { visitOffset: number; status: VisitDescription["status"]; furnishedBy: VisitDescription["furnishedBy"]; modality: VisitDescription["modality"]; onsetWeeks: number }, priorOffsets: number[]) => {
    const visitDate = addDays(day0, v.visitOffset);
    return visit({
      visitDate,
      episode: { onsetDate: addDays(visitDate, -7 * v.onsetWeeks) },
      priorVisits: priorOffsets.map((n) => addDays(visitDate, -n)),
      status: v.status,
      furnishedBy: v.furnishedBy,
      modality: v.modality,
    });
  };

  for (const yearFrom of ["rolling-365", "calendar-year"] as const) {
    it(`adding a prior visit never lowers the counts nor makes a visit covered (rolling window, ${yearFrom})`, () => {
      const with_ = settings({ windowFrom: "rolling", yearFrom });
      fc.assert(
        fc.property(input, (v) => {
          const before = checkMedicare(build(v, v.prior), with_);
          const after = checkMedicare(build(v, [...v.prior, v.extra]), with_);
          return after.visitInWindow >= before.visitInWindow && after.visitInYear >= before.visitInYear && (!after.covered || before.covered);
        }),
        { numRuns: 500 },
      );
    });
  }

  it("the default counts are never lower than the other readings (the conservative choice)", () => {
    fc.assert(
      fc.property(date, fc.array(fc.integer({ min: 0, max: 800 }), { maxLength: 40 }), (visitDate, offsets) => {
        const priorVisits = offsets.map((n) => addDays(visitDate, -n));
        const base = countNcdVisits(visitDate, priorVisits);
        const anchored = countNcdVisits(visitDate, priorVisits, settings({ windowFrom: "first-visit-of-window", yearFrom: "first-visit" }));
        const calendar = countNcdVisits(visitDate, priorVisits, settings({ yearFrom: "calendar-year" }));
        return base.visitInWindow >= anchored.visitInWindow && base.visitInYear >= anchored.visitInYear && base.visitInYear >= calendar.visitInYear;
      }),
      { numRuns: 2000 },
    );
  });

  it("covered visits stay within 20 a year, and KX is on exactly the covered visits beyond the first 12", () => {
    fc.assert(
      fc.property(input, (v) => {
        const result = checkMedicare(build(v, v.prior));
        const additional = result.visitInWindow > 12 || result.visitInYear > 12;
        if (result.covered && (result.visitInYear > 20 || result.visitInWindow > 20)) return false;
        return result.modifiers.includes("KX") === (result.covered && additional);
      }),
      { numRuns: 500 },
    );
  });
});
