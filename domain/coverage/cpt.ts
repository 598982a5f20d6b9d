/**
 * CPT claim lines from a visit as charted (clinical-facts §2, and §1 for dry
 * needling). Reads only what the chart recorded — the increments of
 * face-to-face contact with their re-insertion and e-stim, the muscle count,
 * whether a separate evaluation was done — and never infers more. What could
 * not be billed goes to `notes` in words; nothing here suggests a different
 * code than the record supports.
 *
 * The KX modifier (visits 13–20) belongs to the NCD engine; callers pass it, or
 * any other modifier, as `extraModifiers` to put on every line.
 */
import type { BillingIncrement, ClaimLine, ClaimLines, VisitDescription } from "./types.ts";

/** The minutes one acupuncture unit stands for (97810–97814: "15 min of personal one-on-one contact", §2). */
export const INCREMENT_MINUTES = 15;

/**
 * When a charted increment makes a unit.
 * - `more-than-half`: the CPT time rule the issue names (AMA CPT): a unit is
 *   reached once more than half of the 15-minute increment has passed, i.e.
 *   more than 7.5 minutes, 8 whole minutes.
 * - `full-increment`: the whole 15 minutes, for a payer whose policy asks it.
 * A setting per payer because payers differ; the default is the CPT rule.
 */
export const TIME_RULES = ["more-than-half", "full-increment"] as const;
export type TimeRule = (typeof TIME_RULES)[number];

export interface CodingRules {
  timeRule: TimeRule;
  /** May the add-on without e-stim (97811) follow the initial code with e-stim (97813)? Disputed among payers (§2). */
  allow97811With97813: boolean;
  /** May the add-on with e-stim (97814) follow the initial code without e-stim (97810)? Disputed among payers (§2). */
  allow97814With97810: boolean;
}

/**
 * Defaults. Both pairings are allowed: §2 decides e-stim per increment ("if
 * e-stim is used on any needle within an increment, that increment uses
 * 97813/97814"), so a visit whose e-stim starts or stops after the first
 * increment is coded as it happened. A payer that refuses a pairing turns it
 * off in its plan; the add-on is then left out with a note, never recoded.
 */
export const DEFAULT_CODING_RULES: CodingRules = {
  timeRule: "more-than-half",
  allow97811With97813: true,
  allow97814With97810: true,
};

/** True when an increment of `minutes` makes a unit under `rule`. */
export function reachesUnit(minutes: number, rule: TimeRule): boolean {
  if (!Number.isFinite(minutes)) return false;
  return rule === "more-than-half" ? minutes > INCREMENT_MINUTES / 2 : minutes >= INCREMENT_MINUTES;
}

const RULE_WORDS: Record<TimeRule, string> = {
  "more-than-half": "the more-than-half time rule (AMA CPT, this payer's setting) needs 8 minutes",
  "full-increment": "this payer's full-increment time rule needs 15 minutes",
};

const ESTIM_WORDS = (estim: boolean) => (estim ? "e-stim" : "no e-stim");

function listIncrements(numbers: number[]): string {
  return `${numbers.length === 1 ? "increment" : "increments"} ${numbers.join(", ")}`;
}

function withModifiers(base: string[], extra: readonly string[]): string[] {
  return [...new Set([...base, ...extra])];
}

export function claimLines(
  visit: VisitDescription,
  rules: CodingRules = DEFAULT_CODING_RULES,
  extraModifiers: readonly string[] = [],
): ClaimLines {
  const lines: ClaimLine[] = [];
  const notes: string[] = [];

  if (visit.modality === "dry-needling") {
    lines.push(...dryNeedlingLines(visit, notes));
  } else {
    lines.push(...acupunctureLines(visit, rules, notes));
  }

  if (visit.separateEvaluation === true) {
    // The E/M level (99202–99215) is chosen from the evaluation's content, which
    // the chart fields here do not hold and our facts do not cover: leave it to the biller.
    lines.push({ code: "E/M", units: 1, modifiers: ["25"], why: "separate evaluation recorded; choose the E/M level from the evaluation" });
    if (lines.length === 1) {
      notes.push("E/M with modifier 25 is recorded but no procedure was billed for this visit: modifier 25 marks an E/M on the same day as a procedure.");
    }
  }

  return {
    lines: lines.map((line) => ({ ...line, modifiers: withModifiers(line.modifiers, extraModifiers) })),
    notes,
  };
}

