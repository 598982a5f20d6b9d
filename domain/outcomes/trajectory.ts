/**
 * Change on an outcome measure from baseline, and whether it is clinically
 * important. Minimal clinically important differences (clinical-facts §4):
 * NRS pain 2 points or 30% (Ostelo 2008); ODI 10 points or 30%; RMDQ 5 points
 * or 30%. On all three a lower score is better.
 */
import type { CalendarDate } from "../shared/calendarDate.ts";

export type Measure = "nrs" | "odi" | "rmdq";

export function isMeasure(value: string): value is Measure {
  return value === "nrs" || value === "odi" || value === "rmdq";
}

export interface Mcid {
  points: number;
  percent: number;
  source: string;
}

export const MCID: Record<Measure, Mcid> = {
  nrs: { points: 2, percent: 30, source: "Ostelo 2008" },
  odi: { points: 10, percent: 30, source: "Ostelo 2008" },
  rmdq: { points: 5, percent: 30, source: "Ostelo 2008" },
};

export interface Reading {
  value: number;
  recordedOn: CalendarDate;
  /** Tie-breaker for readings on the same day. */
  createdAt: string;
}

export interface Trajectory {
  measure: Measure;
  baseline: { value: number; recordedOn: CalendarDate };
  latest: { value: number; recordedOn: CalendarDate };
  /** latest − baseline: negative means better. */
  change: number;
  /** Change as a percentage of baseline; null when the baseline is 0. */
  percentChange: number | null;
  /** Improved by at least the MCID (points or percent). */
  responder: boolean;
  /** Worsened by at least the MCID (points or percent). */
  worsened: boolean;
}

/**
 * Baseline is the earliest reading by date, latest the most recent. Null with
 * fewer than two readings: one reading is not a trajectory.
 */
export function trajectory(measure: Measure, readings: readonly Reading[]): Trajectory | null {
  if (readings.length < 2) return null;
  const ordered = [...readings].sort((a, b) => a.recordedOn.localeCompare(b.recordedOn) || a.createdAt.localeCompare(b.createdAt));
  const first = ordered[0]!;
  const last = ordered[ordered.length - 1]!;
  const change = round1(last.value - first.value);
  const percentChange = first.value === 0 ? null : round1((change / first.value) * 100);
  const { points, percent } = MCID[measure];
  // Compare without rounding so a borderline case is decided by the numbers, not by display.
  const reaches = (amount: number) => amount > 0 && (amount >= points || (first.value > 0 && amount * 100 >= percent * first.value));
  return {
    measure,
    baseline: { value: first.value, recordedOn: first.recordedOn },
    latest: { value: last.value, recordedOn: last.recordedOn },
    change,
    percentChange,
    responder: reaches(first.value - last.value),
    worsened: reaches(last.value - first.value),
  };
}

/** The value at or below which a patient starting at `baseline` has improved by the MCID; null for a baseline of 0. */
export function mcidTarget(measure: Measure, baseline: number): number | null {
  if (baseline <= 0) return null;
  const { points, percent } = MCID[measure];
  return baseline - Math.min(points, (baseline * percent) / 100);
}

export type OverallStatus = "improving" | "not improving" | "regressing";

export interface StatusAssessment {
  status: OverallStatus | "not enough data";
  /** The rule that produced the status, in words, with the measures that decided it. */
  rule: string;
}

/**
 * Improving / not improving / regressing across the measures followed, the
 * answer Medicare's visit rules depend on (NCD 30.3.3: stop if not improving or
 * regressing). Regressing: any measure worse by at least its MCID (we apply the
 * improvement MCID to worsening, a choice the sources do not state). Improving:
 * at least one measure better by its MCID and none regressing. Otherwise not improving.
 */
export function overallStatus(trajectories: readonly Trajectory[]): StatusAssessment {
  if (trajectories.length === 0) {
    return { status: "not enough data", rule: "Needs at least two readings of NRS, ODI or RMDQ." };
  }
  const label = (t: Trajectory) => `${t.measure.toUpperCase()} ${t.change > 0 ? "+" : ""}${t.change}${t.percentChange === null ? "" : ` (${t.percentChange > 0 ? "+" : ""}${t.percentChange}%)`}`;
  const mcidText = (t: Trajectory) => `${MCID[t.measure].points} points or ${MCID[t.measure].percent}%`;
  const worse = trajectories.filter((t) => t.worsened);
  if (worse.length > 0) {
    return {
      status: "regressing",
      rule: `Worse by at least the MCID on ${worse.map((t) => `${label(t)}, MCID ${mcidText(t)}`).join("; ")} (${MCID[worse[0]!.measure].source}).`,
    };
  }
  const better = trajectories.filter((t) => t.responder);
  if (better.length > 0) {
    return {
      status: "improving",
      rule: `Better by at least the MCID on ${better.map((t) => `${label(t)}, MCID ${mcidText(t)}`).join("; ")} (${MCID[better[0]!.measure].source}).`,
    };
  }
  return {
    status: "not improving",
    rule: `No measure changed by its MCID: ${trajectories.map((t) => `${label(t)} (MCID ${mcidText(t)})`).join("; ")}.`,
  };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
