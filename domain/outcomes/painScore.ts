/**
 * Pain on the 0–10 numeric rating scale (NRS), the thin first outcome slice.
 *
 * Minimal clinically important difference for NRS pain in low back pain:
 * 2 points or 30% from baseline (Ostelo RW et al., Spine 2008;33:90–94;
 * see shared/reference/clinical-facts.md §4).
 */
import type { PatientId } from "../shared/brand.ts";
import type { CalendarDate } from "../shared/calendarDate.ts";
import { trajectory } from "./trajectory.ts";

export const NRS_MIN = 0;
export const NRS_MAX = 10;

export interface PainScore {
  id: string;
  patientId: PatientId;
  score: number;
  recordedOn: CalendarDate;
  note: string | null;
  recordedBy: string | null;
  createdAt: string;
  /** Kept, but read by no chart, status or total (domain/shared/correction.ts). */
  enteredInError: boolean;
  /** When the score was last corrected; null when it stands as first entered. */
  revisedAt: string | null;
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

/** The NRS trajectory in pain-score terms (the generic rule lives in trajectory.ts). */
export function painTrajectory(scores: readonly Pick<PainScore, "score" | "recordedOn" | "createdAt">[]): PainTrajectory | null {
  const t = trajectory(
    "nrs",
    scores.map((s) => ({ value: s.score, recordedOn: s.recordedOn, createdAt: s.createdAt })),
  );
  if (!t) return null;
  return {
    baseline: { score: t.baseline.value, recordedOn: t.baseline.recordedOn },
    latest: { score: t.latest.value, recordedOn: t.latest.recordedOn },
    change: t.change,
    percentChange: t.percentChange,
    reachesMcid: t.responder,
  };
}
