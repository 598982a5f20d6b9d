/**
 * A course of care: how often, how many visits, towards which goals, with
 * re-evaluation dates. The schedule is written as practitioners write it,
 * "2/week × 3 then 1/week × 4" (Cherkin 2009's standardised course, clinical-facts §9),
 * and read into phases so the plan can count visits due against visits done.
 */
import { addDays, type CalendarDate } from "../shared/calendarDate.ts";
import type { StatusAssessment } from "../outcomes/trajectory.ts";

export interface SchedulePhase {
  perWeek: number;
  weeks: number;
}

/** Limits that catch typing slips ("20/week"), not clinical rules. */
const MAX_PER_WEEK = 7;
const MAX_WEEKS = 52;

export type ScheduleParse = { ok: true; phases: SchedulePhase[]; visits: number } | { ok: false; message: string };

/** "2/week × 3 then 1/week × 4", "2/wk x 3, 1/wk x 4", "1 per week for 6 weeks". */
export function parseSchedule(text: string): ScheduleParse {
  const parts = text
    .toLowerCase()
    .split(/\bthen\b|,|;|\+/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  if (parts.length === 0) return { ok: false, message: 'Write the frequency as e.g. "2/week × 3 then 1/week × 4".' };
  const phases: SchedulePhase[] = [];
  for (const part of parts) {
    const match = /^(\d+)\s*(?:\/|x|×|per|times(?: a| per)?)\s*(?:a\s+)?(?:week|wk|w)\s*(?:×|x|\*|for)\s*(\d+)\s*(?:weeks?|wks?|w)?$/.exec(part);
    if (!match) return { ok: false, message: `"${part}": write each phase as "visits/week × weeks", e.g. "2/week × 3".` };
    const perWeek = Number(match[1]);
    const weeks = Number(match[2]);
    if (perWeek < 1 || perWeek > MAX_PER_WEEK) return { ok: false, message: `"${part}": 1 to ${MAX_PER_WEEK} visits a week.` };
    if (weeks < 1 || weeks > MAX_WEEKS) return { ok: false, message: `"${part}": 1 to ${MAX_WEEKS} weeks.` };
    phases.push({ perWeek, weeks });
  }
  return { ok: true, phases, visits: phases.reduce((sum, p) => sum + p.perWeek * p.weeks, 0) };
}

export function formatSchedule(phases: readonly SchedulePhase[]): string {
  return phases.map((p) => `${p.perWeek}/week × ${p.weeks}`).join(" then ");
}

/** Visits the schedule expects by a date, counting from the plan's start. */
export function visitsDueBy(phases: readonly SchedulePhase[], start: CalendarDate, on: CalendarDate): number {
  let weekStart = start;
  let due = 0;
  for (const phase of phases) {
    for (let week = 0; week < phase.weeks; week++) {
      if (weekStart > on) return due;
      due += phase.perWeek;
      weekStart = addDays(weekStart, 7);
    }
  }
  return due;
}

export interface PlanGoal {
  instrument: "nrs" | "odi" | "rmdq";
  /** Change wanted from baseline, in the instrument's points (negative: lower is better). */
  change: number;
}

export interface PlanProgress {
  planned: number;
  done: number;
  dueByNow: number;
  nextReEvaluation: CalendarDate | null;
  /** The same status the patient page shows (domain/outcomes/trajectory.ts). */
  outcome: StatusAssessment["status"] | null;
  /** A sentence for the plan card: "4 of 10 visits; next re-evaluation 2026-12-10". */
  summary: string;
}

export function planProgress(
  plan: { startOn: CalendarDate; phases: readonly SchedulePhase[]; plannedVisits: number; reEvaluations: readonly CalendarDate[] },
  signedVisits: number,
  today: CalendarDate,
  outcome: StatusAssessment["status"] | null,
): PlanProgress {
  const nextReEvaluation = [...plan.reEvaluations].sort().find((d) => d >= today) ?? null;
  const dueByNow = Math.min(plan.plannedVisits, visitsDueBy(plan.phases, plan.startOn, today));
  const behind = dueByNow - signedVisits;
  const parts = [`${signedVisits} of ${plan.plannedVisits} visits`];
  if (behind > 0) parts.push(`${behind} behind schedule`);
  if (nextReEvaluation) parts.push(`next re-evaluation ${nextReEvaluation}`);
  return { planned: plan.plannedVisits, done: signedVisits, dueByNow, nextReEvaluation, outcome, summary: parts.join("; ") };
}
