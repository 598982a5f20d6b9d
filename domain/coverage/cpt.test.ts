import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import type { CalendarDate } from "../shared/calendarDate.ts";
import { claimLines, DEFAULT_CODING_RULES, type CodingRules, type TimeRule } from "./cpt.ts";
import type { BillingIncrement, ClaimLines, VisitDescription } from "./types.ts";

/** An increment from "15", "15r" (re-insertion), "15e" (e-stim), "15re". */
function inc(text: string): BillingIncrement {
  const match = /^(\d+)(r?)(e?)$/.exec(text)!;
  return { minutes: Number(match[1]), reinsertion: match[2] === "r", estim: match[3] === "e" };
}

function visit(increments: string[], extra: Partial<VisitDescription> = {}): VisitDescription {
  return {
    visitDate: "2026-06-01" as CalendarDate,
    episode: { onsetDate: "2026-01-10" as CalendarDate, region: "low-back", systemicCause: false, surgeryAssociated: false, pregnancyAssociated: false },
    priorVisits: [],
    status: "improving",
    furnishedBy: "acupuncturist-incident-to",
    modality: "acupuncture",
    musclesTreated: null,
    increments: increments.map(inc),
    ...extra,
  };
}

/** Lines as "code×units", in order. */
const codes = (result: ClaimLines) => result.lines.map((l) => `${l.code}×${l.units}`);
const rules = (timeRule: TimeRule, more: Partial<CodingRules> = {}): CodingRules => ({ ...DEFAULT_CODING_RULES, timeRule, ...more });

describe("CPT time: visits of 15, 22, 30, 38, 45 minutes under both time rules", () => {
  // Sources: clinical-facts §2 (97810 initial 15 min; 97811 each additional 15 min with re-insertion);
  // the CPT time rule (a unit once more than half the increment, ≥ 8 min: "more-than-half"),
  // against a payer setting that asks the full 15 minutes ("full-increment").
  // [case, increments, time rule, expected lines, notes expected]
  const cases: [string, string[], TimeRule, string[], number][] = [
    ["15 min, more-than-half: one initial unit", ["15"], "more-than-half", ["97810×1"], 0],
    ["15 min, full-increment: one initial unit", ["15"], "full-increment", ["97810×1"], 0],
    ["22 min (15 + 7), more-than-half: 7 < 8, no add-on", ["15", "7r"], "more-than-half", ["97810×1"], 1],
    ["22 min (15 + 7), full-increment: no add-on", ["15", "7r"], "full-increment", ["97810×1"], 1],
    ["23 min (15 + 8), more-than-half: 8 minutes make the add-on", ["15", "8r"], "more-than-half", ["97810×1", "97811×1"], 0],
    ["23 min (15 + 8), full-increment: no add-on", ["15", "8r"], "full-increment", ["97810×1"], 1],
    ["30 min with re-insertion, more-than-half: 97810 + 97811 (the issue's e2e case)", ["15", "15r"], "more-than-half", ["97810×1", "97811×1"], 0],
    ["30 min with re-insertion, full-increment", ["15", "15r"], "full-increment", ["97810×1", "97811×1"], 0],
    ["38 min (15 + 15 + 8), more-than-half: two add-on units", ["15", "15r", "8r"], "more-than-half", ["97810×1", "97811×2"], 0],
    ["38 min (15 + 15 + 8), full-increment: the 8 minutes make no unit", ["15", "15r", "8r"], "full-increment", ["97810×1", "97811×1"], 1],
    ["45 min, more-than-half", ["15", "15r", "15r"], "more-than-half", ["97810×1", "97811×2"], 0],
    ["45 min, full-increment", ["15", "15r", "15r"], "full-increment", ["97810×1", "97811×2"], 0],
    ["7 min only, more-than-half: nothing billable", ["7"], "more-than-half", [], 2],
    ["8 min only, more-than-half: one initial unit", ["8"], "more-than-half", ["97810×1"], 0],
    ["8 min only, full-increment: nothing billable", ["8"], "full-increment", [], 2],
    ["first increment short: the next one reaching a unit is the initial, never an add-on", ["5", "15r"], "more-than-half", ["97810×1"], 1],
  ];
  for (const [name, increments, timeRule, expected, noteCount] of cases) {
    it(name, () => {
      const result = claimLines(visit(increments), rules(timeRule));
      assert.deepEqual(codes(result), expected);
      assert.equal(result.notes!.length, noteCount, result.notes!.join(" | "));
    });
  }

  it("a short increment is named in the notes with the rule", () => {
    const notes = claimLines(visit(["15", "7r"])).notes!;
    assert.match(notes[0]!, /Increment 2 \(7 min, no e-stim\) makes no unit: .*8 minutes/);
    assert.match(claimLines(visit(["15", "8r"]), rules("full-increment")).notes![0]!, /Increment 2 .*15 minutes/);
  });

  it("the default is the more-than-half rule", () => {
    assert.equal(DEFAULT_CODING_RULES.timeRule, "more-than-half");
    assert.deepEqual(codes(claimLines(visit(["15", "8r"]))), ["97810×1", "97811×1"]);
  });

  it("no increments charted: no line, and a note that time is not inferred", () => {
    const result = claimLines(visit([]));
    assert.deepEqual(result.lines, []);
    assert.match(result.notes![0]!, /never inferred/);
  });
});

