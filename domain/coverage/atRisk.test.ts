import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { addDays, type CalendarDate } from "../shared/calendarDate.ts";
import { nextReEvaluation, visitRisks, type RiskKind } from "./atRisk.ts";
import { checkMedicare } from "./ncd30_3_3.ts";
import type { CoverageStatus, VisitDescription } from "./types.ts";

const today = "2026-06-01" as CalendarDate;

/** The next visit today after `prior` visits every `every` days, for chronic nonspecific low back pain furnished incident-to. */
function next(prior: number, status: CoverageStatus, every = 4): VisitDescription {
  return {
    visitDate: today,
    episode: { onsetDate: addDays(today, -400), region: "low-back", systemicCause: false, surgeryAssociated: false, pregnancyAssociated: false },
    priorVisits: Array.from({ length: prior }, (_, i) => addDays(today, -every * (prior - i))),
    status,
    furnishedBy: "acupuncturist-incident-to",
    modality: "acupuncture",
    musclesTreated: null,
    increments: [{ minutes: 15, estim: false, reinsertion: false }],
  };
}

function kinds(visit: VisitDescription, lastMeasuredOn: CalendarDate | null): RiskKind[] {
  return visitRisks(checkMedicare(visit), { status: visit.status, lastMeasuredOn }).map((r) => r.kind);
}

const measuredToday = today;
const measuredLongAgo = addDays(today, -200);

describe("visits at risk under NCD 30.3.3 (clinical-facts §1; near = within 2 visits, Acuback's setting)", () => {
  const cases: [string, VisitDescription, CalendarDate | null, RiskKind[]][] = [
    ["visit 5, improving, measured: nothing to flag", next(4, "improving"), measuredToday, []],
    ["visit 10, improving, measured: not yet near", next(9, "improving"), measuredToday, []],
    ["visit 11 of 12: near the window limit", next(10, "improving"), measuredToday, ["window-limit"]],
    ["visit 12 of 12: near the window limit", next(11, "improving"), measuredToday, ["window-limit"]],
    ["visit 11 with no outcome in the window: measure before 13", next(10, "improving"), measuredLongAgo, ["window-limit", "no-outcome-before-13"]],
    ["visit 10 never measured: measure before 13", next(9, "unknown"), null, ["no-outcome-before-13"]],
    ["visit 4 not improving: stop", next(3, "not-improving"), measuredToday, ["not-improving"]],
    ["visit 6 regressing: stop", next(5, "regressing"), measuredToday, ["not-improving"]],
    ["visit 15 improving, measured: covered with KX, not flagged", next(14, "improving"), measuredToday, []],
    ["visit 19 of 20 this year", next(18, "improving", 7), measuredToday, ["year-limit"]],
    ["visit 21 this year: past the cap", next(20, "improving", 7), measuredToday, ["year-limit"]],
  ];
  for (const [name, visit, measured, expected] of cases) {
    it(name, () => assert.deepEqual(kinds(visit, measured), expected));
  }
  it("says what and why in words", () => {
    const [risk] = visitRisks(checkMedicare(next(11, "improving")), { status: "improving", lastMeasuredOn: measuredToday });
    assert.match(risk!.message, /visit 12 of 12 in the window .* visits 13–20 need documented improvement/);
  });
  it("names the next re-evaluation the NCD needs", () => {
    assert.match(nextReEvaluation(checkMedicare(next(4, "improving"))), /^Re-evaluate within the next 8 visits, before visit 13/);
    assert.match(nextReEvaluation(checkMedicare(next(11, "improving"))), /^Re-evaluate at this visit, before visit 13/);
    assert.match(nextReEvaluation(checkMedicare(next(14, "improving"))), /^Document improvement at each visit/);
    assert.match(nextReEvaluation(checkMedicare(next(20, "improving", 7))), /^No further visit is covered this year/);
  });
});
