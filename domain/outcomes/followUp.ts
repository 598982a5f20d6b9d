/**
 * Follow-up measurement schedule for an episode of care, so follow-up does not
 * depend on memory (market.md: 20.6% completed a 6-week form without it).
 *
 * - Milestones: weeks after intake when the outcome measures are taken
 *   (default 4, 8 and 12, the issue's example), each with the instruments it
 *   asks for. A milestone is done once each of them was recorded within the
 *   window around it; NRS also counts pain scores recorded on the chart.
 * - Check-ins (optional): a short measure every N weeks between milestones,
 *   up to the last milestone; their window is half the spacing, so they never
 *   overlap.
 * All of it is clinic configuration: no source fixes these numbers.
 */
import { instrumentById } from "../assessment/instruments/registry.ts";
import { addDays, daysBetween, type CalendarDate } from "../shared/calendarDate.ts";

export interface FollowUpSchedule {
  weeks: number[];
  /** Days either side of a milestone that still count for it. */
  windowDays: number;
  milestoneInstruments: string[];
  checkIn: { everyWeeks: number; instruments: string[] } | null;
}

export const DEFAULT_FOLLOW_UP_SCHEDULE: FollowUpSchedule = { weeks: [4, 8, 12], windowDays: 7, milestoneInstruments: ["nrs"], checkIn: null };

export type MilestoneStatus = "done" | "due" | "overdue" | "upcoming";

export interface Milestone {
  kind: "milestone" | "check-in";
  week: number;
  dueOn: CalendarDate;
  status: MilestoneStatus;
  /** What the schedule asks for at this point and has not been recorded in its window. */
  missing: string[];
}

/** One recorded measurement: which instrument ("nrs" for chart pain scores) and when. */
export interface Recorded {
  instrument: string;
  recordedOn: CalendarDate;
}

function point(kind: Milestone["kind"], start: CalendarDate, week: number, instruments: string[], windowDays: number, recorded: readonly Recorded[], today: CalendarDate): Milestone {
  const dueOn = addDays(start, week * 7);
  const missing = instruments.filter((instrument) => !recorded.some((r) => r.instrument === instrument && Math.abs(daysBetween(dueOn, r.recordedOn)) <= windowDays));
  const fromDue = daysBetween(dueOn, today);
  const status: MilestoneStatus =
    missing.length === 0 ? "done" : fromDue > windowDays ? "overdue" : fromDue >= -windowDays ? "due" : "upcoming";
  return { kind, week, dueOn, status, missing };
}

/** The schedule's milestones, then its check-ins, for an episode that began on `start`. */
export function milestones(
  start: CalendarDate,
  recorded: readonly Recorded[],
  today: CalendarDate,
  schedule: FollowUpSchedule = DEFAULT_FOLLOW_UP_SCHEDULE,
): Milestone[] {
  const fixed = schedule.weeks.map((week) => point("milestone", start, week, schedule.milestoneInstruments, schedule.windowDays, recorded, today));
  const { checkIn } = schedule;
  if (!checkIn) return fixed;
  const last = Math.max(0, ...schedule.weeks);
  const checkInWindow = Math.floor((checkIn.everyWeeks * 7) / 2);
  const checkIns: Milestone[] = [];
  for (let week = checkIn.everyWeeks; week < last; week += checkIn.everyWeeks) {
    if (schedule.weeks.includes(week)) continue;
    checkIns.push(point("check-in", start, week, checkIn.instruments, checkInWindow, recorded, today));
  }
  return [...fixed, ...checkIns];
}

/** ["4", "8", "12"] → "4, 8 and 12". */
function inWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

/** Instrument ids as clinicians write them: ["nrs", "odi"] → "NRS and ODI". */
export function instrumentList(ids: readonly string[]): string {
  return inWords(ids.map((id) => instrumentById(id)?.shortName ?? id));
}

/** The schedule in one sentence, for the follow-up list and the settings page. */
export function describeSchedule(schedule: FollowUpSchedule): string {
  const weeks = inWords(schedule.weeks.map(String));
  const checkIn = schedule.checkIn
    ? ` ${instrumentList(schedule.checkIn.instruments)} every ${schedule.checkIn.everyWeeks === 1 ? "week" : `${schedule.checkIn.everyWeeks} weeks`} in between.`
    : "";
  return `${instrumentList(schedule.milestoneInstruments)} at ${weeks} weeks after intake (±${schedule.windowDays} days).${checkIn}`;
}
