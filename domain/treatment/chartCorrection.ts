/**
 * A signed visit never changes; an amendment may carry a correction of the
 * parts billing reads (the treatment's points and e-stim, the face-to-face
 * minutes and their increments, a separate evaluation). The chart "as amended"
 * is the signed chart with each correction laid over it in order; the signed
 * chart itself stays as it was.
 */
import type { Treatment } from "./treatment.ts";
import type { TimeIncrement, VisitChart } from "./visit.ts";

/** The corrected values; a part left out stands as before. */
export interface ChartCorrection {
  treatment?: Treatment;
  faceToFaceMinutes?: number | null;
  increments?: TimeIncrement[];
  separateEvaluation?: string | null;
}

export type CorrectedPart = "points" | "e-stim" | "minutes" | "evaluation" | "treatment";

export function chartAsAmended(chart: VisitChart, corrections: readonly (ChartCorrection | null)[]): VisitChart {
  return corrections.reduce<VisitChart>((amended, correction) => (correction ? { ...amended, ...correction } : amended), chart);
}

const pointsOf = (t: Treatment) =>
  [...t.sites.map((s) => `${s.point ?? `ashi:${s.ashiRegion}`}:${s.side}`), ...(t.dryNeedling?.muscles ?? []).map((m) => `muscle:${m.muscle}:${m.side}`)].sort().join(",");
const estimOf = (chart: VisitChart) => JSON.stringify([chart.treatment.electro, chart.increments.map((i) => i.estim)]);
const minutesOf = (chart: VisitChart) => JSON.stringify([chart.faceToFaceMinutes, chart.increments.map((i) => [i.minutes, i.reinserted])]);

/**
 * What a correction changes that billing reads: the CPT lines depend on the
 * minutes, the e-stim per increment and (for dry needling) the muscles, so any
 * of these means the claim lines are recomputed.
 */
export function correctedParts(before: VisitChart, after: VisitChart): CorrectedPart[] {
  const parts: CorrectedPart[] = [];
  if (pointsOf(before.treatment) !== pointsOf(after.treatment)) parts.push("points");
  if (estimOf(before) !== estimOf(after)) parts.push("e-stim");
  if (minutesOf(before) !== minutesOf(after)) parts.push("minutes");
  if (before.separateEvaluation !== after.separateEvaluation) parts.push("evaluation");
  if (parts.length === 0 && JSON.stringify(before.treatment) !== JSON.stringify(after.treatment)) parts.push("treatment");
  return parts;
}
