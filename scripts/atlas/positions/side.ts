/**
 * The left side view (the patient faces the viewer's left); the right view is
 * its mirror image. Landmarks of the profile, in view units (100 × 250).
 */
import { along, type Pos } from "./frame.ts";

export const SIDE = {
  trochanter: [52, 131] as Pos,
  kneeSide: [51, 177] as Pos,
  malleolus: [52, 237] as Pos,
};

/** Outer thigh: `cunAbove` the knee crease, on the 19-cun line from the greater trochanter (WHO). */
export function outerThigh(cunAbove: number, back = 0): Pos {
  const p = along(SIDE.kneeSide, SIDE.trochanter, 19, cunAbove);
  return [p[0] + back, p[1]];
}
/** Outer leg: `cunAbove` the tip of the outer ankle bone, on the 16-cun line to the knee crease; `back` units towards the calf. */
export function outerLeg(cunAbove: number, back = 0): Pos {
  const p = along(SIDE.malleolus, SIDE.kneeSide, 16, cunAbove);
  return [p[0] + back, p[1]];
}
