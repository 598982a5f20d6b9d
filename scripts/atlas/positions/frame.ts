/**
 * A landmark model of the body for placing points on the map views. Each view
 * has its own units (the full figures are 100 × 250); points are placed by the
 * proportional cun measurements the WHO standard uses (notch to sternocostal
 * angle 9 cun, angle to navel 8, navel to pubis 5, elbow to wrist crease 12,
 * axillary fold to elbow 9, knee to ankle 16, pubis to knee 18, gluteal fold
 * to popliteal crease 14, between the nipples 8, front to back hairline 12).
 * Positions are then normalised to 0–1 per view.
 */
import type { ViewId } from "../../../domain/points/maps/viewIds.ts";

export type { ViewId };

export type Pos = [number, number];

export interface Placement {
  view: ViewId;
  /** One position per side for bilateral points, one for midline points. */
  at: Pos[];
}

/** Mirror an offset from the midline to both sides of a full figure (x = 50 ± dx). */
export function both(dx: number, y: number): Pos[] {
  return dx === 0 ? [[50, y]] : [[50 - dx, y], [50 + dx, y]];
}

export function lerp(a: Pos, b: Pos, t: number): Pos {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
}

/** A point `cun` along a segment of `length` cun from `a` to `b`, pushed `side` units to the right of the direction of travel. */
export function along(a: Pos, b: Pos, length: number, cun: number, side = 0): Pos {
  const p = lerp(a, b, cun / length);
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const norm = Math.hypot(dx, dy) || 1;
  // right-hand normal of the direction (dx, dy) in screen coordinates
  return [p[0] - (dy / norm) * side, p[1] + (dx / norm) * side];
}

/** A limb position given on the viewer's right half (x > 50), on both sides. */
export function sides(x: number, y: number): Pos[] {
  return [[100 - x, y], [x, y]];
}

// ---- Front and back trunk -------------------------------------------------
export const TRUNK_CUN_X = 3; // units per cun across the chest and abdomen
export const TRUNK_CUN_Y = 3.8; // units per cun down the front
export const NOTCH_Y = 41; // suprasternal notch (CV22)
export const STERNOCOSTAL_Y = NOTCH_Y + 9 * TRUNK_CUN_Y; // CV16
export const NAVEL_Y = STERNOCOSTAL_Y + 8 * TRUNK_CUN_Y; // CV8
export const PUBIS_Y = NAVEL_Y + 5 * TRUNK_CUN_Y; // CV2

/** Level of the nth intercostal space on the front chest (the 4th is the nipple). */
export function ics(n: number): number {
  return NOTCH_Y + (0.8 + 1.6 * n) * TRUNK_CUN_Y;
}
/** Front trunk: `cunOut` from the front midline, `cunBelowNavel` (negative = above). */
export function abdomen(cunOut: number, cunBelowNavel: number): Pos[] {
  return both(cunOut * TRUNK_CUN_X, NAVEL_Y + cunBelowNavel * TRUNK_CUN_Y);
}
export function chest(cunOut: number, space: number): Pos[] {
  return both(cunOut * TRUNK_CUN_X, ics(space));
}

export const BACK_CUN_X = 3.3;
/** The gap below a spinous process (C7, T1…T12, L1…L5) or a sacral foramen (S1…S4) on the back view. */
export function spineLevel(level: string): number {
  const n = Number(level.slice(1));
  switch (level[0]) {
    case "C":
      return 41.5 - (7 - n) * 2.6;
    case "T":
      return 43 + (n - 1) * 4.4;
    case "L":
      return 95.5 + (n - 1) * 4.6;
    case "S":
      return 118 + (n - 1) * 3.5;
    default:
      throw new Error(`unknown level ${level}`);
  }
}
export function backAt(cunOut: number, level: string): Pos[] {
  return both(cunOut * BACK_CUN_X, spineLevel(level));
}

// ---- Arms (anatomical position: palms forward) -----------------------------
/** Front of the left arm (viewer's right is the patient's left): anterior axillary fold → elbow crease → wrist crease. */
export const ARM_FRONT = { fold: [67.5, 52] as Pos, elbow: [71.5, 86] as Pos, wrist: [74.5, 118] as Pos, knuckles: [75.5, 130] as Pos, tips: [76, 141] as Pos };
/** Back of the arm on the back view (same geometry; the radial side is still lateral). */
export const ARM_BACK = { fold: [67.5, 55] as Pos, elbow: [71.5, 88] as Pos, wrist: [74.5, 118] as Pos, knuckles: [75.5, 130] as Pos, tips: [76, 141] as Pos };

/**
 * A point on the arm: `part` upper arm (cun below the axillary fold, of 9) or
 * forearm (cun above the wrist crease, of 12); `lateral` units toward the
 * thumb side (away from the body). Returned for both arms.
 */
export function arm(frame: typeof ARM_FRONT, part: "upper" | "forearm", cun: number, lateral: number): Pos[] {
  const p =
    part === "upper"
      ? along(frame.fold, frame.elbow, 9, cun, 0)
      : along(frame.wrist, frame.elbow, 12, cun, 0);
  return sides(p[0] + lateral, p[1]);
}

// ---- Legs -----------------------------------------------------------------
/** Front of the left leg: groin at pubic level → top of kneecap (18 cun); knee eye → ankle crease (16 cun). */
export const LEG_FRONT = { groin: [60, PUBIS_Y] as Pos, patellaTop: [59.5, 171] as Pos, knee: [59.5, 179] as Pos, ankle: [58.5, 235] as Pos };
/** Back of the leg: gluteal fold → popliteal crease (14 cun) → level of the outer ankle bone (16 cun). */
export const LEG_BACK = { fold: [60, 140] as Pos, popliteal: [59.5, 178] as Pos, ankle: [58.5, 235] as Pos };

/** Both legs on the front view: `cunAbove` the top of the kneecap on the thigh (of 18), `lateral` units outward. */
export function thighFront(cunAbove: number, lateral: number): Pos[] {
  const p = along(LEG_FRONT.patellaTop, LEG_FRONT.groin, 18, cunAbove);
  return sides(p[0] + lateral, p[1]);
}
/** Both legs on the front view: `cunBelow` the knee eye (of 16 to the ankle), `lateral` units outward. */
export function legFront(cunBelow: number, lateral: number): Pos[] {
  const p = along(LEG_FRONT.knee, LEG_FRONT.ankle, 16, cunBelow);
  return sides(p[0] + lateral, p[1]);
}
export function thighBack(cunBelowFold: number, lateral: number): Pos[] {
  const p = along(LEG_BACK.fold, LEG_BACK.popliteal, 14, cunBelowFold);
  return sides(p[0] + lateral, p[1]);
}
export function legBack(cunBelowCrease: number, lateral: number): Pos[] {
  const p = along(LEG_BACK.popliteal, LEG_BACK.ankle, 16, cunBelowCrease);
  return sides(p[0] + lateral, p[1]);
}
