import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ATLAS } from "../points/atlas.ts";
import { createPointSearch } from "../points/search.ts";
import type { CalendarDate } from "../shared/calendarDate.ts";
import { chartAsAmended, correctedParts } from "./chartCorrection.ts";
import { reconcileNeedles } from "./needleCount.ts";
import { reasonProblem, uncoveredBlocks } from "./overrides.ts";
import { parseSchedule, planProgress, visitsDueBy } from "./plan.ts";
import { parsePointBar } from "./pointBar.ts";
import type { SafetyFinding } from "./safety.ts";
import { emptyTreatment, newSite, plannedNeedleCount } from "./treatment.ts";
import { dryNeedlingMuscleCount, signingProblems, treatmentProblems, type VisitChart } from "./visit.ts";

const search = createPointSearch(ATLAS);
const d = (s: string) => s as CalendarDate;

describe("point bar", () => {
  const cases: [string, { point: string | null; side: string; ashiRegion?: string }[]][] = [
    ["bl23 b", [{ point: "BL23", side: "bilateral" }]],
    ["ub-40 bilateral", [{ point: "BL40", side: "bilateral" }]],
    ["weizhong l", [{ point: "BL40", side: "left" }]],
    ["Bladder 23 r", [{ point: "BL23", side: "right" }]],
    ["ki3", [{ point: "KI3", side: "bilateral" }]],
    ["gv3", [{ point: "GV3", side: "midline" }]],
    ["ashi lumbar", [{ point: null, side: "bilateral", ashiRegion: "lower back" }]],
    ["ashi gluteal r", [{ point: null, side: "right", ashiRegion: "hips/buttocks" }]],
    ["bl23 b, bl40 b; gv3", [{ point: "BL23", side: "bilateral" }, { point: "BL40", side: "bilateral" }, { point: "GV3", side: "midline" }]],
  ];
  for (const [text, expected] of cases) {
    it(`"${text}"`, () => {
      const entries = parsePointBar(text, ATLAS, search);
      assert.deepEqual(
        entries.map((e) => (e.ok ? { point: e.point, side: e.side, ...(e.ashiRegion && { ashiRegion: e.ashiRegion }) } : e.message)),
        expected,
      );
    });
  }
  it("refuses an unknown point and a side on a midline point, saying why", () => {
    const [unknown, midline] = parsePointBar("zz99 l, gv3 l", ATLAS, search);
    assert.equal(unknown!.ok, false);
    assert.match(!unknown!.ok ? unknown!.message : "", /no point found/);
    assert.match(!midline!.ok ? midline!.message : "", /midline/);
  });
});

describe("needles in = needles out (NPSA/NRLS retained-needle reports, clinical-facts §6)", () => {
  it("accepts equal counts", () => assert.equal(reconcileNeedles({ inserted: 8, removed: 8, incident: null }).ok, true));
  it("refuses one missing, naming the count", () => {
    const result = reconcileNeedles({ inserted: 8, removed: 7, incident: null });
    assert.equal(result.ok, false);
    assert.match(result.message, /8 needles in, 7 out: 1 unaccounted/);
  });
  it("accepts one missing with a retained-needle incident", () => {
    assert.equal(reconcileNeedles({ inserted: 8, removed: 7, incident: { description: "Found on the couch and disposed of.", found: true } }).ok, true);
  });
  it("refuses more out than in, and no count", () => {
    assert.equal(reconcileNeedles({ inserted: 4, removed: 5, incident: null }).ok, false);
    assert.equal(reconcileNeedles({ inserted: null, removed: null, incident: null }).ok, false);
  });
});

describe("course of care", () => {
  it("reads Cherkin 2009's course, 2/week × 3 then 1/week × 4, as 10 visits (clinical-facts §9)", () => {
    const parsed = parseSchedule("2/week × 3 then 1/week × 4");
    assert.deepEqual(parsed, { ok: true, phases: [{ perWeek: 2, weeks: 3 }, { perWeek: 1, weeks: 4 }], visits: 10 });
    assert.deepEqual(parseSchedule("2/wk x 3, 1/wk x 4"), parsed);
  });
  it("refuses what it cannot read, saying how to write it", () => {
    const parsed = parseSchedule("twice weekly");
    assert.equal(parsed.ok, false);
    assert.equal(parseSchedule("20/week × 3").ok, false);
  });
  it("counts visits due by a date and the plan's progress", () => {
    const phases = [{ perWeek: 2, weeks: 3 }, { perWeek: 1, weeks: 4 }];
    assert.equal(visitsDueBy(phases, d("2026-01-05"), d("2026-01-05")), 2);
    assert.equal(visitsDueBy(phases, d("2026-01-05"), d("2026-01-26")), 7);
    assert.equal(visitsDueBy(phases, d("2026-01-05"), d("2026-06-01")), 10);
    const progress = planProgress({ startOn: d("2026-01-05"), phases, plannedVisits: 10, reEvaluations: [d("2026-01-19"), d("2026-02-16")] }, 4, d("2026-01-20"), "improving");
    assert.equal(progress.summary, "4 of 10 visits; 2 behind schedule; next re-evaluation 2026-02-16");
  });
});

