/**
 * Outcome instruments as data: items with our own short labels, response
 * options, version, owner, and a scoring rule. Item wording belongs to each
 * instrument's owner; a clinic with a licence loads it (e.g. as a FHIR
 * Questionnaire) and the forms show it in place of our labels.
 * Facts and scoring rules: shared/reference/clinical-facts.md §4.
 */
export type InstrumentId = "nrs" | "peg" | "odi" | "rmdq" | "start-back";

export interface ResponseOption {
  value: number;
  label: string;
}

export interface InstrumentItem {
  id: string;
  /** Our short label (not the owner's wording). */
  label: string;
  /** The whole question in our own words, for patients, where the instrument is free to word (NRS, PEG). */
  question?: string;
  options: ResponseOption[];
}

export type Answer = number | null;

/** Why answers cannot be scored: each names the items concerned. */
export type ScoringProblem =
  | { kind: "wrong-count"; expected: number; received: number }
  | { kind: "missing"; items: string[]; detail: string }
  | { kind: "invalid"; items: string[]; detail: string };

export interface Score {
  instrument: InstrumentId;
  version: string;
  /** The headline score, in `unit`. */
  value: number;
  unit: "points" | "percent";
  min: number;
  max: number;
  /** Severity band or risk group, where the instrument defines one. */
  band: string | null;
  subscales: Record<string, number>;
  answered: number;
  /** The rule that produced the score and band, in words, with its source. */
  rule: string;
}

export type ScoreOutcome = { ok: true; score: Score } | { ok: false; problem: ScoringProblem };

export interface Instrument {
  id: InstrumentId;
  name: string;
  /** The abbreviation clinicians use in lists ("ODI"). */
  shortName: string;
  version: string;
  owner: string;
  /** What the clinic needs before showing the official wording. */
  licence: string;
  /**
   * Whether a patient can answer it as shipped: "ours" when our own questions
   * say what is asked (public-domain NRS and PEG), "licensed" when only the
   * owner's wording can (ODI, RMDQ, STarT Back show neutral labels such as
   * "Statement 7" until the clinic loads it). Patients are never sent the latter
   * without it.
   */
  patientWording: "ours" | "licensed";
  items: InstrumentItem[];
  score(answers: readonly Answer[]): ScoreOutcome;
}

/** Options 0…n with our labels for the ends. */
export function scale(from: number, to: number, low: string, high: string): ResponseOption[] {
  return Array.from({ length: to - from + 1 }, (_, i) => {
    const value = from + i;
    return { value, label: value === from ? `${value} (${low})` : value === to ? `${value} (${high})` : String(value) };
  });
}

/**
 * Common checks before scoring: the right number of answers, each either null
 * or one of its item's option values. Returns the problem, or null when fine.
 */
export function checkAnswers(items: readonly InstrumentItem[], answers: readonly Answer[]): ScoringProblem | null {
  if (answers.length !== items.length) return { kind: "wrong-count", expected: items.length, received: answers.length };
  const invalid = items.filter((item, i) => {
    const answer = answers[i];
    return answer !== null && answer !== undefined && !item.options.some((o) => o.value === answer);
  });
  if (invalid.length > 0) {
    return {
      kind: "invalid",
      items: invalid.map((item) => item.id),
      detail: `Not an allowed answer for ${invalid.map((item) => `${item.id} (${item.label})`).join(", ")}.`,
    };
  }
  return null;
}

/** The unanswered items, or a problem naming them when any item is required. */
export function requireAll(items: readonly InstrumentItem[], answers: readonly Answer[]): ScoringProblem | null {
  const missing = items.filter((_, i) => answers[i] === null || answers[i] === undefined);
  if (missing.length === 0) return null;
  return {
    kind: "missing",
    items: missing.map((item) => item.id),
    detail: `Every item must be answered; missing: ${missing.map((item) => `${item.id} (${item.label})`).join(", ")}.`,
  };
}

export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
