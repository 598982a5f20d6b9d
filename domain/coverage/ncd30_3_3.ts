/**
 * Medicare NCD 30.3.3, Acupuncture for Chronic Low Back Pain: is this visit
 * covered, what is its number in the 90-day window and in the year, which
 * modifiers it carries, and why — each reason naming the clause it comes from.
 *
 * Every fact here is from shared/reference/clinical-facts.md §1 (CMS NCD 30.3.3
 * v1; decision memo CAG-00452N; MLN MM11691 for dry needling). Nothing marked
 * UNCONFIRMED there is a rule here: in particular the covered ICD-10 list of
 * the CR 11755 appendix is not checked (the episode's facts are).
 *
 * How the limits are read (the NCD: "up to 12 visits in 90 days; 8 additional
 * sessions only for patients who demonstrate improvement; no more than 20
 * treatments per year"; visits 13–20 carry KX):
 * - the 8 additional sessions come after the first 12, so a visit is an
 *   additional session when it is beyond the 12th in its 90-day window or
 *   beyond the 12th in its year (visits 13–20 are numbered in the year, as
 *   the annual 20 is);
 * - an additional session is covered only while the patient is improving, and
 *   carries KX; never more than 12 + 8 in a window nor 20 in a year.
 *
 * Pure: no clock (the visit date is the input's), no packages.
 */
import { episodeDuration } from "../assessment/duration.ts";
import { addDays, type CalendarDate } from "../shared/calendarDate.ts";
import type { CoverageResult, FurnishedBy, VisitDescription } from "./types.ts";

/** NCD 30.3.3 effective date (clinical-facts §1: effective 2020-01-21, implemented 2020-06-24). */
export const NCD_EFFECTIVE_FROM = "2020-01-21" as CalendarDate;
/** clinical-facts §1: "up to 12 visits in 90 days" — the 90. */
export const NCD_WINDOW_DAYS = 90;
/** clinical-facts §1: "up to 12 visits in 90 days" — the 12. */
export const NCD_VISITS_PER_WINDOW = 12;
/** clinical-facts §1: "8 additional sessions only for patients who demonstrate improvement". */
export const NCD_ADDITIONAL_VISITS = 8;
/** clinical-facts §1: "no more than 20 acupuncture treatments per year". */
export const NCD_VISITS_PER_YEAR = 20;
/** clinical-facts §1: cLBP means "lasting 12 weeks or longer". */
export const NCD_CHRONIC_WEEKS = 12;
/** clinical-facts §1: "Visits 13–20 carry the KX modifier (payer policy text; MLN summaries)". */
export const KX = "KX";

export const WINDOW_FROM = ["rolling", "first-visit-of-window"] as const;
export type WindowFrom = (typeof WINDOW_FROM)[number];
export const YEAR_FROM = ["rolling-365", "calendar-year", "first-visit"] as const;
export type YearFrom = (typeof YEAR_FROM)[number];

/** Where the NCD leaves a choice, and its figures (each from clinical-facts §1). */
export interface NcdSettings {
  windowFrom: WindowFrom;
  yearFrom: YearFrom;
  windowDays: number;
  visitsPerWindow: number;
  additionalVisits: number;
  visitsPerYear: number;
  chronicWeeks: number;
}

export const DEFAULT_NCD_SETTINGS: Readonly<NcdSettings> = Object.freeze({
  /**
   * Default "rolling": the 90 days are the visit's day and the 89 before it.
   * The NCD says "12 visits in 90 days" without saying when the 90 days start.
   * "first-visit-of-window" starts a window at the first visit and a new one at
   * the first visit after it ends. A rolling count is never lower than that one
   * (the window's start is never earlier than 89 days back), so a visit it calls
   * covered is covered under either reading; and it never drops when an earlier
   * visit comes to light (a found visit can re-anchor fixed windows and lower
   * the count). The cost: a contractor counting from the first visit may pay a
   * visit this calls an additional session or over the limit.
   */
  windowFrom: "rolling",
  /**
   * Default "rolling-365": the year is the visit's day and the year before it
   * (from the day after the same date a year earlier: 365 days, 366 when they
   * hold a 29 February). The NCD says "annually" without saying from when.
   * "calendar-year" counts from 1 January, "first-visit" from the first visit
   * (a new year at the first visit on or after its anniversary). The rolling
   * count is never lower than either (both of their years, up to the visit,
   * lie within the rolling one), so the 20-visit cap and the 13–20 threshold
   * are not passed under any reading, and it never drops when an earlier
   * visit comes to light. Same trade-off as the window; set "calendar-year"
   * if the clinic's Medicare contractor says so in writing.
   */
  yearFrom: "rolling-365",
  /** 90 (clinical-facts §1). */
  windowDays: NCD_WINDOW_DAYS,
  /** 12 (clinical-facts §1). */
  visitsPerWindow: NCD_VISITS_PER_WINDOW,
  /** 8 (clinical-facts §1). */
  additionalVisits: NCD_ADDITIONAL_VISITS,
  /** 20 (clinical-facts §1). */
  visitsPerYear: NCD_VISITS_PER_YEAR,
  /** 12 (clinical-facts §1). */
  chronicWeeks: NCD_CHRONIC_WEEKS,
});

