/**
 * Follow-up measurement milestones for an episode of care, so follow-up does
 * not depend on memory (market.md: 20.6% completed a 6-week form without it).
 * Milestones default to 4, 8 and 12 weeks after intake (the example);
 * a milestone counts as done when any outcome was recorded within the window
 * around it. Both are settings: no source fixes them.
 */
import { daysBetween, type CalendarDate } from "../shared/calendarDate.ts";

export interface FollowUpSchedule {
  weeks: number[];
  /** Days either side of a milestone that still count for it. */
  windowDays: number;
}

export const DEFAULT_FOLLOW_UP_SCHEDULE: FollowUpSchedule = { weeks: [4, 8, 12], windowDays: 7 };

export type MilestoneStatus = "done" | "due" | "overdue" | "upcoming";

export interface Milestone {
  week: number;
  dueOn: CalendarDate;
  status: MilestoneStatus;
}

function addDays(date: CalendarDate, days: number): CalendarDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10) as CalendarDate;
}

export function milestones(
  start: CalendarDate,
  recordedOn: readonly CalendarDate[],
  today: CalendarDate,
  schedule: FollowUpSchedule = DEFAULT_FOLLOW_UP_SCHEDULE,
): Milestone[] {
  return schedule.weeks.map((week) => {
    const dueOn = addDays(start, week * 7);
    const done = recordedOn.some((date) => Math.abs(daysBetween(dueOn, date)) <= schedule.windowDays);
    const fromDue = daysBetween(dueOn, today);
    const status: MilestoneStatus = done
      ? "done"
      : fromDue > schedule.windowDays
        ? "overdue"
        : fromDue >= -schedule.windowDays
          ? "due"
          : "upcoming";
    return { week, dueOn, status };
  });
}
