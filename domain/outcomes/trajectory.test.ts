import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import type { CalendarDate } from "../shared/calendarDate.ts";
import { overallStatus, trajectory, type Measure, type Reading } from "./trajectory.ts";

const readings = (...values: number[]): Reading[] =>
  values.map((value, i) => ({
    value,
    recordedOn: `2026-02-${String(i + 1).padStart(2, "0")}` as CalendarDate,
    createdAt: `2026-02-${String(i + 1).padStart(2, "0")}T09:00:00Z`,
  }));
const t = (measure: Measure, ...values: number[]) => trajectory(measure, readings(...values))!;

describe("responder status by the MCIDs of clinical-facts §4", () => {
  const cases: [string, Measure, number[], boolean, boolean][] = [
    ["ODI down 10 points: responder", "odi", [40, 30], true, false],
    ["ODI down 9 points from 40 (22.5%): not yet", "odi", [40, 31], false, false],
    ["ODI down 6 points from 20 (30%): responder by percent", "odi", [20, 14], true, false],
    ["ODI up 10 points: worsened", "odi", [30, 40], false, true],
    ["RMDQ down 5: responder", "rmdq", [14, 9], true, false],
    ["RMDQ down 4 from 14 (28.6%): not yet", "rmdq", [14, 10], false, false],
    ["RMDQ down 3 from 10 (30%): responder by percent", "rmdq", [10, 7], true, false],
    ["NRS down 2: responder", "nrs", [8, 6], true, false],
    ["NRS up 2: worsened", "nrs", [4, 6], false, true],
  ];
  for (const [name, measure, values, responder, worsened] of cases) {
    it(name, () => {
      const result = t(measure, ...values);
      assert.equal(result.responder, responder);
      assert.equal(result.worsened, worsened);
    });
  }

  it("reports baseline, latest, change and percent change", () => {
    assert.deepEqual(
      { ...t("odi", 35.6, 28, 22.2), baseline: undefined, latest: undefined },
      { measure: "odi", change: -13.4, percentChange: -37.6, responder: true, worsened: false, baseline: undefined, latest: undefined },
    );
  });

  it("is never both responder and worsened, and lower latest values never lose responder status", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 24 }), fc.integer({ min: 1, max: 24 }), (baseline, latest) => {
        const result = t("rmdq", baseline, latest);
        assert.ok(!(result.responder && result.worsened));
        if (result.responder) assert.ok(t("rmdq", baseline, latest - 1).responder);
      }),
    );
  });
});

describe("overall status: improving, not improving, regressing", () => {
  it("regressing wins when any measure is worse by its MCID", () => {
    const status = overallStatus([t("nrs", 8, 4), t("odi", 30, 42)]);
    assert.equal(status.status, "regressing");
    assert.match(status.rule, /ODI \+12/);
  });
  it("improving when at least one measure reaches its MCID and none regresses", () => {
    const status = overallStatus([t("nrs", 7, 6), t("rmdq", 12, 6)]);
    assert.equal(status.status, "improving");
    assert.match(status.rule, /RMDQ -6 \(-50%\), MCID 5 points or 30%/);
  });
  it("not improving otherwise, saying each change", () => {
    const status = overallStatus([t("nrs", 6, 5), t("odi", 30, 26)]);
    assert.equal(status.status, "not improving");
    assert.match(status.rule, /NRS -1/);
  });
  it("needs data", () => {
    assert.equal(overallStatus([]).status, "not enough data");
    assert.equal(trajectory("nrs", readings(5)), null);
  });
});
