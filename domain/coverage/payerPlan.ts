/**
 * Other payers: a commercial plan as a record the clinic's owner edits, and the
 * check of a visit against it, through the same result shape as Medicare's.
 *
 * Every figure and rule here is the owner's data (visits per plan year, plan
 * year start, prior authorisation, covered modalities, code pairing, time
 * rule): nothing about any real payer is assumed. Each reason names the plan
 * and the field of its record it comes from. The plan record holds no
 * indication or furnisher rules, so none are checked; the pairing and time
 * rule are for the coding (cpt.ts), not for coverage.
 *
 * Pure: no clock, no packages.
 */
import { addDays, isCalendarDate, type CalendarDate } from "../shared/calendarDate.ts";
import { COVERAGE_MODALITIES, type CoverageModality, type CoverageResult, type VisitDescription } from "./types.ts";

export interface PriorAuthorization {
  required: boolean;
  number: string | null;
  from: CalendarDate | null;
  to: CalendarDate | null;
}

export interface PayerPlan {
  id?: string;
  name: string;
  /** The plan's visit cap per plan year; null when the plan sets none. */
  visitsPerPlanYear: number | null;
  /** "MM-DD": the day each plan year starts ("01-01" for a calendar year). */
  planYearStart: string;
  priorAuthorization: PriorAuthorization;
  coveredModalities: CoverageModality[];
  /** May 97811 (no e-stim add-on) follow 97813 (e-stim initial)? Disputed among payers (clinical-facts §2). */
  allow97811With97813: boolean;
  /** May 97814 (e-stim add-on) follow 97810 (no e-stim initial)? */
  allow97814With97810: boolean;
  /** When a charted increment makes a unit (see cpt.ts). */
  timeRule: "more-than-half" | "full-increment";
}

/** What the clinic stores of a plan beside its name: its rules. */
export type PlanRules = Omit<PayerPlan, "id" | "name">;

const MONTH_DAY = /^(\d{2})-(\d{2})$/;

/** What is wrong with a plan record, one sentence per bad field; empty when it can be used. */
export function planProblems(plan: PayerPlan): string[] {
  const problems: string[] = [];
  if (typeof plan.name !== "string" || plan.name.trim() === "") problems.push("name: the plan needs a name");
  if (plan.visitsPerPlanYear !== null && !(Number.isInteger(plan.visitsPerPlanYear) && plan.visitsPerPlanYear >= 0)) {
    problems.push("visitsPerPlanYear: a whole number of visits, or null for no cap");
  }
  const match = MONTH_DAY.exec(plan.planYearStart ?? "");
  if (!match || (match[1] === "02" && match[2] === "29") || !isCalendarDate(`2023-${plan.planYearStart}`)) {
    problems.push(`planYearStart: "${plan.planYearStart}" is not a month and day "MM-DD" (e.g. "01-01"; 29 February cannot start a plan year)`);
  }
  const auth = plan.priorAuthorization;
  if (!auth || typeof auth.required !== "boolean") problems.push("priorAuthorization.required: true or false");
  else {
    if (auth.from !== null && !isCalendarDate(auth.from)) problems.push(`priorAuthorization.from: "${auth.from}" is not a date YYYY-MM-DD`);
    if (auth.to !== null && !isCalendarDate(auth.to)) problems.push(`priorAuthorization.to: "${auth.to}" is not a date YYYY-MM-DD`);
    if (auth.from !== null && auth.to !== null && isCalendarDate(auth.from) && isCalendarDate(auth.to) && auth.to < auth.from) {
      problems.push(`priorAuthorization.to: ${auth.to} is before priorAuthorization.from ${auth.from}`);
    }
  }
  if (!Array.isArray(plan.coveredModalities) || plan.coveredModalities.some((m) => !COVERAGE_MODALITIES.includes(m))) {
    problems.push(`coveredModalities: a list of ${COVERAGE_MODALITIES.join(", ")}`);
  }
  return problems;
}