/** 20560 (1–2 muscles) or 20561 (3+), one unit; never with the acupuncture codes for the same session (§1). */
function dryNeedlingLines(visit: VisitDescription, notes: string[]): ClaimLine[] {
  if (visit.increments.length > 0) {
    notes.push("Dry needling: the acupuncture codes (97810–97814) are not billed with dry needling for the same session, so the charted increments are not coded.");
  }
  const muscles = visit.musclesTreated;
  if (muscles === null || !Number.isInteger(muscles) || muscles <= 0) {
    notes.push(
      `Dry needling: no dry-needling line, because the muscles treated are ${muscles === null ? "not recorded" : `recorded as ${muscles}`}; 20560/20561 are chosen by the muscle count.`,
    );
    return [];
  }
  const code = muscles <= 2 ? "20560" : "20561";
  return [{ code, units: 1, modifiers: [], why: `dry needling of ${muscles} ${muscles === 1 ? "muscle" : "muscles"} (${code}: ${code === "20560" ? "1–2" : "3 or more"} muscles)` }];
}

type AddOn = "97811" | "97814";

function acupunctureLines(visit: VisitDescription, rules: CodingRules, notes: string[]): ClaimLine[] {
  const increments: BillingIncrement[] = visit.increments;
  if (increments.length === 0) {
    notes.push("No increments of face-to-face contact are charted: no acupuncture line (time is never inferred; needle retention is not billable).");
    return [];
  }
  if (visit.musclesTreated !== null && visit.musclesTreated > 0) {
    notes.push("A muscle count is recorded, but the modality is not dry needling: 20560/20561 are not billed with the acupuncture codes for the same session.");
  }

  let initial: { code: "97810" | "97813"; increment: number; estim: boolean } | null = null;
  const addOns: Record<AddOn, number[]> = { "97811": [], "97814": [] };
  const refused: Record<AddOn, number[]> = { "97811": [], "97814": [] };

  for (const [index, increment] of increments.entries()) {
    const n = index + 1;
    const label = `Increment ${n} (${increment.minutes} min, ${ESTIM_WORDS(increment.estim)})`;
    if (increment.minutes > INCREMENT_MINUTES) {
      notes.push(`${label} holds more than ${INCREMENT_MINUTES} minutes: it counts as one increment; chart the rest as its own increment.`);
    }
    if (!reachesUnit(increment.minutes, rules.timeRule)) {
      notes.push(`${label} makes no unit: ${RULE_WORDS[rules.timeRule]}.`);
      continue;
    }
    if (initial === null) {
      // One initial code per day: 97813 when e-stim was on in this increment, 97810 otherwise (§2).
      initial = { code: increment.estim ? "97813" : "97810", increment: n, estim: increment.estim };
      continue;
    }
    if (!increment.reinsertion) {
      notes.push(`${label} makes no add-on unit: add-on units need re-insertion of new needles, and none is charted in it.`);
      continue;
    }
    const code: AddOn = increment.estim ? "97814" : "97811";
    const pairingAllowed =
      code === "97811" ? initial.code !== "97813" || rules.allow97811With97813 : initial.code !== "97810" || rules.allow97814With97810;
    (pairingAllowed ? addOns : refused)[code].push(n);
  }

  if (initial === null) {
    notes.push("No increment reaches a unit, so no acupuncture line is billed.");
    return [];
  }
  const first = initial;
  const lines: ClaimLine[] = [
    {
      code: first.code,
      units: 1,
      modifiers: [],
      why: `increment ${first.increment}: initial 15 minutes of one-on-one contact, ${ESTIM_WORDS(first.estim)}`,
    },
  ];
  for (const code of ["97811", "97814"] as const) {
    const from = addOns[code];
    if (from.length > 0) {
      lines.push({ code, units: from.length, modifiers: [], why: `${listIncrements(from)}: re-insertion, ${ESTIM_WORDS(code === "97814")}` });
    }
    const left = refused[code];
    if (left.length > 0) {
      notes.push(
        `${listIncrements(left)} (${code}) left out: this payer does not allow ${code} with ${first.code}. The record is not recoded to another code.`,
      );
    }
  }
  return lines;
}
