/**
 * Pain on the 0–10 numeric rating scale (NRS), the thin first outcome slice.
 *
 * Minimal clinically important difference for NRS pain in low back pain:
 * 2 points or 30% from baseline (Ostelo RW et al., Spine 2008;33:90–94;
 * see shared/reference/clinical-facts.md §4).
 */
import type { PatientId } from "../shared/brand.ts";
import type { CalendarDate } from "../shared/calendarDate.ts";

export const NRS_MIN = 0;
export const NRS_MAX = 10;
export const NRS_MCID_POINTS = 2;
export const NRS_MCID_PERCENT = 30;

export interface PainScore {
  id: string;
  patientId: PatientId;
  score: number;
  recordedOn: CalendarDate;
  note: string | null;
  recordedBy: string | null;
  createdAt: string;
}

export function isNrsScore(value: number): boolean {
  return Number.isInteger(value) && value >= NRS_MIN && value <= NRS_MAX;
}

export interface PainTrajectory {
  baseline: { score: number; recordedOn: CalendarDate };
  latest: { score: number; recordedOn: CalendarDate };
  /** latest − baseline: negative means less pain. */
  change: number;
  /** Change as a percentage of baseline; null when the baseline is 0 (no relative change is defined). */
  percentChange: number | null;
  /** True when the improvement reaches either MCID threshold. */
  reachesMcid: boolean;
}

/**
 * Baseline is the earliest score by date (ties: first recorded), latest the most recent.
 * Returns null with fewer than two scores: one reading is not a trajectory.
 */
export function painTrajectory(scores: readonly Pick<PainScore, "score" | "recordedOn" | "createdAt">[]): PainTrajectory | null {
  if (scores.length < 2) return null;
  const ordered = [...scores].sort(
    (a, b) => a.recordedOn.localeCompare(b.recordedOn) || a.createdAt.localeCompare(b.createdAt),
  );
  const first = ordered[0]!;
  const last = ordered[ordered.length - 1]!;
  const change = last.score - first.score;
  const percentChange = first.score === 0 ? null : Math.round((change / first.score) * 1000) / 10;
  const improvement = -change;
  // Integer comparison (improvement/baseline ≥ 30%) so rounding never decides a borderline case.
  const reachesMcid = improvement >= NRS_MCID_POINTS || (improvement > 0 && improvement * 100 >= NRS_MCID_PERCENT * first.score);
  return {
    baseline: { score: first.score, recordedOn: first.recordedOn },
    latest: { score: last.score, recordedOn: last.recordedOn },
    change,
    percentChange,
    reachesMcid,
  };
}

/**
 * The score at or below which a patient starting at `baseline` has improved by
 * the MCID (the easier of 2 points and 30%). Null for a baseline of 0: there is
 * no room to improve. Charts draw it as the target line.
 */
export function nrsMcidTarget(baseline: number): number | null {
  if (baseline <= 0) return null;
  return baseline - Math.min(NRS_MCID_POINTS, (baseline * NRS_MCID_PERCENT) / 100);
}