export const DISCONTINUE_WARNING = "not improving: the NCD says treatment must be discontinued";

const FURNISHER_WORDS: Record<FurnishedBy, string> = {
  physician: "a physician",
  "nurse-practitioner": "a nurse practitioner",
  "physician-assistant": "a physician assistant",
  "clinical-nurse-specialist": "a clinical nurse specialist",
  "acupuncturist-incident-to": "a licensed acupuncturist incident-to",
  "acupuncturist-direct": "a licensed acupuncturist billing directly",
};

/** The date one year after `date` (29 February → 1 March in a common year, as ages do in calendarDate.ts). */
export function addOneYear(date: CalendarDate): CalendarDate {
  const year = Number(date.slice(0, 4)) + 1;
  const monthDay = date.slice(5);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const padded = String(year).padStart(4, "0");
  if (monthDay === "02-29" && !leap) return `${padded}-03-01` as CalendarDate;
  return `${padded}-${monthDay}` as CalendarDate;
}

/** The same day a year before (29 February → 28 February): the day after it starts the rolling year ending on `date`. */
function sameDayAYearBefore(date: CalendarDate): CalendarDate {
  const year = String(Number(date.slice(0, 4)) - 1).padStart(4, "0");
  const monthDay = date.slice(5) === "02-29" ? "02-28" : date.slice(5);
  return `${year}-${monthDay}` as CalendarDate;
}

/**
 * The start of the period holding the last of `sorted` (ascending), where a
 * period starts at a date and a new one at the first date on or after its end
 * (`endOf(start)` is the first day no longer in the period).
 */
function anchoredStart(sorted: readonly CalendarDate[], endOf: (start: CalendarDate) => CalendarDate): CalendarDate {
  let start = sorted[0]!;
  let end = endOf(start);
  for (const date of sorted) {
    if (date >= end) {
      start = date;
      end = endOf(start);
    }
  }
  return start;
}

export interface NcdCount {
  visitInWindow: number;
  visitInYear: number;
  window: { from: CalendarDate; to: CalendarDate };
  year: { from: CalendarDate; to: CalendarDate };
  /** The counted prior visits in the year, ascending (for "no outcome measured since visit N"). */
  yearVisits: CalendarDate[];
  /** The counted prior visits (on or before this visit), ascending. */
  prior: CalendarDate[];
  /** Prior visits dated after this visit: not prior, not counted. */
  ignored: CalendarDate[];
}

/** This visit's number in its 90-day window and in its year: the prior visits in each, plus one. */
export function countNcdVisits(visitDate: CalendarDate, priorVisits: readonly CalendarDate[], settings: NcdSettings = DEFAULT_NCD_SETTINGS): NcdCount {
  const prior: CalendarDate[] = [];
  const ignored: CalendarDate[] = [];
  for (const date of priorVisits) (date <= visitDate ? prior : ignored).push(date);
  // ISO dates sort as strings; this visit comes after any prior visit of the same day.
  prior.sort();
  const all = [...prior, visitDate];

  const windowFrom =
    settings.windowFrom === "rolling" ? addDays(visitDate, -(settings.windowDays - 1)) : anchoredStart(all, (start) => addDays(start, settings.windowDays));
  const window = { from: windowFrom, to: settings.windowFrom === "rolling" ? visitDate : addDays(windowFrom, settings.windowDays - 1) };

  let yearFrom: CalendarDate;
  if (settings.yearFrom === "rolling-365") yearFrom = addDays(sameDayAYearBefore(visitDate), 1);
  else if (settings.yearFrom === "calendar-year") yearFrom = `${visitDate.slice(0, 4)}-01-01` as CalendarDate;
  else yearFrom = anchoredStart(all, addOneYear);
  const yearTo =
    settings.yearFrom === "rolling-365" ? visitDate : settings.yearFrom === "calendar-year" ? (`${visitDate.slice(0, 4)}-12-31` as CalendarDate) : addDays(addOneYear(yearFrom), -1);

  let inWindow = 0;
  const yearVisits: CalendarDate[] = [];
  for (const date of prior) {
    if (date >= window.from) inWindow += 1;
    if (date >= yearFrom) yearVisits.push(date);
  }
  return { visitInWindow: inWindow + 1, visitInYear: yearVisits.length + 1, window, year: { from: yearFrom, to: yearTo }, yearVisits, prior, ignored };
}

