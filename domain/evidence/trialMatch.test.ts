/**
 * Trials sharing points with a protocol or a visit's chart. The library rows
 * are TARA's (pain-related-articles.csv); cases use small hand-made records so
 * each ordering rule is seen alone, and the Cherkin 2009 points (clinical-facts
 * §9) against the real library.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findProtocol } from "../treatment/protocols.ts";
import { distinctCodes, trialCountsByPoint, trialsSharingPoints } from "./trialMatch.ts";
import { TRIALS, type TrialRecord } from "./trials.ts";

const trial = (taraId: number, points: string[], extra: Partial<TrialRecord> = {}): TrialRecord => ({
  id: `tara-${taraId}`,
  taraId,
  title: `Trial ${taraId}`,
  firstAuthor: "A Author",
  authorCount: 1,
  year: 2000,
  venue: null,
  doi: null,
  design: "randomised trial",
  size: 10,
  country: null,
  condition: "low back pain",
  conditionGroup: "low back pain",
  modalities: ["manual"],
  comparators: ["not stated"],
  needling: { depth: null, minutes: null, hz: [] },
  points,
  unresolved: [],
  stricta: [],
  ...extra,
});

describe("trials sharing points", () => {
  it("ranks by how many points are shared, then fewest other points, then low back pain first, then newest", () => {
    const trials = [
      trial(1, ["BL23"], { year: 2010 }),
      trial(2, ["BL23", "BL40"], { conditionGroup: "headache and migraine" }),
      trial(3, ["BL23", "BL40"]),
      trial(4, ["ST36"]),
      trial(5, ["BL40"], { year: 2015 }),
      trial(6, ["BL40"], { year: 2015, conditionGroup: "other pain" }),
      trial(7, ["BL23", "BL40", "ST36"], { year: 2020 }),
    ];
    const matches = trialsSharingPoints(["BL23", "BL40", "KI3"], trials);
    assert.deepEqual(
      matches.map((m) => [m.trial.taraId, m.shared]),
      [
        [3, ["BL23", "BL40"]],
        [2, ["BL23", "BL40"]],
        [7, ["BL23", "BL40"]],
        [5, ["BL40"]],
        [1, ["BL23"]],
        [6, ["BL40"]],
      ],
    );
  });

  it("leaves out trials that share no point, and ashi points (no code) match nothing", () => {
    const trials = [trial(1, ["ST36"]), trial(2, [])];
    assert.deepEqual(trialsSharingPoints(["BL23", null], trials), []);
    assert.deepEqual(trialsSharingPoints([null, null], trials), []);
    assert.deepEqual(trialsSharingPoints([], trials), []);
  });

  it("counts a point once however it is written or repeated (a bilateral point charted twice)", () => {
    assert.deepEqual(distinctCodes(["BL23", "bl 23", "UB-23", null, "GV3", "DU3"]), ["BL23", "GV3"]);
    const [match] = trialsSharingPoints(["BL23", "BL23", "ub23"], [trial(1, ["BL23"])]);
    assert.deepEqual(match!.shared, ["BL23"]);
  });

  it("counts trials per point", () => {
    const trials = [trial(1, ["BL23", "BL40"]), trial(2, ["BL40"])];
    assert.deepEqual(trialCountsByPoint(["BL40", "BL23", "KI3"], trials), [
      { code: "BL40", count: 2 },
      { code: "BL23", count: 1 },
      { code: "KI3", count: 0 },
    ]);
  });

  it("a TARA protocol's own trial shares all of its points and comes first (Kerr 2003 shares them too but needled three more)", () => {
    const molsberger = findProtocol("tara-67")!;
    const [first] = trialsSharingPoints(molsberger.points.map((p) => p.point));
    assert.equal(first!.trial.id, "tara-67");
    assert.equal(first!.shared.length, molsberger.points.filter((p) => p.point).length);
  });

  it("every match in the real library really used the shared points, and none is missed", () => {
    const cherkin = findProtocol("cherkin-2009-standardised")!.points.map((p) => p.point);
    const matches = trialsSharingPoints(cherkin);
    for (const m of matches) for (const code of m.shared) assert.ok(m.trial.points.includes(code), `${m.trial.id} ${code}`);
    const expected = TRIALS.filter((t) => t.points.some((code) => cherkin.includes(code)));
    assert.equal(matches.length, expected.length);
    assert.ok(matches.length > 0);
    for (let i = 1; i < matches.length; i++) assert.ok(matches[i - 1]!.shared.length >= matches[i]!.shared.length);
  });
});
