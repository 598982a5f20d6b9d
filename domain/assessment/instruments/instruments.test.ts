import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import type { Answer, Instrument, ScoreOutcome } from "./instrument.ts";
import { makeOdi, ODI } from "./odi.ts";
import { PEG } from "./peg.ts";
import { NRS } from "./nrs.ts";
import { RMDQ } from "./rmdq.ts";
import { START_BACK } from "./startBack.ts";
import { INSTRUMENTS, instrumentById } from "./registry.ts";

const scored = (outcome: ScoreOutcome) => {
  assert.ok(outcome.ok, `expected a score, got ${JSON.stringify(!outcome.ok && outcome.problem)}`);
  return outcome.score;
};
const problem = (outcome: ScoreOutcome) => {
  assert.ok(!outcome.ok, "expected a problem");
  return outcome.problem;
};

describe("Oswestry Disability Index 2.1a (Fairbank 2000; clinical-facts §4)", () => {
  it("scores the published worked example: 16 points over 9 answered sections = 35.6%, moderate", () => {
    const score = scored(ODI.score([3, 2, 1, 2, 2, 1, 2, null, 2, 1]));
    assert.equal(score.value, 35.6);
    assert.equal(score.answered, 9);
    assert.equal(score.band, "moderate disability");
  });

  const cases: [string, Answer[], number, string][] = [
    ["no disability", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0, "minimal disability"],
    ["20% is still minimal", [1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 20, "minimal disability"],
    ["40% is moderate", [2, 2, 2, 2, 2, 2, 2, 2, 2, 2], 40, "moderate disability"],
    ["60% is severe", [3, 3, 3, 3, 3, 3, 3, 3, 3, 3], 60, "severe disability"],
    ["80% is crippled", [4, 4, 4, 4, 4, 4, 4, 4, 4, 4], 80, "crippled"],
    ["100% is bed-bound or exaggerating", [5, 5, 5, 5, 5, 5, 5, 5, 5, 5], 100, "bed-bound or exaggerating"],
  ];
  for (const [name, answers, value, band] of cases) {
    it(name, () => {
      const score = scored(ODI.score(answers));
      assert.equal(score.value, value);
      assert.equal(score.band, band);
    });
  }

  it("refuses more unanswered sections than allowed, naming them", () => {
    const p = problem(ODI.score([3, null, 1, 2, 2, 1, 2, null, 2, 1]));
    assert.equal(p.kind, "missing");
    assert.deepEqual(p.kind === "missing" && p.items, ["personal-care", "sex-life"]);
    assert.ok(scored(makeOdi(2).score([3, null, 1, 2, 2, 1, 2, null, 2, 1])), "a clinic may allow two");
  });

  it("refuses an answer outside 0–5 and a wrong number of answers", () => {
    const p = problem(ODI.score([6, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
    assert.equal(p.kind, "invalid");
    assert.deepEqual(p.kind === "invalid" && p.items, ["pain-intensity"]);
    assert.deepEqual(problem(ODI.score([0, 0])), { kind: "wrong-count", expected: 10, received: 2 });
  });

  it("stays within 0–100, and more disability never lowers the score", () => {
    const answer = fc.integer({ min: 0, max: 5 });
    fc.assert(
      fc.property(fc.array(answer, { minLength: 10, maxLength: 10 }), fc.integer({ min: 0, max: 9 }), (answers, i) => {
        const before = scored(ODI.score(answers)).value;
        assert.ok(before >= 0 && before <= 100);
        if (answers[i]! < 5) {
          const more = [...answers];
          more[i] = answers[i]! + 1;
          assert.ok(scored(ODI.score(more)).value >= before);
        }
      }),
    );
  });
});

describe("Roland-Morris (Roland & Morris 1983; clinical-facts §4)", () => {
  it("counts the statements marked yes", () => {
    const answers: Answer[] = Array.from({ length: 24 }, (_, i) => (i < 7 ? 1 : 0));
    assert.equal(scored(RMDQ.score(answers)).value, 7);
  });
  it("names every unanswered statement", () => {
    const answers: Answer[] = Array.from({ length: 24 }, (_, i) => (i === 4 || i === 20 ? null : 0));
    const p = problem(RMDQ.score(answers));
    assert.deepEqual(p.kind === "missing" && p.items, ["s5", "s21"]);
  });
  it("stays within 0–24 and never falls when a statement is added", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 24, maxLength: 24 }), (answers) => {
        const value = scored(RMDQ.score(answers)).value;
        assert.ok(value >= 0 && value <= 24);
        const more = answers.map(() => 1);
        assert.ok(scored(RMDQ.score(more)).value >= value);
      }),
    );
  });
});

