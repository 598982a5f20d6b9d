/**
 * How long this episode of back pain has lasted, recomputed as time passes.
 * Default cut-offs: acute < 6 weeks, subacute 6–12 weeks, chronic ≥ 12 weeks
 * (European COST B13 guidelines, 2006). Chronic at 12 weeks is also the
 * Medicare NCD 30.3.3 criterion (clinical-facts §1). ACP 2017 counts acute as
 * under 4 weeks, so the cut-offs are settings.
 */
import { daysBetween, type CalendarDate } from "../shared/calendarDate.ts";

export type DurationClass = "acute" | "subacute" | "chronic";

export interface DurationCutoffs {
  /** Weeks from which pain is subacute. */
  subacuteFromWeeks: number;
  /** Weeks from which pain is chronic. */
  chronicFromWeeks: number;
}

export const DEFAULT_DURATION_CUTOFFS: DurationCutoffs = { subacuteFromWeeks: 6, chronicFromWeeks: 12 };

export interface EpisodeDuration {
  weeks: number;
  days: number;
  durationClass: DurationClass;
}

/** Null when the onset is after `today` (a typing error the form should catch). */
export function episodeDuration(onset: CalendarDate, today: CalendarDate, cutoffs = DEFAULT_DURATION_CUTOFFS): EpisodeDuration | null {
  const days = daysBetween(onset, today);
  if (days < 0) return null;
  const weeks = Math.floor(days / 7);
  const durationClass =
    days >= cutoffs.chronicFromWeeks * 7 ? "chronic" : days >= cutoffs.subacuteFromWeeks * 7 ? "subacute" : "acute";
  return { weeks, days, durationClass };
}