describe("CPT re-insertion and e-stim, decided per increment (clinical-facts §2)", () => {
  // [case, increments, expected lines]
  const cases: [string, string[], string[]][] = [
    // §2: "If e-stim is used on any needle within an increment, that increment uses 97813/97814"
    ["e-stim in the first increment: 97813", ["15e"], ["97813×1"]],
    ["e-stim in every increment: 97813 + 97814", ["15e", "15re", "15re"], ["97813×1", "97814×2"]],
    ["e-stim only in increment 2: 97810 + 97814", ["15", "15re"], ["97810×1", "97814×1"]],
    ["e-stim only in increment 1: 97813 + 97811", ["15e", "15r"], ["97813×1", "97811×1"]],
    ["e-stim in increment 3 only: 97810 + 97811 + 97814", ["15", "15r", "15re"], ["97810×1", "97811×1", "97814×1"]],
    // §2: "Add-on units need re-insertion of new needles"
    ["no re-insertion in increment 2: no add-on", ["15", "15"], ["97810×1"]],
    ["no re-insertion with e-stim: no add-on", ["15e", "15e"], ["97813×1"]],
    ["re-insertion in 3 but not 2: one add-on", ["15", "15", "15r"], ["97810×1", "97811×1"]],
    // §2: initial code needs 1+ needles, not re-insertion
    ["re-insertion charted in increment 1 changes nothing", ["15r"], ["97810×1"]],
  ];
  for (const [name, increments, expected] of cases) {
    it(name, () => assert.deepEqual(codes(claimLines(visit(increments))), expected));
  }

  it("an increment without re-insertion is named in the notes", () => {
    assert.match(claimLines(visit(["15", "15"])).notes![0]!, /Increment 2 .*re-insertion of new needles/);
  });

  it("each line says which increments it came from", () => {
    const result = claimLines(visit(["15", "15r", "15re", "15r"]));
    assert.deepEqual(
      result.lines.map((l) => [l.code, l.why]),
      [
        ["97810", "increment 1: initial 15 minutes of one-on-one contact, no e-stim"],
        ["97811", "increments 2, 4: re-insertion, no e-stim"],
        ["97814", "increment 3: re-insertion, e-stim"],
      ],
    );
  });

  it("codes the increments as charted even when the modality says otherwise, with no e-stim inferred", () => {
    assert.deepEqual(codes(claimLines(visit(["15", "15r"], { modality: "electroacupuncture" }))), ["97810×1", "97811×1"]);
  });
});

describe("property: never two initial codes (clinical-facts §2: one initial code per day, never both)", () => {
  const increment = fc.record({ minutes: fc.integer({ min: 0, max: 20 }), estim: fc.boolean(), reinsertion: fc.boolean() });
  const anyRules = fc.record({
    timeRule: fc.constantFrom<TimeRule>("more-than-half", "full-increment"),
    allow97811With97813: fc.boolean(),
    allow97814With97810: fc.boolean(),
  });
  it("for any increments and settings, at most one unit of 97810/97813, never both, and no more units than increments", () => {
    fc.assert(
      fc.property(fc.array(increment, { maxLength: 8 }), anyRules, (increments, codingRules) => {
        const result = claimLines({ ...visit([]), increments }, codingRules);
        const initials = result.lines.filter((l) => l.code === "97810" || l.code === "97813");
        assert.ok(initials.length <= 1);
        assert.ok(initials.every((l) => l.units === 1));
        const units = result.lines.reduce((sum, l) => sum + l.units, 0);
        assert.ok(units <= increments.length);
        const addOns = result.lines.filter((l) => l.code === "97811" || l.code === "97814");
        if (addOns.length > 0) assert.equal(initials.length, 1, "an add-on without an initial code");
        const reinserted = increments.filter((i) => i.reinsertion).length;
        assert.ok(addOns.reduce((sum, l) => sum + l.units, 0) <= reinserted);
      }),
    );
  });
});

