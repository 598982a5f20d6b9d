/**
 * The figures the guide draws as pictures, as data: the web app renders them
 * as SVG with a text alternative built from the same numbers.
 * Sources: clinical-facts.md §8 (GERAC: Haake 2007; Cherkin 2009; Vickers 2012).
 */
import type { CitationKey } from "./citations.ts";

export interface ArmResult {
  arm: string;
  /** Share of people who met the trial's definition of a responder (or a meaningful improvement), in percent. */
  percent: number;
}

export interface ResponderFigure {
  kind: "responders";
  title: string;
  /** What "responder" meant, in plain words. */
  measure: string;
  arms: ArmResult[];
  cite: CitationKey[];
}

export interface EffectSizeFigure {
  kind: "effect-sizes";
  title: string;
  rows: { label: string; sd: number; low: number; high: number }[];
  cite: CitationKey[];
}

export const FIGURES = {
  "gerac-responders": {
    kind: "responders",
    title: "GERAC: people helped at 6 months, out of 100",
    measure: "much less pain or back trouble 6 months after the start",
    arms: [
      { arm: "Acupuncture", percent: 47.6 },
      { arm: "Sham acupuncture", percent: 44.2 },
      { arm: "Usual care", percent: 27.4 },
    ],
    cite: ["haake2007"],
  },
  "cherkin-meaningful": {
    kind: "responders",
    title: "Cherkin 2009: a real change in daily life at 8 weeks, out of 100",
    measure: "a change in back-related daily tasks large enough to matter",
    arms: [
      { arm: "Any needle group", percent: 60 },
      { arm: "Usual care", percent: 39 },
    ],
    cite: ["cherkin2009"],
  },
  "vickers-effects": {
    kind: "effect-sizes",
    title: "Vickers 2012: how big the gain was for back and neck pain",
    rows: [
      { label: "Against sham needles", sd: 0.23, low: 0.13, high: 0.33 },
      { label: "Against no acupuncture", sd: 0.55, low: 0.51, high: 0.58 },
    ],
    cite: ["vickers2012"],
  },
} as const satisfies Record<string, ResponderFigure | EffectSizeFigure>;

export type FigureId = keyof typeof FIGURES;

/** Out of 100 people: the whole number a picture of 100 icons shows for a percentage. */
export function outOf100(percent: number): number {
  return Math.round(percent);
}

/** The text alternative of a figure, from its own numbers. */
export function figureAlt(id: FigureId): string {
  const figure: ResponderFigure | EffectSizeFigure = FIGURES[id];
  if (figure.kind === "responders") {
    return `${figure.title}. ${figure.arms.map((a) => `${a.arm}: about ${outOf100(a.percent)} in 100 (${a.percent}%)`).join("; ")}.`;
  }
  return `${figure.title}. ${figure.rows.map((r) => `${r.label}: ${r.sd} (range ${r.low} to ${r.high})`).join("; ")}. Bigger numbers mean a bigger gain; 0.2 is small and 0.5 is medium.`;
}
