/**
 * A visit's chart: the treatment and everything around it that a signed note
 * holds. `treatmentProblems` checks the parts against each other (the server
 * checks shapes and ranges at its boundary); `signingProblems` says what still
 * stands between a draft and a signature.
 */
import type { CalendarDate } from "../shared/calendarDate.ts";
import { ADJUNCTS, ESTIM_WAVEFORMS, type AdverseEventKind, type AdverseEventSeverity, type PatientPosition } from "./modalities.ts";
import { reconcileNeedles, type NeedleCount } from "./needleCount.ts";
import { uncoveredBlocks, type SafetyOverride } from "./overrides.ts";
import type { SafetyFinding } from "./safety.ts";
import { siteCovers, type Treatment } from "./treatment.ts";

/**
 * One 15-minute increment of face-to-face time, as the practitioner charts it:
 * billing (CPT 97810–97814, clinical-facts §2) reads these and never infers them.
 */
export interface TimeIncrement {
  minutes: number;
  /** New needles were inserted in this increment. */
  reinserted: boolean;
  /** E-stim was on in this increment. */
  estim: boolean;
}

export interface AdverseEvent {
  kind: AdverseEventKind;
  severity: AdverseEventSeverity;
  /** What was done. */
  action: string;
}

export interface Soap {
  subjective: string | null;
  objective: string | null;
  assessment: string | null;
  plan: string | null;
}

export interface VisitChart {
  visitOn: CalendarDate;
  treatment: Treatment;
  needleCount: NeedleCount;
  /** Pain 0–10 before and after, also kept as NRS scores on the patient's chart. */
  painBefore: number | null;
  painAfter: number | null;
  position: PatientPosition | null;
  faceToFaceMinutes: number | null;
  increments: TimeIncrement[];
  coInterventions: string | null;
  advice: string | null;
  soap: Soap;
  /**
   * A significant, separately identifiable evaluation done at this visit, as
   * written: only a recorded one lets billing add an E/M with modifier 25
   * (clinical-facts §2). Null when there was none.
   */
  separateEvaluation: string | null;
  adverseEvents: AdverseEvent[];
  overrides: SafetyOverride[];
  /** The patient's cun in mm, when measured; lets depths in mm be checked against ranges in cun. */
  cunMm: number | null;
}

/** Most minutes a 15-minute increment can hold. */
const INCREMENT_MINUTES = 15;

export function treatmentProblems(treatment: Treatment): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const site of treatment.sites) {
    if (site.point === null && site.ashiRegion === null) problems.push("An ashi point needs its region.");
    const key = `${site.point ?? `ashi:${site.ashiRegion}`}:${site.side}`;
    if (site.point && seen.has(key)) problems.push(`${site.point} (${site.side}) is listed twice.`);
    seen.add(key);
  }
  if (treatment.modality === "electro" && (!treatment.electro || treatment.electro.pairs.length === 0)) {
    problems.push("Electroacupuncture needs at least one electrode pair.");
  }
  if (treatment.electro) {
    const waveform = ESTIM_WAVEFORMS.find((w) => w.id === treatment.electro!.waveform);
    if (waveform && treatment.electro.frequenciesHz.length !== waveform.frequencies) {
      problems.push(`${waveform.label} takes ${waveform.frequencies === 2 ? "two frequencies (low and high)" : "one frequency"}.`);
    }
    for (const { a, b } of treatment.electro.pairs) {
      for (const end of [a, b]) {
        if (!treatment.sites.some((site) => site.point === end.point && siteCovers(site, end.side))) {
          problems.push(`E-stim lead on ${end.point} (${end.side}), which is not needled on that side.`);
        }
      }
      if (a.point === b.point && a.side === b.side) problems.push(`An electrode pair joins ${a.point} (${a.side}) to itself.`);
    }
  }
  if (treatment.modality === "dry-needling" && (!treatment.dryNeedling || treatment.dryNeedling.muscles.length === 0)) {
    problems.push("Dry needling needs the muscles treated.");
  }
  for (const adjunct of treatment.adjuncts) {
    const kind = ADJUNCTS.find((a) => a.id === adjunct.kind);
    if (!kind) continue;
    const methods: readonly string[] = kind.methods;
    if (methods.length > 0 && (adjunct.method === null || !methods.includes(adjunct.method))) {
      problems.push(`${kind.label}: say how (${methods.join(" or ")}).`);
    }
    if (methods.length === 0 && adjunct.method !== null) problems.push(`${kind.label} has no method to record.`);
  }
  return problems;
}

/** Dry-needling muscle count as billing groups it (CPT 20560: 1–2 muscles, 20561: 3 or more; clinical-facts §1). */
export function dryNeedlingMuscleCount(treatment: Treatment): { muscles: number; group: "1-2" | "3+" | null } {
  const muscles = new Set((treatment.dryNeedling?.muscles ?? []).map((m) => m.muscle)).size;
  return { muscles, group: muscles === 0 ? null : muscles <= 2 ? "1-2" : "3+" };
}

export function signingProblems(chart: VisitChart, findings: readonly SafetyFinding[]): { code: SigningProblem; message: string }[] {
  const problems: { code: SigningProblem; message: string }[] = [];
  const hasNeedles = chart.treatment.sites.length > 0 || (chart.treatment.dryNeedling?.muscles.length ?? 0) > 0;
  if (!hasNeedles && chart.treatment.adjuncts.length === 0) {
    problems.push({ code: "empty", message: "Chart at least one needled point, muscle or adjunct before signing." });
  }
  for (const message of treatmentProblems(chart.treatment)) problems.push({ code: "treatment", message });
  if (hasNeedles) {
    const needles = reconcileNeedles(chart.needleCount);
    if (!needles.ok) problems.push({ code: "needles", message: needles.message });
  }
  for (const block of uncoveredBlocks(findings, chart.overrides)) {
    problems.push({ code: "blocked", message: `Blocked: ${block.message} Give a written reason to override.` });
  }
  // Face-to-face minutes are not required to sign: billing reads them as charted and says when they are missing, never guessing.
  const incrementTotal = chart.increments.reduce((sum, i) => sum + i.minutes, 0);
  if (chart.increments.some((i) => i.minutes <= 0 || i.minutes > INCREMENT_MINUTES)) {
    problems.push({ code: "minutes", message: `Each increment holds 1 to ${INCREMENT_MINUTES} minutes.` });
  }
  if (chart.faceToFaceMinutes !== null && incrementTotal > chart.faceToFaceMinutes) {
    problems.push({ code: "minutes", message: `The increments add up to ${incrementTotal} minutes, more than the ${chart.faceToFaceMinutes} face-to-face minutes.` });
  }
  const retained = chart.needleCount.incident !== null;
  if (retained && !chart.adverseEvents.some((e) => e.kind === "retained-needle")) {
    problems.push({ code: "needles", message: "A retained-needle incident is recorded: add it to the adverse events with what was done." });
  }
  return problems;
}

export type SigningProblem = "empty" | "treatment" | "needles" | "blocked" | "minutes";
