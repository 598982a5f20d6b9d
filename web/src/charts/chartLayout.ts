/**
 * Pure layout for the outcome charts: date tick labels that are never
 * ambiguous about the year, which dates get a tick so labels never collide,
 * and labels in the right-hand margin pushed apart so none covers another.
 * Everything is in CSS pixels: the chart is drawn at its real width, so a
 * 13 px label is 13 px on a phone too. No clock is read here: callers pass today.
 */
import { daysBetween, type CalendarDate } from "../../../domain/shared/calendarDate.ts";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/** A date tick: "Mar 4", with the year on a second line whenever it is not this year's date. */
export interface TickLabel {
  date: CalendarDate;
  day: string;
  year: string | null;
}

export function tickLabel(date: CalendarDate, today: CalendarDate): TickLabel {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return { date, day: `${MONTHS[month - 1]} ${day}`, year: date.slice(0, 4) === today.slice(0, 4) ? null : String(year) };
}

/** Roughly how wide a label is in a sans-serif font: an upper bound, so labels spaced by it never touch. */
export function textWidth(text: string, fontPx: number): number {
  return text.length * fontPx * 0.62;
}

/**
 * The dates that get a label: the first and the last always, and in between
 * every date at least `minSpacing` pixels from the labels either side of it.
 * Readings cluster (two on a visit day, weekly in between), so spacing by
 * position rather than by count is what keeps labels apart.
 */
export function chooseTicks(dates: readonly CalendarDate[], x: (date: CalendarDate) => number, minSpacing: number): CalendarDate[] {
  const sorted = [...new Set(dates)].sort();
  if (sorted.length <= 1) return sorted;
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  if (x(last) - x(first) < minSpacing) return [last];
  const chosen = [first];
  for (const date of sorted.slice(1, -1)) {
    if (x(date) - x(chosen[chosen.length - 1]!) >= minSpacing && x(last) - x(date) >= minSpacing) chosen.push(date);
  }
  chosen.push(last);
  return chosen;
}

/** A label wanted at height `y` (its vertical centre) in the right-hand margin. */
export interface MarginLabel {
  id: string;
  text: string;
  y: number;
}

/**
 * Moves margin labels apart so no two are closer than `gap` (a line height),
 * keeping each as near its wanted height as it can and all within [top, bottom].
 * Order by wanted height is kept, so each label stays beside its own line.
 */
export function placeMarginLabels(labels: readonly MarginLabel[], gap: number, top: number, bottom: number): MarginLabel[] {
  const sorted = [...labels].sort((a, b) => a.y - b.y).map((label) => ({ ...label, y: Math.min(bottom, Math.max(top, label.y)) }));
  // Down from the top: each at least a gap below the one above it.
  for (let i = 1; i < sorted.length; i++) sorted[i]!.y = Math.max(sorted[i]!.y, sorted[i - 1]!.y + gap);
  // Then up from the bottom, for any pushed past it.
  const last = sorted.length - 1;
  if (last >= 0) sorted[last]!.y = Math.min(sorted[last]!.y, bottom);
  for (let i = last - 1; i >= 0; i--) sorted[i]!.y = Math.min(sorted[i]!.y, sorted[i + 1]!.y - gap);
  return sorted;
}

/** An axis-aligned box in pixels. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export function boxesIntersect(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** 1, 2 or 5 times a power of ten, at or above the value: the top of an axis. */
export function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((m) => m * power).find((n) => n >= value - 1e-9)!;
}

/** The horizontal scale shared by the panels of one chart: the first reading at the left edge, the last at the right. */
export function timeScale(first: CalendarDate, last: CalendarDate, left: number, right: number): (date: CalendarDate) => number {
  const span = daysBetween(first, last);
  if (span <= 0) return () => (left + right) / 2;
  return (date) => left + (daysBetween(first, date) / span) * (right - left);
}