describe("overrides need a written reason", () => {
  const block: SafetyFinding = { severity: "block", rule: "pregnancy-forbidden-point", points: ["SP6"], message: "m", source: "s" };
  it("refuses a one-word reason", () => assert.notEqual(reasonProblem("ok"), null));
  it("a sentence covers the block at its points", () => {
    const reason = "Patient at 38 weeks, induction planned by her midwife.";
    assert.deepEqual(uncoveredBlocks([block], [{ rule: block.rule, points: ["SP6"], reason }]), []);
    assert.equal(uncoveredBlocks([{ ...block, points: ["SP6", "LI4"] }], [{ rule: block.rule, points: ["SP6"], reason }]).length, 1);
  });
});

describe("signing", () => {
  const chart = (changes: Partial<VisitChart> = {}): VisitChart => {
    const treatment = emptyTreatment();
    treatment.sites = [newSite("BL23", "bilateral"), newSite("GV3", "midline")];
    return {
      visitOn: d("2026-03-01"),
      treatment,
      needleCount: { inserted: 3, removed: 3, incident: null },
      painBefore: 6,
      painAfter: 4,
      position: "prone",
      faceToFaceMinutes: 20,
      increments: [{ minutes: 15, reinserted: false, estim: false }],
      coInterventions: null,
      advice: null,
      soap: { subjective: null, objective: null, assessment: null, plan: null },
      separateEvaluation: null,
      adverseEvents: [],
      overrides: [],
      cunMm: null,
      ...changes,
    };
  };
  it("a complete chart can be signed", () => {
    assert.equal(plannedNeedleCount(chart().treatment), 3);
    assert.deepEqual(signingProblems(chart(), []), []);
  });
  it("an amendment's correction lays over the signed chart and names what billing must recompute", () => {
    const signed = chart();
    const estim = chartAsAmended(signed, [null, { increments: [{ minutes: 15, reinserted: false, estim: true }] }]);
    assert.equal(signed.increments[0]!.estim, false, "the signed chart is left as it was");
    assert.deepEqual(correctedParts(signed, estim), ["e-stim"]);
    const points = chartAsAmended(estim, [{ treatment: { ...estim.treatment, sites: [newSite("BL23", "left")] } }]);
    assert.deepEqual(correctedParts(estim, points), ["points"]);
    assert.deepEqual(correctedParts(points, chartAsAmended(points, [{ faceToFaceMinutes: 25, separateEvaluation: "Re-examined the left leg." }])), ["minutes", "evaluation"]);
    const retention = { ...points.treatment, sites: points.treatment.sites.map((s) => ({ ...s, retentionMinutes: 30 })) };
    assert.deepEqual(correctedParts(points, chartAsAmended(points, [{ treatment: retention }])), ["treatment"], "needling details change no CPT line");
    assert.deepEqual(correctedParts(points, chartAsAmended(points, [{ faceToFaceMinutes: 20 }])), []);
  });
  it("names what stands in the way", () => {
    const codes = signingProblems(chart({ needleCount: { inserted: 3, removed: 2, incident: null }, faceToFaceMinutes: 10 }), [
      { severity: "block", rule: "bleeding-disorder", points: [], message: "m", source: "s" },
    ]).map((p) => p.code);
    assert.deepEqual(codes.sort(), ["blocked", "minutes", "needles"]);
  });
  it("checks e-stim pairs against the needled sites and dense-disperse takes two frequencies", () => {
    const treatment = chart().treatment;
    treatment.modality = "electro";
    treatment.electro = { pairs: [{ a: { point: "BL23", side: "left" }, b: { point: "BL25", side: "left" } }], waveform: "dense-disperse", frequenciesHz: [2], intensity: { mA: 2 }, minutes: 20 };
    const problems = treatmentProblems(treatment);
    assert.ok(problems.some((p) => /BL25 \(left\), which is not needled/.test(p)));
    assert.ok(problems.some((p) => /two frequencies/.test(p)));
  });
  it("counts dry-needling muscles as billing groups them (CPT 20560/20561)", () => {
    const treatment = emptyTreatment("dry-needling");
    treatment.dryNeedling = { muscles: [{ muscle: "piriformis", side: "left" }, { muscle: "quadratus-lumborum", side: "bilateral" }, { muscle: "gluteus-medius", side: "left" }], technique: "pistoning", localTwitchResponse: true };
    assert.deepEqual(dryNeedlingMuscleCount(treatment), { muscles: 3, group: "3+" });
  });
});
