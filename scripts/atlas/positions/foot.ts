/**
 * The foot detail views, drawn for the left foot. Top (100 × 140): toes up,
 * big toe on the viewer's right, ankle crease at y = 125. Inner and outer
 * (140 × 100): seen from the side, sole at y = 92, with 4.5 cun of leg above
 * the ankle bone (about 9 units per cun). Sole (100 × 140): toes up, big toe on
 * the viewer's left.
 */
import type { Pos } from "./frame.ts";

export const FOOT_CUN = 9;
/** Inner view: toes on the left, heel on the right, inner ankle bone at (100, 40). */
export const INNER_MALLEOLUS: Pos = [100, 40];
/** Outer view: heel on the left, toes on the right, outer ankle bone at (40, 42). */
export const OUTER_MALLEOLUS: Pos = [40, 42];
export const above = (p: Pos, cun: number, dx = 0): Pos => [p[0] + dx, p[1] - cun * FOOT_CUN];

/** The front figure's feet: a position on the left foot given on the top view, shown on both feet. */
export function footOnFigure(top: Pos): Pos[] {
  const x = 58.5 + (50 - top[0]) * -0.09;
  const y = 236 + (125 - top[1]) * 0.095;
  return [[100 - x, y], [x, y]];
}