describe("dry needling: 20560 (1–2 muscles), 20561 (3+), one unit (clinical-facts §1)", () => {
  // [case, muscles, expected lines, note matches]
  const cases: [string, number | null, string[], RegExp | null][] = [
    ["1 muscle: 20560", 1, ["20560×1"], null],
    ["2 muscles: 20560", 2, ["20560×1"], null],
    ["3 muscles: 20561", 3, ["20561×1"], null],
    ["7 muscles: 20561, still one unit", 7, ["20561×1"], null],
    ["0 muscles: no line, a note", 0, [], /recorded as 0/],
    ["muscles not recorded: no line, a note", null, [], /not recorded/],
  ];
  for (const [name, musclesTreated, expected, note] of cases) {
    it(name, () => {
      const result = claimLines(visit([], { modality: "dry-needling", musclesTreated }));
      assert.deepEqual(codes(result), expected);
      if (note) assert.match(result.notes!.join(" "), note);
      else assert.deepEqual(result.notes, []);
    });
  }

  it("never with the acupuncture codes for the same session, even when increments are charted", () => {
    const result = claimLines(visit(["15", "15r"], { modality: "dry-needling", musclesTreated: 3 }));
    assert.deepEqual(codes(result), ["20561×1"]);
    assert.match(result.notes![0]!, /not billed with dry needling/);
  });

  it("a muscle count on an acupuncture visit does not add 20560/20561", () => {
    const result = claimLines(visit(["15"], { musclesTreated: 2 }));
    assert.deepEqual(codes(result), ["97810×1"]);
    assert.equal(result.notes!.length, 1);
  });
});

describe("payer pairing settings: 97811 with 97813, 97814 with 97810 (disputed among payers, clinical-facts §2)", () => {
  // [case, increments, settings, expected lines, note matches]
  const cases: [string, string[], Partial<CodingRules>, string[], RegExp | null][] = [
    ["default allows 97813 + 97811", ["15e", "15r"], {}, ["97813×1", "97811×1"], null],
    ["default allows 97810 + 97814", ["15", "15re"], {}, ["97810×1", "97814×1"], null],
    ["97811 not allowed with 97813: left out, not recoded", ["15e", "15r"], { allow97811With97813: false }, ["97813×1"], /increment 2 \(97811\) left out: this payer does not allow 97811 with 97813/],
    ["97814 not allowed with 97810: left out, not recoded", ["15", "15re"], { allow97814With97810: false }, ["97810×1"], /increment 2 \(97814\) left out: this payer does not allow 97814 with 97810/],
    ["97814 not allowed with 97810 keeps the allowed 97811", ["15", "15r", "15re"], { allow97814With97810: false }, ["97810×1", "97811×1"], /increment 3 \(97814\)/],
    ["97811 refusal does not touch 97810 + 97811", ["15", "15r"], { allow97811With97813: false }, ["97810×1", "97811×1"], null],
    ["97814 refusal does not touch 97813 + 97814", ["15e", "15re"], { allow97814With97810: false }, ["97813×1", "97814×1"], null],
  ];
  for (const [name, increments, settings, expected, note] of cases) {
    it(name, () => {
      const result = claimLines(visit(increments), { ...DEFAULT_CODING_RULES, ...settings });
      assert.deepEqual(codes(result), expected);
      if (note) assert.match(result.notes!.join(" "), note);
      else assert.deepEqual(result.notes, []);
    });
  }

  it("defaults allow both pairings", () => {
    assert.equal(DEFAULT_CODING_RULES.allow97811With97813, true);
    assert.equal(DEFAULT_CODING_RULES.allow97814With97810, true);
  });
});

describe("E/M with modifier 25 only with a separate evaluation (clinical-facts §2; the issue)", () => {
  const em = { code: "E/M", units: 1, modifiers: ["25"], why: "separate evaluation recorded; choose the E/M level from the evaluation" };
  // [case, separateEvaluation, E/M line expected]
  const cases: [string, boolean | undefined, boolean][] = [
    ["separate evaluation recorded: E/M-25 line", true, true],
    ["separate evaluation false: none", false, false],
    ["separate evaluation not given: none", undefined, false],
  ];
  for (const [name, separateEvaluation, expected] of cases) {
    it(name, () => {
      const result = claimLines(visit(["15"], separateEvaluation === undefined ? {} : { separateEvaluation }));
      const line = result.lines.find((l) => l.code === "E/M");
      if (expected) assert.deepEqual(line, em);
      else assert.equal(line, undefined);
    });
  }

  it("never picks an E/M level", () => {
    const result = claimLines(visit(["15"], { separateEvaluation: true }));
    assert.ok(!result.lines.some((l) => /^992\d\d$/.test(l.code)));
  });

  it("with dry needling too", () => {
    assert.deepEqual(codes(claimLines(visit([], { modality: "dry-needling", musclesTreated: 1, separateEvaluation: true }))), ["20560×1", "E/M×1"]);
  });
});

describe("extra modifiers go on every line", () => {
  it("KX from the NCD engine on each line, after 25, without duplicates", () => {
    const result = claimLines(visit(["15", "15re"], { separateEvaluation: true }), DEFAULT_CODING_RULES, ["KX", "KX"]);
    assert.deepEqual(
      result.lines.map((l) => [l.code, l.modifiers]),
      [
        ["97810", ["KX"]],
        ["97814", ["KX"]],
        ["E/M", ["25", "KX"]],
      ],
    );
  });

  it("no extra modifiers by default", () => {
    assert.deepEqual(claimLines(visit(["15"])).lines[0]!.modifiers, []);
  });
});
