/**
 * The evidence library: TARA's 86 pain trials (built by scripts/evidence/build.ts
 * from shared/reference/tara/pain-related-articles.csv, MIT, copyright (c) 2024
 * smtifahim) and lookups by condition, modality and point. Low back pain first.
 */
import trialData from "./content/trials.json" with { type: "json" };
import type { StrictaSubItemId } from "../treatment/stricta.ts";

export const TRIAL_DESIGNS = ["randomised trial", "pragmatic randomised trial", "randomised crossover trial", "pilot randomised trial", "quasi-randomised trial", "pilot study"] as const;
export type TrialDesign = (typeof TRIAL_DESIGNS)[number];

/** Condition groups in the order the library lists them: low back pain first. */
export const CONDITION_GROUPS = [
  "low back pain",
  "pelvic pain",
  "neck and shoulder pain",
  "headache and migraine",
  "osteoarthritis and knee pain",
  "fibromyalgia and other chronic pain",
  "surgery, dental and labour pain",
  "other pain",
] as const;
export type ConditionGroup = (typeof CONDITION_GROUPS)[number];

export const TRIAL_MODALITIES = [
  { id: "manual", label: "Manual acupuncture" },
  { id: "electro", label: "Electroacupuncture" },
  { id: "auricular", label: "Ear (auricular)" },
  { id: "laser", label: "Laser" },
] as const;
export type TrialModality = (typeof TRIAL_MODALITIES)[number]["id"];

export const COMPARATOR_KINDS = ["sham or placebo", "usual care", "no acupuncture", "drugs", "other treatment", "not stated"] as const;
export type ComparatorKind = (typeof COMPARATOR_KINDS)[number];

/** The STRICTA 2010 sub-items TARA's columns can show (scripts/evidence/classify.ts reads each); the others no record here can state. */
export const STRICTA_READ: readonly StrictaSubItemId[] = ["1a", "2a", "2b", "2c", "2d", "2e", "2f", "2g", "3a", "3b", "6b"];

export interface TrialRecord {
  /** "tara-67": the same id the protocol library uses for a trial's points. */
  id: string;
  taraId: number;
  title: string;
  firstAuthor: string;
  authorCount: number;
  year: number;
  venue: string | null;
  doi: string | null;
  design: TrialDesign;
  /** Participants randomised, as the record's total gives it. */
  size: number | null;
  country: string | null;
  /** The condition as TARA names it. */
  condition: string;
  conditionGroup: ConditionGroup;
  /** Body needling (manual or electro) and/or ear points; a trial may use more than one. */
  modalities: TrialModality[];
  comparators: ComparatorKind[];
  /** Figures picked out of the needling notes; null where the record gives none. */
  needling: { depth: string | null; minutes: number | null; hz: number[] };
  /** WHO codes, as the atlas resolves the record's point names. */
  points: string[];
  /** Point names the atlas could not resolve, as written. */
  unresolved: string[];
  /** STRICTA 2010 sub-items the record states. */
  stricta: StrictaSubItemId[];
}

export const TRIALS: readonly TrialRecord[] = [...(trialData as TrialRecord[])].sort(
  (a, b) => CONDITION_GROUPS.indexOf(a.conditionGroup) - CONDITION_GROUPS.indexOf(b.conditionGroup) || b.year - a.year || a.taraId - b.taraId,
);

/** "bl 40", "UB-40", "Bl40" → "BL40": enough for the library's point filter, which reads WHO codes (the atlas resolves every other alias). */
export function pointKey(text: string): string {
  return text.toUpperCase().replace(/[\s.-]+/g, "").replace(/^UB/, "BL").replace(/^DU/, "GV").replace(/^RN/, "CV").replace(/^SJ/, "TE").replace(/^LIV/, "LR");
}

export interface TrialFilter {
  condition?: ConditionGroup;
  modality?: TrialModality;
  point?: string;
}

export function filterTrials(filter: TrialFilter, trials: readonly TrialRecord[] = TRIALS): TrialRecord[] {
  const point = filter.point ? pointKey(filter.point) : "";
  return trials.filter(
    (t) =>
      (!filter.condition || t.conditionGroup === filter.condition) &&
      (!filter.modality || t.modalities.includes(filter.modality)) &&
      (!point || t.points.includes(point)),
  );
}

/** Trials that needled a point (WHO code), low back pain first. */
export function trialsForPoint(code: string): TrialRecord[] {
  return filterTrials({ point: code });
}

export function trialCitation(t: TrialRecord): string {
  return `${t.firstAuthor.split(" ").pop()}${t.authorCount > 1 ? " et al." : ""} ${t.year}`;
}
