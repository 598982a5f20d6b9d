/**
 * When a practitioner can see patients: their weekly working hours minus
 * breaks, time off and the clinic's holidays, as local minutes of one day.
 * All of it is the clinic's own data (owners and practitioners edit it);
 * Acuback ships no holiday list and no default hours.
 */
import type { CalendarDate } from "../shared/calendarDate.ts";
import { fromLocal, WEEKDAY_NAMES, weekdayOf, type MinuteOfDay, type Weekday } from "./clinicTime.ts";

/** One block of a practitioner's week, in local time: a working block, or a break inside one. */
export interface WeeklyBlock {
  practitionerId: string;
  weekday: Weekday;
  kind: "work" | "break";
  start: MinuteOfDay;
  end: MinuteOfDay;
}

/**
 * Time off. `weekday` null: every day from `fromOn` to `toOn` (a holiday
 * week, a course); a weekday: that day each week in the range, `toOn` null
 * meaning until further notice (every Wednesday afternoon). Times null: the
 * whole day.
 */
export interface TimeOff {
  practitionerId: string;
  fromOn: CalendarDate;
  toOn: CalendarDate | null;
  weekday: Weekday | null;
  start: MinuteOfDay | null;
  end: MinuteOfDay | null;
  reason: string | null;
}

/** A day the clinic is closed, as the owner enters it. */
export interface ClinicHoliday {
  on: CalendarDate;
  name: string;
}

export interface Interval {
  start: MinuteOfDay;
  end: MinuteOfDay;
}

/** Why a minute of a day is not bookable, in words for the person booking. */
export interface Closure extends Interval {
  reason: string;
}

export interface DaySchedule {
  date: CalendarDate;
  /** Bookable local intervals, ascending and disjoint. */
  open: Interval[];
  /** What takes time out of the working blocks, and the holiday if there is one. */
  closures: Closure[];
  holiday: ClinicHoliday | null;
}

export interface PractitionerCalendar {
  blocks: readonly WeeklyBlock[];
  timeOff: readonly TimeOff[];
  holidays: readonly ClinicHoliday[];
}

/** Whether a time-off entry covers `date`, and then which part of it. */
export function timeOffOn(entry: TimeOff, date: CalendarDate): Interval | null {
  if (date < entry.fromOn || (entry.toOn !== null && date > entry.toOn)) return null;
  if (entry.weekday !== null && weekdayOf(date) !== entry.weekday) return null;
  return { start: entry.start ?? 0, end: entry.end ?? 1440 };
}

/** Removes `cut` from each interval of `from` (both ascending). */
export function subtract(from: readonly Interval[], cut: Interval): Interval[] {
  const out: Interval[] = [];
  for (const i of from) {
    if (cut.end <= i.start || cut.start >= i.end) out.push(i);
    else {
      if (cut.start > i.start) out.push({ start: i.start, end: cut.start });
      if (cut.end < i.end) out.push({ start: cut.end, end: i.end });
    }
  }
  return out;
}

function merge(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out.at(-1);
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ ...i });
  }
  return out;
}

/** The practitioner's bookable time on a local date. */
export function daySchedule(calendar: PractitionerCalendar, date: CalendarDate): DaySchedule {
  const weekday = weekdayOf(date);
  const holiday = calendar.holidays.find((h) => h.on === date) ?? null;
  const todays = calendar.blocks.filter((b) => b.weekday === weekday);
  let open = merge(todays.filter((b) => b.kind === "work").map(({ start, end }) => ({ start, end })));
  const closures: Closure[] = [];
  for (const b of todays.filter((b) => b.kind === "break")) closures.push({ start: b.start, end: b.end, reason: "a break" });
  for (const entry of calendar.timeOff) {
    const part = timeOffOn(entry, date);
    if (part) closures.push({ ...part, reason: entry.reason ? `time off (${entry.reason})` : "time off" });
  }
  if (holiday) closures.push({ start: 0, end: 1440, reason: `the clinic is closed (${holiday.name})` });
  for (const c of closures) open = subtract(open, c);
  return { date, open, closures, holiday };
}

/** The UTC instants of a local interval on a date. */
export function intervalInstants(date: CalendarDate, interval: Interval, zone: string): { start: Date; end: Date } {
  return { start: fromLocal(date, interval.start, zone), end: fromLocal(date, interval.end, zone) };
}

export function describeWeekday(weekday: Weekday): string {
  return WEEKDAY_NAMES[weekday];
}

/**
 * Why a practitioner's week cannot be saved, or null: working blocks of a day
 * must not overlap, and a break must lie inside a working block.
 */
export function weekProblem(blocks: readonly Omit<WeeklyBlock, "practitionerId">[]): string | null {
  for (const weekday of [1, 2, 3, 4, 5, 6, 7] as Weekday[]) {
    const work = blocks.filter((b) => b.weekday === weekday && b.kind === "work").sort((a, b) => a.start - b.start);
    for (let i = 1; i < work.length; i++) {
      if (work[i]!.start < work[i - 1]!.end) return `${WEEKDAY_NAMES[weekday]}: working hours overlap; write them as separate, non-overlapping blocks.`;
    }
    for (const b of blocks.filter((b) => b.weekday === weekday && b.kind === "break")) {
      if (!work.some((w) => w.start <= b.start && b.end <= w.end)) return `${WEEKDAY_NAMES[weekday]}: a break must fall inside the working hours of that day.`;
    }
  }
  for (const b of blocks) if (!(b.end > b.start)) return `${WEEKDAY_NAMES[b.weekday]}: each block must end after it starts.`;
  return null;
}
