/**
 * Which trials in the evidence library used a set of points: a protocol's, or
 * the points charted at a visit. A trial counts when it needled at least one
 * of the points; trials sharing more of them come first, then those that
 * needled fewer other points (closest to the set), then low back pain trials,
 * then the newest. Ashi (tender) points have no code and match nothing.
 */
import { CONDITION_GROUPS, pointKey, TRIALS, type TrialRecord } from "./trials.ts";

export interface TrialMatch {
  trial: TrialRecord;
  /** The given points the trial also used, in the order they were given. */
  shared: string[];
}

/** The WHO codes among the given points, deduplicated, in order ("bl 23" and "BL23" are one point). */
export function distinctCodes(points: readonly (string | null)[]): string[] {
  return [...new Set(points.flatMap((p) => (p && p.trim() ? [pointKey(p)] : [])))];
}

export function trialsSharingPoints(points: readonly (string | null)[], trials: readonly TrialRecord[] = TRIALS): TrialMatch[] {
  const codes = distinctCodes(points);
  if (codes.length === 0) return [];
  return trials
    .map((trial) => ({ trial, shared: codes.filter((code) => trial.points.includes(code)) }))
    .filter((m) => m.shared.length > 0)
    .sort(
      (a, b) =>
        b.shared.length - a.shared.length ||
        a.trial.points.length - a.shared.length - (b.trial.points.length - b.shared.length) ||
        CONDITION_GROUPS.indexOf(a.trial.conditionGroup) - CONDITION_GROUPS.indexOf(b.trial.conditionGroup) ||
        b.trial.year - a.trial.year ||
        a.trial.taraId - b.trial.taraId,
    );
}

/** How many library trials used each point, for "BL23 · 12 trials". */
export function trialCountsByPoint(points: readonly (string | null)[], trials: readonly TrialRecord[] = TRIALS): { code: string; count: number }[] {
  return distinctCodes(points).map((code) => ({ code, count: trials.filter((t) => t.points.includes(code)).length }));
}
