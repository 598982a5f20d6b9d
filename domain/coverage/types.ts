/**
 * The coverage engine's vocabulary: what it is asked about a visit and what it
 * answers. The shapes of `VisitDescription`, `CoverageResult` and `ClaimLines`
 * are a public contract (`acuback coverage check|code --json`,
 * `POST /api/v1/coverage/check`): add optional fields, never rename.
 * Facts: shared/reference/clinical-facts.md §1 (NCD 30.3.3), §2 (CPT), §3 (ICD-10).
 */
import type { CalendarDate } from "../shared/calendarDate.ts";

/** Where the treated pain is: NCD 30.3.3 covers chronic low back pain only; other indications stay non-covered (NCD 30.3). */
export const REGIONS = ["low-back", "neck", "other"] as const;
export type Region = (typeof REGIONS)[number];

/** The outcome status at the visit, as domain/outcomes gives it, or unknown when nothing was measured. */
export const STATUSES = ["improving", "not-improving", "regressing", "unknown"] as const;
export type CoverageStatus = (typeof STATUSES)[number];

/**
 * Who furnished the visit and how. Physicians, and NPs, PAs and CNSs who hold
 * the degree and licence the NCD requires, may furnish it; a licensed
 * acupuncturist (auxiliary personnel) only incident-to, under supervision;
 * licensed acupuncturists cannot bill Medicare directly (clinical-facts §1).
 */
export const FURNISHERS = [
  "physician",
  "nurse-practitioner",
  "physician-assistant",
  "clinical-nurse-specialist",
  "acupuncturist-incident-to",
  "acupuncturist-direct",
] as const;
export type FurnishedBy = (typeof FURNISHERS)[number];

export const COVERAGE_MODALITIES = ["acupuncture", "electroacupuncture", "dry-needling"] as const;
export type CoverageModality = (typeof COVERAGE_MODALITIES)[number];

/** One 15-minute increment of personal one-on-one contact, as charted. */
export interface BillingIncrement {
  minutes: number;
  estim: boolean;
  reinsertion: boolean;
}

export interface EpisodeFacts {
  onsetDate: CalendarDate;
  region: Region;
  systemicCause: boolean;
  surgeryAssociated: boolean;
  pregnancyAssociated: boolean;
}

/** A visit as the engine reads it: what the chart recorded, nothing inferred. */
export interface VisitDescription {
  visitDate: CalendarDate;
  episode: EpisodeFacts;
  /** Earlier visits of this patient billed under the NCD. */
  priorVisits: CalendarDate[];
  status: CoverageStatus;
  furnishedBy: FurnishedBy;
  modality: CoverageModality;
  /** Dry needling: how many muscles were treated; null otherwise. */
  musclesTreated: number | null;
  increments: BillingIncrement[];
  /** Optional: the visit records a separate evaluation (E/M with modifier 25 may then be billed). */
  separateEvaluation?: boolean;
  /** Optional: the date of the last outcome measure before this visit, for the "no outcome since" warning. */
  lastMeasuredOn?: CalendarDate | null;
}

export interface CoverageResult {
  covered: boolean;
  /** This visit's number among covered visits in the 90-day window (1-based). */
  visitInWindow: number;
  /** This visit's number among covered visits in the year. */
  visitInYear: number;
  modifiers: string[];
  /** Every reason in words, each naming the clause it comes from. */
  reasons: string[];
  warnings: string[];
  /** Optional detail: the window's dates. */
  window?: { from: CalendarDate; to: CalendarDate };
}

export interface ClaimLine {
  code: string;
  units: number;
  modifiers: string[];
  /** Optional: why this line (e.g. "increment 2: re-insertion, no e-stim"). */
  why?: string;
}

export interface ClaimLines {
  lines: ClaimLine[];
  /** Optional: what could not be billed from the record, in words (never a nudge to code more). */
  notes?: string[];
}
