/**
 * The safety check of a 20-site treatment (pregnancy and anticoagulants
 * flagged, depths on some sites, three e-stim pairs), and the live chart
 * update the browser does per keystroke in the point bar: parse the 20-point
 * entry, check safety, list what stands between the draft and a signature.
 * Floors in the same process: resolving the same points through the atlas
 * (the least a check must do) and JSON.stringify of the treatment (what any
 * save would cost). Target: under 1 ms per check.
 *
 *   node --import tsx bench/safetyCheck.bench.ts [rounds=5000]
 */
import { ATLAS } from "../domain/points/atlas.ts";
import { createPointSearch } from "../domain/points/search.ts";
import { parsePointBar } from "../domain/treatment/pointBar.ts";
import { checkSafety, type SafetyInput } from "../domain/treatment/safety.ts";
import { emptyTreatment, newSite, plannedNeedleCount, type Depth, type Treatment } from "../domain/treatment/treatment.ts";
import { signingProblems, type VisitChart } from "../domain/treatment/visit.ts";
import { runSafetyCheck } from "../server/services/safetyCheck.ts";

const ROUNDS = Number(process.argv[2] ?? 5000);
const FLAGS = ["pregnancy", "anticoagulants"];
const CUN_MM = 20;

/** What a practitioner types: codes in several forms, pinyin, sides; 20 points. */
const POINT_BAR =
  "bl13 b, ub 15, bl-17 b, bl18, bl20 b, shenshu, dachangshu b, bl26, ub32 l, weizhong b, zhishi, chengshan, kunlun r, huantiao b, gb34, gv3, gv 4, taixi, sp6 l, hegu r";
/** Depths charted on some sites: within range, beyond it over the lung, in mm (compared through the patient's cun). */
const DEPTHS: Record<string, Depth> = {
  BL13: { value: 0.5, unit: "cun" },
  BL17: { value: 0.8, unit: "cun" },
  BL23: { value: 25, unit: "mm" },
  BL25: { value: 1, unit: "cun" },
  GB30: { value: 2, unit: "cun" },
  BL40: { value: 15, unit: "mm" },
};
const PAIRS: [string, string][] = [
  ["BL23", "BL25"],
  ["BL40", "BL57"],
  ["GB30", "GB34"],
];

const search = createPointSearch(ATLAS);

function treatmentOf(entries: ReturnType<typeof parsePointBar>): Treatment {
  const sites = entries.flatMap((e) => (e.ok ? [{ ...newSite(e.point, e.side, e.ashiRegion), depth: (e.point && DEPTHS[e.point]) || null, retentionMinutes: 20 }] : []));
  return {
    ...emptyTreatment("electro"),
    sites,
    electro: {
      pairs: PAIRS.map(([a, b]) => ({ a: { point: a, side: "left" }, b: { point: b, side: "left" } })),
      waveform: "dense-disperse",
      frequenciesHz: [2, 100],
      intensity: "to-tolerance",
      minutes: 20,
    },
  };
}

function chartOf(treatment: Treatment): VisitChart {
  const needles = plannedNeedleCount(treatment);
  return {
    visitOn: "2026-11-21" as VisitChart["visitOn"],
    treatment,
    needleCount: { inserted: needles, removed: needles, incident: null },
    painBefore: 6,
    painAfter: null,
    position: "prone",
    faceToFaceMinutes: 30,
    increments: [],
    coInterventions: null,
    advice: null,
    soap: { subjective: null, objective: null, assessment: null, plan: null },
    separateEvaluation: null,
    adverseEvents: [],
    overrides: [],
    cunMm: CUN_MM,
  };
}

const treatment = treatmentOf(parsePointBar(POINT_BAR, ATLAS, search));
if (treatment.sites.length !== 20) throw new Error(`expected 20 sites, got ${treatment.sites.length}`);
const input: SafetyInput = { flags: FLAGS, treatment, cunMm: CUN_MM };
const codes = [...treatment.sites.map((s) => s.point!), ...PAIRS.flat()];
const sample = checkSafety(input);
const checked = runSafetyCheck(input);
if (!checked.ok) throw new Error(checked.detail);

const ops: [string, () => number][] = [
  ["resolve the 26 point names through ATLAS.resolve (floor)", () => codes.filter((c) => ATLAS.resolve(c) !== null).length],
  ["JSON.stringify of the treatment (floor)", () => JSON.stringify(treatment).length],
  ["checkSafety (the pure check)", () => checkSafety(input).length],
  ["runSafetyCheck (names validated, then the check: API and CLI)", () => (runSafetyCheck(input).ok ? 1 : 0)],
  [
    "live chart update: parsePointBar + checkSafety + signingProblems",
    () => {
      const t = treatmentOf(parsePointBar(POINT_BAR, ATLAS, search));
      const findings = checkSafety({ flags: FLAGS, treatment: t, cunMm: CUN_MM });
      return findings.length + signingProblems(chartOf(t), findings).length;
    },
  ],
  ["  of which parsePointBar alone", () => parsePointBar(POINT_BAR, ATLAS, search).length],
];

let sink = 0;
// Warm every operation up before timing any, so the JIT has compiled the shared code (atlas lookups, the check) for all of them.
for (const [, run] of ops) for (let i = 0; i < Math.min(1000, ROUNDS); i++) sink += run();
function time(run: () => number): number {
  const start = performance.now();
  for (let i = 0; i < ROUNDS; i++) sink += run();
  return ((performance.now() - start) * 1000) / ROUNDS;
}
const rows = ops.map(([name, run]) => [name, time(run)] as const);
if (sink < 0) console.log(sink);

console.log(`sites=${treatment.sites.length} needles=${plannedNeedleCount(treatment)} pairs=${PAIRS.length} flags=${FLAGS.join("+")} findings=${sample.length} (${sample.filter((f) => f.severity === "block").length} blocks) rounds=${ROUNDS}`);
console.log(`| operation | µs per op | ops/s |`);
console.log(`|---|---|---|`);
for (const [name, us] of rows) console.log(`| ${name} | ${us.toFixed(1)} | ${Math.round(1e6 / us).toLocaleString("en-US")} |`);
const check = rows[2]![1];
const live = rows[4]![1];
console.log(`checkSafety is ${(check / rows[0]![1]).toFixed(1)}× the resolve floor and ${(check / 1000 * 100).toFixed(1)}% of the 1 ms target; a 16 ms frame fits ${Math.floor(16000 / live)} live chart updates.`);
