/**
 * The coverage check for one visit of a patient with 200 prior visits (about
 * two a week over two years, so the window and year each hold a share):
 * Medicare NCD 30.3.3 with the default settings and with anchored windows and
 * years (which walk every visit), and a commercial plan. Floors in the same
 * process: sorting the 200 dates alone, and sorting and filtering them to the
 * 90-day window and the year (the least any count must do). Target: under
 * 1 ms per check.
 *
 *   node --import tsx bench/coverageCheck.bench.ts [rounds=20000]
 */
import { checkMedicare, DEFAULT_NCD_SETTINGS } from "../domain/coverage/ncd30_3_3.ts";
import { checkPlan, type PayerPlan } from "../domain/coverage/payerPlan.ts";
import type { VisitDescription } from "../domain/coverage/types.ts";
import { addDays, type CalendarDate } from "../domain/shared/calendarDate.ts";

const ROUNDS = Number(process.argv[2] ?? 20000);
const VISIT_DATE = "2026-06-01" as CalendarDate;

// 200 prior visits, alternately 3 and 4 days apart going back, in no order (as a query might return them).
const prior: CalendarDate[] = [];
for (let i = 0, back = 3; i < 200; i++, back += i % 2 ? 4 : 3) prior.push(addDays(VISIT_DATE, -back));
for (let i = prior.length - 1; i > 0; i--) {
  const j = (i * 2654435761) % (i + 1);
  [prior[i], prior[j]] = [prior[j]!, prior[i]!];
}

const visit: VisitDescription = {
  visitDate: VISIT_DATE,
  episode: { onsetDate: "2024-03-01" as CalendarDate, region: "low-back", systemicCause: false, surgeryAssociated: false, pregnancyAssociated: false },
  priorVisits: prior,
  status: "improving",
  furnishedBy: "acupuncturist-incident-to",
  modality: "acupuncture",
  musclesTreated: null,
  increments: [
    { minutes: 15, estim: false, reinsertion: false },
    { minutes: 15, estim: false, reinsertion: true },
  ],
  lastMeasuredOn: addDays(VISIT_DATE, -30),
};
const plan: PayerPlan = {
  name: "Bench plan",
  visitsPerPlanYear: 60,
  planYearStart: "01-01",
  priorAuthorization: { required: true, number: "PA-1", from: "2026-01-01" as CalendarDate, to: "2026-12-31" as CalendarDate },
  coveredModalities: ["acupuncture"],
  allow97811With97813: false,
  allow97814With97810: false,
  timeRule: "more-than-half",
};
const anchored = { ...DEFAULT_NCD_SETTINGS, windowFrom: "first-visit-of-window", yearFrom: "first-visit" } as const;
const windowFrom = addDays(VISIT_DATE, -89);
const yearFrom = addDays(VISIT_DATE, -365);

const sample = checkMedicare(visit);
const ops: [string, () => number][] = [
  ["sort the 200 dates (floor)", () => [...prior].sort().length],
  ["sort + filter to the window and the year (floor)", () => {
    const sorted = [...prior].sort();
    return sorted.filter((p) => p >= windowFrom).length + sorted.filter((p) => p >= yearFrom).length;
  }],
  ["checkMedicare, default settings (rolling window and year)", () => checkMedicare(visit).visitInYear],
  ["checkMedicare, windows and years anchored at first visits", () => checkMedicare(visit, anchored).visitInYear],
  ["checkPlan (plan year, cap, prior authorisation)", () => checkPlan(visit, plan).visitInYear],
];

let sink = 0;
for (const [, run] of ops) for (let i = 0; i < Math.min(2000, ROUNDS); i++) sink += run();
function time(run: () => number): number {
  const start = performance.now();
  for (let i = 0; i < ROUNDS; i++) sink += run();
  return ((performance.now() - start) * 1000) / ROUNDS;
}
const rows = ops.map(([name, run]) => [name, time(run)] as const);
if (sink < 0) console.log(sink);

console.log(`prior visits=${prior.length} (${[...prior].sort()[0]} → ${[...prior].sort().at(-1)}) visitInWindow=${sample.visitInWindow} visitInYear=${sample.visitInYear} covered=${sample.covered} rounds=${ROUNDS}`);
console.log(`| operation | µs per op | ops/s |`);
console.log(`|---|---|---|`);
for (const [name, us] of rows) console.log(`| ${name} | ${us.toFixed(1)} | ${Math.round(1e6 / us).toLocaleString("en-US")} |`);
const check = rows[2]![1];
console.log(`checkMedicare is ${(check / rows[1]![1]).toFixed(1)}× the sort + filter floor and ${((check / 1000) * 100).toFixed(1)}% of the 1 ms target.`);
