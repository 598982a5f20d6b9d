/**
 * How a point's needling reads to a practitioner: the figure, the reason a
 * point is not needled, and the line naming where the figure came from. One
 * wording for the atlas pages, the command line and the cautions.
 */
import type { Needling, NeedlingRestriction, NeedlingSource } from "./types.ts";

/** Short form, after "not needled". */
export const RESTRICTION_LABEL: Record<NeedlingRestriction, string> = {
  "moxibustion-only": "moxibustion only",
  "pricking-only": "pricking to bleed only",
  "not-needled": "puncture prohibited",
  "landmark-only": "a landmark only",
};

/** The caution a restricted point carries, so the safety check and the page say the same thing. */
export const RESTRICTION_CAUTION: Record<NeedlingRestriction, string> = {
  "moxibustion-only": "Moxibustion only in the source; not needled.",
  "pricking-only": "Pricking to bleed only; not needled with retained needles.",
  "not-needled": "Puncture is prohibited in the source; not needled.",
  "landmark-only": "A landmark only in the source; neither needled nor given moxibustion.",
};

/** "perpendicular, 0.3–0.5 cun"; "not needled (moxibustion only)". */
export function needlingText(needling: Needling): string {
  if (needling.restriction) return `not needled (${RESTRICTION_LABEL[needling.restriction]})`;
  const depth = needling.depthCun;
  const range = depth ? `${depth.min === depth.max ? depth.min : `${depth.min}–${depth.max}`} cun` : "depth not stated";
  return `${needling.angle ?? "angle not stated"}, ${range}`;
}

/** "CAM 1999, via TARA"; "CAM 1999"; "CAM 1999; second source: Deadman 2007 for the figure not legible in the CAM copy". */
export function needlingSourceText(source: NeedlingSource): string {
  if (source.checked === "second-source" && source.secondSource) {
    return `${source.citation}; second source: ${source.secondSource} for the figure not legible in the CAM copy`;
  }
  return source.citation;
}
