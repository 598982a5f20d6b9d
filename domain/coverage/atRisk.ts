/**
 * Which Medicare patients' next visit is at risk under NCD 30.3.3, read from
 * the engine's result for a visit today: near the 12-visit window or the
 * 20-visit year, not improving (the NCD says stop), or heading for visit 13
 * with no outcome measured in the window (visits 13–20 need documented
 * improvement). Pure: the service gathers the next visit's description.
 */
import type { CalendarDate } from "../shared/calendarDate.ts";
import { DEFAULT_NCD_SETTINGS, type NcdResult, type NcdSettings } from "./ncd30_3_3.ts";
import type { CoverageStatus } from "./types.ts";

export type RiskKind = "window-limit" | "year-limit" | "not-improving" | "no-outcome-before-13" | "not-covered";

export interface VisitRisk {
  kind: RiskKind;
  message: string;
}

export interface AtRiskSettings {
  /**
   * How many visits ahead a limit counts as near. Our choice, not a Medicare
   * figure: 2 visits is about a week's notice at the twice-weekly regimens of
   * the trials the demo plans follow, time to re-measure or re-plan. Clinics
   * may change it.
   */
  nearVisits: number;
}

export const DEFAULT_AT_RISK_SETTINGS: Readonly<AtRiskSettings> = Object.freeze({ nearVisits: 2 });

export function visitRisks(
  next: NcdResult,
  facts: { status: CoverageStatus; lastMeasuredOn: CalendarDate | null },
  settings: AtRiskSettings = DEFAULT_AT_RISK_SETTINGS,
  ncd: NcdSettings = DEFAULT_NCD_SETTINGS,
): VisitRisk[] {
  const risks: VisitRisk[] = [];
  const initial = ncd.visitsPerWindow;
  const yearMax = ncd.visitsPerYear;
  const window = `${next.window.from} → ${next.window.to}`;
  if (facts.status === "not-improving" || facts.status === "regressing") {
    risks.push({ kind: "not-improving", message: `${facts.status === "regressing" ? "Regressing" : "Not improving"}: the NCD says treatment must be discontinued.` });
  }
  if (next.visitInYear > yearMax) {
    risks.push({ kind: "year-limit", message: `The next visit would be visit ${next.visitInYear} this year: the NCD covers ${yearMax} a year.` });
  } else if (next.visitInYear > yearMax - settings.nearVisits) {
    risks.push({ kind: "year-limit", message: `The next visit is visit ${next.visitInYear} of ${yearMax} this year.` });
  }
  if (next.visitInWindow <= initial && next.visitInWindow > initial - settings.nearVisits) {
    risks.push({ kind: "window-limit", message: `The next visit is visit ${next.visitInWindow} of ${initial} in the window ${window}; visits ${initial + 1}–${yearMax} need documented improvement.` });
  }
  const measuredInWindow = facts.lastMeasuredOn !== null && facts.lastMeasuredOn >= next.window.from;
  if (!measuredInWindow && next.visitInWindow > initial - settings.nearVisits - 1 && next.visitInWindow <= initial + 1) {
    risks.push({
      kind: "no-outcome-before-13",
      message: `No outcome measured in the window ${window}${facts.lastMeasuredOn ? ` (last ${facts.lastMeasuredOn})` : ""}: measure before visit ${initial + 1}, which needs documented improvement.`,
    });
  }
  if (!next.covered && risks.length === 0) risks.push({ kind: "not-covered", message: "The next visit would not be covered: see the reasons." });
  return risks;
}

/**
 * The next re-evaluation the NCD needs, in words: improvement must be
 * documented before visit 13 (visits 13–20 are covered only for patients who
 * improve), and keep being shown while the additional sessions run.
 */
export function nextReEvaluation(next: NcdResult, ncd: NcdSettings = DEFAULT_NCD_SETTINGS): string {
  const initial = ncd.visitsPerWindow;
  const yearMax = ncd.visitsPerYear;
  if (next.visitInYear > yearMax) return `No further visit is covered this year (${yearMax} a year).`;
  if (next.visitInWindow <= initial) {
    const left = initial - next.visitInWindow;
    const when = left === 0 ? "at this visit" : `within the next ${left + 1} visits`;
    return `Re-evaluate ${when}, before visit ${initial + 1}: visits ${initial + 1}–${yearMax} need documented improvement.`;
  }
  return `Document improvement at each visit: visits ${initial + 1}–${yearMax} are covered only while the patient improves.`;
}