/** The plan year holding `date`: from the latest `planYearStart` on or before it to the day before the next. */
export function planYearOf(date: CalendarDate, planYearStart: string): { from: CalendarDate; to: CalendarDate } {
  const year = Number(date.slice(0, 4));
  const pad = (y: number) => String(y).padStart(4, "0");
  const thisYear = `${pad(year)}-${planYearStart}` as CalendarDate;
  const from = thisYear <= date ? thisYear : (`${pad(year - 1)}-${planYearStart}` as CalendarDate);
  const next = `${pad(Number(from.slice(0, 4)) + 1)}-${planYearStart}` as CalendarDate;
  return { from, to: addDays(next, -1) };
}

/**
 * A visit against a commercial plan. `visitInYear` is the visit's number in
 * the plan year (prior visits in it, plus one); plans count no 90-day window,
 * so `window` is the plan year and `visitInWindow` equals `visitInYear`.
 */
export function checkPlan(visit: VisitDescription, plan: PayerPlan): CoverageResult {
  const label = `plan "${plan.name}"`;
  const problems = planProblems(plan);
  if (problems.length > 0) {
    return { covered: false, visitInWindow: 0, visitInYear: 0, modifiers: [], reasons: problems.map((p) => `${label} record: ${p}`), warnings: [] };
  }
  const { visitDate } = visit;
  const failed: string[] = [];
  const met: string[] = [];
  const warnings: string[] = [];

  const year = planYearOf(visitDate, plan.planYearStart);
  let prior = 0;
  for (const date of visit.priorVisits) {
    if (date > visitDate) warnings.push(`prior visit ${date} is after this visit (${visitDate}): not counted`);
    else if (date >= year.from) prior += 1;
  }
  const visitInYear = prior + 1;
  const yearText = `${year.from} → ${year.to}`;

  // visitsPerPlanYear
  const cap = plan.visitsPerPlanYear;
  if (cap === null) met.push(`${label} (visitsPerPlanYear): no visit cap; visit ${visitInYear} in the plan year ${yearText}`);
  else if (visitInYear > cap) failed.push(`${label} (visitsPerPlanYear): covers ${cap} visits per plan year; this is visit ${visitInYear} in the plan year ${yearText}`);
  else {
    met.push(`${label} (visitsPerPlanYear): visit ${visitInYear} of ${cap} in the plan year ${yearText}`);
    if (visitInYear === cap) warnings.push(`visit ${cap} of ${cap} this plan year: the plan covers no more visits before ${addDays(year.to, 1)}`);
  }

  // priorAuthorization
  const auth = plan.priorAuthorization;
  if (!auth.required) met.push(`${label} (priorAuthorization): no prior authorisation required`);
  else {
    const before = failed.length;
    if (auth.number === null || auth.number.trim() === "") failed.push(`${label} (priorAuthorization): prior authorisation is required and no authorisation number is recorded`);
    if (auth.from !== null && visitDate < auth.from) failed.push(`${label} (priorAuthorization): the authorisation starts on ${auth.from}, after this visit (${visitDate})`);
    if (auth.to !== null && visitDate > auth.to) failed.push(`${label} (priorAuthorization): the authorisation expired on ${auth.to}, before this visit (${visitDate})`);
    if (auth.from === null || auth.to === null) warnings.push(`prior authorisation ${auth.number ?? "(no number)"}: its ${auth.from === null ? (auth.to === null ? "dates are" : "start date is") : "end date is"} not recorded, so the visit cannot be checked against them`);
    if (failed.length === before) met.push(`${label} (priorAuthorization): authorisation ${auth.number}${auth.from || auth.to ? ` valid ${auth.from ?? "…"} → ${auth.to ?? "…"}` : ""}`);
  }

  // coveredModalities
  if (plan.coveredModalities.includes(visit.modality)) met.push(`${label} (coveredModalities): covers ${visit.modality}`);
  else failed.push(`${label} (coveredModalities): does not cover ${visit.modality} (covers ${plan.coveredModalities.join(", ") || "no modality"})`);

  const covered = failed.length === 0;
  return { covered, visitInWindow: visitInYear, visitInYear, modifiers: [], reasons: covered ? met : failed, warnings, window: year };
}