/** The coverage result with the year counted (an optional extra the contract allows). */
export type NcdResult = CoverageResult & { window: { from: CalendarDate; to: CalendarDate }; year: { from: CalendarDate; to: CalendarDate } };

/** The NCD 30.3.3 result for one visit. */
export function checkMedicare(visit: VisitDescription, settings: NcdSettings = DEFAULT_NCD_SETTINGS): NcdResult {
  const failed: string[] = [];
  const met: string[] = [];
  const warnings: string[] = [];
  const { episode, visitDate, status, furnishedBy, modality } = visit;
  const dry = modality === "dry-needling";

  // Effective date (§1).
  if (visitDate < NCD_EFFECTIVE_FROM) failed.push(`NCD 30.3.3: covers services from ${NCD_EFFECTIVE_FROM}; this visit is on ${visitDate}`);

  // Indication: low back only (§1: other indications stay non-covered, NCD 30.3; dry needling, MLN MM11691).
  if (episode.region !== "low-back") {
    failed.push(
      dry
        ? `MLN MM11691: dry needling is covered for chronic low back pain only; dry needling of the ${episode.region === "neck" ? "neck" : "region treated"} stays non-covered`
        : `NCD 30.3: acupuncture for other indications stays non-covered (region treated: ${episode.region}); NCD 30.3.3 covers chronic low back pain only`,
    );
  } else if (dry) {
    met.push("MLN MM11691: dry needling is covered for chronic low back pain under the same criteria as acupuncture");
  } else {
    met.push(`NCD 30.3.3: ${modality === "electroacupuncture" ? "electroacupuncture" : "acupuncture"} for low back pain`);
  }

  // Chronic low back pain: all four parts of the definition (§1).
  const duration = episodeDuration(episode.onsetDate, visitDate, { subacuteFromWeeks: 0, chronicFromWeeks: settings.chronicWeeks });
  if (duration === null) {
    failed.push(`NCD 30.3.3: chronic low back pain means pain lasting ${settings.chronicWeeks} weeks or longer; the recorded onset ${episode.onsetDate} is after the visit (${visitDate})`);
  } else if (duration.durationClass !== "chronic") {
    const from = addDays(episode.onsetDate, settings.chronicWeeks * 7);
    failed.push(
      `NCD 30.3.3: chronic low back pain means pain lasting ${settings.chronicWeeks} weeks or longer; ${duration.weeks} weeks ${duration.days % 7} days since onset ${episode.onsetDate} (chronic from ${from})`,
    );
  } else {
    met.push(`NCD 30.3.3: chronic low back pain lasts ${settings.chronicWeeks} weeks or longer: ${duration.weeks} weeks since onset ${episode.onsetDate}`);
  }
  if (episode.systemicCause) failed.push("NCD 30.3.3: chronic low back pain must be nonspecific, with no identifiable systemic cause (metastatic, inflammatory or infectious disease); the episode records one");
  if (episode.surgeryAssociated) failed.push("NCD 30.3.3: chronic low back pain must not be associated with surgery; the episode records that it is");
  if (episode.pregnancyAssociated) failed.push("NCD 30.3.3: chronic low back pain must not be associated with pregnancy; the episode records that it is");
  if (!episode.systemicCause && !episode.surgeryAssociated && !episode.pregnancyAssociated) {
    met.push("NCD 30.3.3: nonspecific (no systemic cause recorded), not associated with surgery or pregnancy");
  }

  // Who furnished it (§1; 42 CFR 410.26/410.27 for incident-to).
  switch (furnishedBy) {
    case "physician":
      met.push("NCD 30.3.3: furnished by a physician (in accordance with state law)");
      break;
    case "nurse-practitioner":
    case "physician-assistant":
    case "clinical-nurse-specialist":
      met.push(
        `NCD 30.3.3: furnished by ${FURNISHER_WORDS[furnishedBy]} holding a master's or doctoral degree in acupuncture or Oriental Medicine from an ACAOM-accredited school and a current, full, active, unrestricted acupuncture licence (as recorded)`,
      );
      break;
    case "acupuncturist-incident-to":
      met.push(
        "NCD 30.3.3: furnished by auxiliary personnel (a licensed acupuncturist with the degree and licence the NCD requires) incident-to, under the supervision of a physician, PA, NP or CNS (42 CFR 410.26/410.27)",
      );
      break;
    case "acupuncturist-direct":
      failed.push("NCD 30.3.3: licensed acupuncturists cannot bill Medicare directly; only incident-to, under the supervision of a physician, PA, NP or CNS (42 CFR 410.26/410.27)");
      break;
  }

  // Counting (§1).
  const count = countNcdVisits(visitDate, visit.priorVisits, settings);
  const { visitInWindow, visitInYear, window, year } = count;
  const initial = settings.visitsPerWindow;
  const windowMax = settings.visitsPerWindow + settings.additionalVisits;
  const yearMax = Math.min(settings.visitsPerYear, settings.visitsPerWindow + settings.additionalVisits);
  const windowText = `${window.from} → ${window.to}`;
  const yearText = `${year.from} → ${year.to}`;
  const additional = visitInWindow > initial || visitInYear > initial;
  const notImproving = status === "not-improving" || status === "regressing";
  let limitsFailed = false;

  if (visitInYear > settings.visitsPerYear) {
    failed.push(`NCD 30.3.3: no more than ${settings.visitsPerYear} acupuncture treatments per year; this is visit ${visitInYear} in the year ${yearText} (${settings.yearFrom})`);
    limitsFailed = true;
  } else if (visitInYear > yearMax) {
    failed.push(`NCD 30.3.3: ${initial} visits and ${settings.additionalVisits} additional sessions; this is visit ${visitInYear} in the year ${yearText} (${settings.yearFrom})`);
    limitsFailed = true;
  }
  if (visitInWindow > windowMax) {
    failed.push(`NCD 30.3.3: up to ${initial} visits in ${settings.windowDays} days and ${settings.additionalVisits} additional sessions; this is visit ${visitInWindow} in the window ${windowText} (${settings.windowFrom})`);
    limitsFailed = true;
  }
  if (additional && !limitsFailed) {
    const which = `visit ${visitInWindow} in ${settings.windowDays} days (${windowText}) and ${visitInYear} in the year (${yearText})`;
    if (status === "improving") {
      met.push(`NCD 30.3.3: ${which} is one of the ${settings.additionalVisits} additional sessions, covered because the patient is improving; KX modifier on visits ${initial + 1}–${yearMax}`);
    } else {
      failed.push(`NCD 30.3.3: the ${settings.additionalVisits} additional sessions are only for patients who demonstrate improvement; ${which} and ${notImproving ? `the patient is ${status}` : "no outcome status shows improvement"}`);
    }
  } else if (!additional) {
    met.push(`NCD 30.3.3: up to ${initial} visits in ${settings.windowDays} days: visit ${visitInWindow} in ${windowText}; visit ${visitInYear} of ${settings.visitsPerYear} in the year ${yearText}`);
  }

  // Improvement (§1: treatment must be discontinued if not improving or regressing), at any visit.
  if (notImproving) {
    warnings.push(DISCONTINUE_WARNING);
    failed.push(`NCD 30.3.3: treatment must be discontinued if the patient is not improving or is regressing (status at this visit: ${status})`);
  } else if (status === "unknown") {
    warnings.push(`no outcome status at this visit: improvement can't be shown, and visits ${initial + 1}–${yearMax} need documented improvement`);
  }

  if (visitInWindow === initial) warnings.push(`visit ${initial} of ${initial} in this window: visits ${initial + 1}–${yearMax} need documented improvement`);
  else if (visitInYear === initial && visitInWindow < initial) warnings.push(`visit ${initial} of ${settings.visitsPerYear} this year: visits ${initial + 1}–${yearMax} need documented improvement`);
  if (visitInYear === settings.visitsPerYear) {
    const next = settings.yearFrom === "rolling-365" ? addOneYear(count.yearVisits[0] ?? visitDate) : addDays(year.to, 1);
    warnings.push(`visit ${settings.visitsPerYear} of ${settings.visitsPerYear} this year: the NCD covers no more visits before ${next}`);
  }

  // "no outcome measured since visit N": the first prior visit after the last measure, numbered in the year.
  if (visit.lastMeasuredOn !== undefined) {
    const last = visit.lastMeasuredOn;
    const firstUnmeasured = last === null ? count.prior[0] : count.prior.find((date) => date > last);
    if (firstUnmeasured !== undefined) {
      const n = count.yearVisits.indexOf(firstUnmeasured);
      const lastText = last === null ? "never measured" : `last measured ${last}`;
      warnings.push(n >= 0 ? `no outcome measured since visit ${n + 1} (${firstUnmeasured}; ${lastText})` : `no outcome measured since ${firstUnmeasured}, before this year's visits (${lastText})`);
    }
  }
  for (const date of count.ignored) warnings.push(`prior visit ${date} is after this visit (${visitDate}): not counted`);

  const covered = failed.length === 0;
  return {
    covered,
    visitInWindow,
    visitInYear,
    modifiers: covered && additional ? [KX] : [],
    reasons: covered ? met : failed,
    warnings,
    window,
    year,
  };
}
