/**
 * The hand detail views, drawn for the left hand with fingers up (100 × 140):
 * the palm view has the thumb on the viewer's left, the back view on the right.
 * Wrist crease at y = 105; 1 cun ≈ 10 units (the width of the thumb joint);
 * the forearm shows 3.5 cun above the crease.
 */
import type { Pos } from "./frame.ts";

export const WRIST_Y = 105;
export const HAND_CUN = 10;

/** Palm view: x from the thumb side (0) to the little-finger side (100). */
export const PALM = {
  forearm: (cunAbove: number, fromThumb: number): Pos => [fromThumb, WRIST_Y + cunAbove * HAND_CUN],
  thenar: [26, 88] as Pos,
  thumbTip: [8, 44] as Pos,
  centre: [50, 74] as Pos,
  ulnarPalm: [68, 74] as Pos,
  middleTip: [50, 4] as Pos,
  littleTip: [86, 26] as Pos,
  /** The crease between the first and second phalanges of fingers 2–5. */
  fingerCreases: [[31, 34], [48, 28], [64, 32], [79, 42]] as Pos[],
  /** Tips of the five fingers, thumb first. */
  tips: [[8, 44], [31, 10], [50, 4], [68, 9], [86, 26]] as Pos[],
};

/** Back view: mirror of the palm (thumb on the viewer's right). */
export function backOfHand(fromThumb: number, y: number): Pos {
  return [100 - fromThumb, y];
}