describe("Keele STarT Back (Hill 2008; clinical-facts §4)", () => {
  // answers: items 1–8 agree (1) / disagree (0); item 9: 0 not at all … 4 extremely
  const cases: [string, Answer[], number, number, string][] = [
    ["nothing endorsed: low", [0, 0, 0, 0, 0, 0, 0, 0, 0], 0, 0, "low risk"],
    ["total 3: low", [1, 1, 1, 0, 0, 0, 0, 0, 2], 3, 0, "low risk"],
    ["total 4 with psychosocial 1: medium", [1, 1, 1, 0, 1, 0, 0, 0, 0], 4, 1, "medium risk"],
    ["psychosocial 4: high", [0, 0, 0, 0, 1, 1, 1, 0, 3], 4, 4, "high risk"],
    ["item 9 'moderately' does not count", [0, 0, 0, 0, 1, 1, 1, 0, 2], 3, 3, "low risk"],
    ["item 9 'extremely' counts", [0, 0, 0, 0, 1, 1, 1, 1, 4], 5, 5, "high risk"],
  ];
  for (const [name, answers, total, psychosocial, band] of cases) {
    it(name, () => {
      const score = scored(START_BACK.score(answers));
      assert.equal(score.value, total);
      assert.equal(score.subscales.psychosocial, psychosocial);
      assert.equal(score.band, band);
    });
  }
  it("keeps the subscale within the total and both in range", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 8, maxLength: 8 }), fc.integer({ min: 0, max: 4 }), (first8, q9) => {
        const score = scored(START_BACK.score([...first8, q9]));
        assert.ok(score.subscales.psychosocial! <= score.value && score.value <= 9 && score.subscales.psychosocial! <= 5);
      }),
    );
  });
  it("names a missing item", () => {
    const p = problem(START_BACK.score([0, 0, 0, 0, 0, 0, 0, 0, null]));
    assert.deepEqual(p.kind === "missing" && p.items, ["q9"]);
  });
});

describe("PEG (Krebs 2009) and NRS", () => {
  it("PEG is the mean of its three items", () => {
    assert.equal(scored(PEG.score([5, 6, 7])).value, 6);
    assert.equal(scored(PEG.score([1, 1, 2])).value, 1.3);
    assert.equal(problem(PEG.score([5, null, 7])).kind, "missing");
    assert.equal(problem(PEG.score([5, 11, 7])).kind, "invalid");
  });
  it("NRS is the rating, 0–10 whole numbers only", () => {
    assert.equal(scored(NRS.score([7])).value, 7);
    assert.equal(problem(NRS.score([7.5])).kind, "invalid");
    assert.equal(problem(NRS.score([null])).kind, "missing");
  });
});

describe("instrument registry", () => {
  it("describes every instrument with owner, version and labelled options", () => {
    for (const instrument of Object.values(INSTRUMENTS) as Instrument[]) {
      assert.ok(instrument.owner && instrument.version && instrument.licence, instrument.id);
      for (const item of instrument.items) assert.ok(item.label && item.options.length >= 2, `${instrument.id} ${item.id}`);
    }
    assert.equal(instrumentById("odi"), ODI);
    assert.equal(instrumentById("nope"), null);
  });
});
