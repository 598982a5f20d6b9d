import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import type { CalendarDate } from "../shared/calendarDate.ts";
import { painTrajectory } from "./painScore.ts";
import { mcidTarget } from "./trajectory.ts";

const series = (...scores: number[]) =>
  scores.map((score, i) => ({
    score,
    recordedOn: `2026-01-${String(i + 1).padStart(2, "0")}` as CalendarDate,
    createdAt: `2026-01-${String(i + 1).padStart(2, "0")}T10:00:00Z`,
  }));

describe("NRS pain trajectory (MCID 2 points or 30%: Ostelo 2008, clinical-facts §4)", () => {
  const cases: [string, number[], { change: number; percentChange: number | null; reachesMcid: boolean }][] = [
    ["2-point drop meets the absolute threshold", [8, 6], { change: -2, percentChange: -25, reachesMcid: true }],
    ["1-point drop from 3 is 33%: meets the relative threshold", [3, 2], { change: -1, percentChange: -33.3, reachesMcid: true }],
    ["1-point drop from 5 is 20%: does not", [5, 4], { change: -1, percentChange: -20, reachesMcid: false }],
    ["worsening never meets it", [4, 7], { change: 3, percentChange: 75, reachesMcid: false }],
    ["baseline 0 has no relative change", [0, 0], { change: 0, percentChange: null, reachesMcid: false }],
    ["baseline is the earliest, latest the last", [7, 2, 6], { change: -1, percentChange: -14.3, reachesMcid: false }],
  ];
  for (const [name, scores, expected] of cases) {
    it(name, () => {
      const trajectory = painTrajectory(series(...scores))!;
      assert.equal(trajectory.change, expected.change);
      assert.equal(trajectory.percentChange, expected.percentChange);
      assert.equal(trajectory.reachesMcid, expected.reachesMcid);
    });
  }

  it("needs two scores", () => {
    assert.equal(painTrajectory(series(5)), null);
    assert.equal(painTrajectory([]), null);
  });

  it("orders by date whatever the input order", () => {
    const [a, b] = series(8, 3);
    assert.equal(painTrajectory([b!, a!])!.baseline.score, 8);
  });

  it("reaches the MCID exactly when the latest score is at or below the target line", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }), (baseline, latest) => {
        const target = mcidTarget("nrs", baseline);
        const reaches = painTrajectory(series(baseline, latest))!.reachesMcid;
        return reaches === (target !== null && latest <= target);
      }),
    );
  });

  it("a lower latest score never loses MCID status (monotone)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 10 }), (baseline, latest) => {
        const worse = painTrajectory(series(baseline, latest))!.reachesMcid;
        const better = painTrajectory(series(baseline, latest - 1))!.reachesMcid;
        return !worse || better;
      }),
    );
  });
});
