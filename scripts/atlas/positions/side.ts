/**
 * The left side view (the patient faces the viewer's left); the right view is
 * its mirror image. Landmarks of the profile, in view units (100 × 250).
 */
import { along, type Pos } from "./frame.ts";

export const SIDE = {
  ear: [54, 20] as Pos,
  trochanter: [52, 131] as Pos,
  kneeSide: [51, 177] as Pos,
  fibulaHead: [52, 185] as Pos,
  malleolus: [52, 237] as Pos,
  acromion: [50, 45] as Pos,
  elbow: [50, 88] as Pos,
  wrist: [49, 120] as Pos,
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
/** Outer arm on the side view: `cunBelow` the acromion on the upper arm (of 10) or `cunAbove` the wrist (of 12); `back` towards the back. */
export function sideUpperArm(cunBelow: number, back = 0): Pos {
  const p = along(SIDE.acromion, SIDE.elbow, 10, cunBelow);
  return [p[0] + back, p[1]];
}
export function sideForearm(cunAbove: number, back = 0): Pos {
  const p = along(SIDE.wrist, SIDE.elbow, 12, cunAbove);
  return [p[0] + back, p[1]];
}
