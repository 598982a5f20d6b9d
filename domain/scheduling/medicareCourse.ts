/**
 * Medicare warnings on a proposed course, from the same NCD 30.3.3 counting
 * the visit's coverage uses (domain/coverage/ncd30_3_3.ts; figures from
 * clinical-facts §1: up to 12 visits in 90 days, 8 additional sessions only
 * for patients who demonstrate improvement, no more than 20 a year).
 * Warnings, not refusals: the clinic may still book (self-pay, or a
 * re-evaluation that documents improvement before the visit).
 */
import { countNcdVisits, DEFAULT_NCD_SETTINGS, type NcdSettings } from "../coverage/ncd30_3_3.ts";
import type { CoverageStatus } from "../coverage/types.ts";
import { addDays, type CalendarDate } from "../shared/calendarDate.ts";

export interface CourseWarning {
  /** The proposed visit's 1-based number in the course. */
  number: number;
  message: string;
}

/**
 * `priorVisits`: the patient's earlier Medicare visits (signed and billed to
 * Medicare) and appointments already booked; `proposed`: the proposal's local
 * dates in order; `status`: the outcome status now ("improving" is the
 * documented improvement the NCD asks for).
 */
export function medicareCourseWarnings(
  proposed: readonly CalendarDate[],
  priorVisits: readonly CalendarDate[],
  status: CoverageStatus,
  settings: NcdSettings = DEFAULT_NCD_SETTINGS,
): CourseWarning[] {
  const warnings: CourseWarning[] = [];
  if (proposed.length === 0) return warnings;
  const initial = settings.visitsPerWindow;
  const yearMax = Math.min(settings.visitsPerYear, settings.visitsPerWindow + settings.additionalVisits);
  // The 90 days this course starts in: from the earliest Medicare visit in the 90 days up to the first proposed visit.
  const first = proposed[0]!;
  const windowStart = [...priorVisits].filter((d) => d <= first && d >= addDays(first, -(settings.windowDays - 1))).sort()[0] ?? first;
  const windowEnd = addDays(windowStart, settings.windowDays - 1);
  const counted: CalendarDate[] = [...priorVisits];
  proposed.forEach((date, i) => {
    const count = countNcdVisits(date, counted, settings);
    const number = i + 1;
    if (count.visitInYear > settings.visitsPerYear || count.visitInYear > yearMax) {
      warnings.push({ number, message: `Visit ${count.visitInYear} this year (${count.year.from} → ${count.year.to}): NCD 30.3.3 covers no more than ${yearMax} acupuncture treatments a year.` });
    } else if ((count.visitInWindow > initial || count.visitInYear > initial) && status !== "improving") {
      warnings.push({
        number,
        message: `Visit ${count.visitInWindow} in ${settings.windowDays} days (${count.window.from} → ${count.window.to}), ${count.visitInYear} this year: NCD 30.3.3 covers visits ${initial + 1}–${yearMax} only with documented improvement, and none is documented.`,
      });
    }
    if (date > windowEnd) {
      warnings.push({
        number,
        message: `${date} falls outside the ${settings.windowDays}-day window ${windowStart} → ${windowEnd} this course starts in: NCD 30.3.3 counts its 12 visits in ${settings.windowDays} days; re-evaluate before continuing.`,
      });
    }
    counted.push(date);
  });
  return warnings;
}
