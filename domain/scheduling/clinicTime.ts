/**
 * Wall-clock times in the clinic's time zone and the UTC instants they are.
 *
 * Appointments are stored as UTC instants; working hours, breaks and time off
 * are written as the clinic writes them, in local time ("09:00" on a Monday).
 * The zone is an IANA name from the clinic's configuration. Conversion uses
 * the runtime's Intl time-zone data (the same in Node and the browser), so a
 * Monday 09:00 in America/New_York is 14:00Z in winter and 13:00Z in summer.
 */
import { addDays, type CalendarDate } from "../shared/calendarDate.ts";

/** Minutes after local midnight, 0–1440. */
export type MinuteOfDay = number;
/** ISO weekday: 1 Monday … 7 Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const WEEKDAY_NAMES: Record<Weekday, string> = { 1: "Monday", 2: "Tuesday", 3: "Wednesday", 4: "Thursday", 5: "Friday", 6: "Saturday", 7: "Sunday" };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    formatters.set(zone, f);
  }
  return f;
}

/** True when the runtime knows `zone` as an IANA time zone ("America/New_York", "UTC"). */
export function isTimeZone(zone: string): boolean {
  if (zone.trim() === "" || zone.length > 64) return false;
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

export interface LocalTime {
  date: CalendarDate;
  minute: MinuteOfDay;
}

/**
 * Local times already worked out, by zone and UTC minute: a calendar shows
 * hundreds of appointments that start on a few dozen distinct minutes, and
 * `formatToParts` is the slow part of drawing a week. Bounded so a long
 * server run does not grow it without end.
 */
const localTimes = new Map<string, LocalTime>();
const LOCAL_TIMES_KEPT = 20_000;

/** The clinic's local date and minute of day at `instant`. */
export function toLocal(instant: Date, zone: string): LocalTime {
  const ms = instant.getTime();
  const key = `${zone} ${Math.floor(ms / 60_000)}`;
  const known = localTimes.get(key);
  if (known) return known;
  const parts = Object.fromEntries(formatterFor(zone).formatToParts(instant).map((p) => [p.type, p.value]));
  const local = Object.freeze({ date: `${parts.year}-${parts.month}-${parts.day}` as CalendarDate, minute: Number(parts.hour) * 60 + Number(parts.minute) });
  if (localTimes.size >= LOCAL_TIMES_KEPT) localTimes.clear();
  localTimes.set(key, local);
  return local;
}

/** How far the zone's wall clock is ahead of UTC at `ms`, in milliseconds. */
function offsetAt(ms: number, zone: string): number {
  const local = toLocal(new Date(ms), zone);
  const seconds = new Date(ms).getUTCSeconds();
  const asUtc = Date.parse(`${local.date}T00:00:00Z`) + local.minute * 60_000 + seconds * 1000;
  return asUtc - (ms - (ms % 1000));
}

/**
 * The instant of a local date and minute in the zone. A wall time the clock
 * skips (02:30 on the spring-forward night) moves on by the gap; a time it
 * repeats (01:30 on the fall-back night) is the first of the two.
 */
export function fromLocal(date: CalendarDate, minute: MinuteOfDay, zone: string): Date {
  if (minute >= 1440) return fromLocal(addDays(date, Math.floor(minute / 1440)), minute % 1440, zone);
  const wall = Date.parse(`${date}T00:00:00Z`) + minute * 60_000;
  // Zones change offset at most once in any two days: the offsets a day either side are the only candidates.
  const before = offsetAt(wall - 86_400_000, zone);
  const after = offsetAt(wall + 86_400_000, zone);
  const readsBack = (ms: number) => {
    const back = toLocal(new Date(ms), zone);
    return back.date === date && back.minute === minute;
  };
  const valid = [wall - before, wall - after].filter(readsBack).sort((a, b) => a - b);
  // A skipped wall time: the offset before the gap puts it just after the gap.
  return new Date(valid[0] ?? wall - before);
}

/** ISO weekday of a calendar date (a date has a weekday without a zone). */
export function weekdayOf(date: CalendarDate): Weekday {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return (day === 0 ? 7 : day) as Weekday;
}

/** The Monday on or before `date`. */
export function mondayOf(date: CalendarDate): CalendarDate {
  return addDays(date, 1 - weekdayOf(date));
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** "09:30" → 570; "24:00" → 1440 (the end of a day); null when not a time. */
export function parseClock(text: string): MinuteOfDay | null {
  if (text === "24:00") return 1440;
  const m = HHMM.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

export function formatClock(minute: MinuteOfDay): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}
