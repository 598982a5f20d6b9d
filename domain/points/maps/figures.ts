/**
 * The figures the points are drawn on, as SVG path data in each view's units
 * (the same units the positions were placed in). Outlines are simple on
 * purpose: landmarks matter, not muscles. `body` paths are filled, `detail`
 * paths (eyes, malleoli, creases) are stroked.
 */
import { capsule, ellipse, mirroredOutline, mirrorPath, smoothClosed, type Point2 } from "./shapes.ts";

export interface Figure {
  body: string[];
  detail: string[];
}

/** Right half of the front/back figure, from the crown down the outside and back up the inside of the leg. */
const TRUNK_HALF: Point2[] = [
  [50, 2], [55, 3], [58.5, 7.5], [59.5, 14], [59, 21], [57.5, 27.5], [55, 32.5], [54, 36], [55, 39.5],
  [60, 41.5], [65.5, 43], [68.5, 46], [68, 50], [66, 54], [66.3, 62], [65.3, 76], [63.8, 90], [63.4, 101],
  [65, 112], [67, 122], [67.4, 133], [66.4, 150], [65, 165], [64.2, 175], [63.8, 183], [64.6, 196], [63.2, 215],
  [61.8, 232], [62.8, 240], [63.4, 246], [60.5, 248.6], [55.8, 248.6], [54.6, 244], [55, 236], [54.8, 228],
  [53.6, 205], [54.4, 190], [54.6, 177], [53.9, 165], [52.6, 146], [51, 133], [50, 131],
];
const ARM_RIGHT: Point2[] = [
  [64.5, 43.5], [69.5, 45.5], [71.8, 51], [72.8, 62], [74.3, 75], [75.7, 86], [77.6, 100], [78.5, 114],
  [78.8, 119], [80.2, 124], [80.7, 131], [79.7, 139], [77.6, 143.4], [74.8, 143.6], [72.6, 141], [71.6, 134],
  [71.4, 126], [71, 119], [69.6, 105], [68.2, 91], [67.6, 84], [66.6, 70], [66.1, 57], [65.4, 52],
];
const armLeft = ARM_RIGHT.map(([x, y]): Point2 => [100 - x, y]);

const FRONT_DETAIL = [
  "M44,19.5 Q46,18.5 48,19.5 M52,19.5 Q54,18.5 56,19.5", // brows
  "M47.5,27.5 Q50,28.8 52.5,27.5", // mouth
  ellipse(50, 105.6, 0.9, 0.9), // navel
  "M38.5,68.4 a1.2,1.2 0 1 0 0.01,0 M61.5,68.4 a1.2,1.2 0 1 0 0.01,0", // nipples
  "M39,43.5 Q44,45.5 49,42.5 M51,42.5 Q56,45.5 61,43.5", // collarbones
  "M38,171 Q40.5,168.5 43,171 M57,171 Q59.5,168.5 62,171", // kneecaps
];
const BACK_DETAIL = [
  "M50,39 L50,131", // spine
  "M40,48 Q36,58 39,70 M60,48 Q64,58 61,70", // shoulder blades
  "M39,112 Q44,109 49,113 M51,113 Q56,109 61,112", // iliac crests and sacrum
  "M43,140 Q46.5,142 49.5,140.5 M50.5,140.5 Q53.5,142 57,140", // buttock folds
  "M37.5,178 L43,178 M57,178 L62.5,178", // knee creases
];

const SIDE_OUTLINE: Point2[] = [
  [52, 2], [46, 3], [41, 7], [39, 12], [38.5, 16.5], [37, 20.5], [35, 24], [37, 26], [38, 28.5], [38.5, 31],
  [40, 34], [44, 35.5], [44.5, 40], [41, 48], [38, 58], [38.5, 70], [41, 85], [40, 98], [40.5, 110], [43, 122],
  [44, 135], [44.5, 160], [45.5, 176], [47, 195], [48.5, 220], [49, 234], [44, 240], [38, 244.5], [33.5, 246.5],
  [34, 249], [58, 249], [60, 246], [58.5, 238], [56, 228], [58.5, 205], [58.5, 193], [56, 179], [58.5, 160],
  [61, 145], [65, 133], [64, 122], [60, 106], [59.5, 95], [62, 75], [63, 55], [61, 45], [58, 40], [59, 32],
  [62, 26], [63.5, 18], [61, 8], [57, 3.5],
];
const SIDE_ARM: Point2[] = [
  [46.5, 44], [45.6, 60], [46, 86], [46.6, 100], [46, 118], [45.5, 130], [46.5, 142], [49.5, 144.5], [52, 140],
  [52.6, 125], [54, 118], [54.5, 100], [54.6, 86], [55, 60], [54.2, 46], [50.5, 42],
];

const HEAD_HALF: Point2[] = [
  [50, 2], [63, 5], [72, 13], [76.5, 26], [77.5, 40], [76.5, 54], [74.5, 66], [71, 78], [64, 88], [56.5, 93.5],
  [50, 95],
];
const NECK: Point2[] = [[60, 88], [61, 104], [67, 114], [86, 120], [14, 120], [33, 114], [39, 104], [40, 88]];
const HEAD_DETAIL = [
  ellipse(39, 47, 6, 2.6),
  ellipse(61, 47, 6, 2.6),
  "M32,41 Q39,37.5 46,40.5 M54,40.5 Q61,37.5 68,41",
  "M50,48 L48.5,60 Q50,63.5 51.5,60 M44.5,64.5 Q50,67.5 55.5,64.5",
  "M41,75 Q50,78 59,75",
  "M30,26 Q50,18 70,26",
  "M46,104 Q50,102 54,104",
];

/** Left hand, palm towards the viewer, thumb on the left, wrist crease at y = 105; the back view mirrors it. */
const HAND_OUTLINE: Point2[] = [[24, 140], [22.5, 112], [20, 100], [17, 84], [20, 66], [26, 58], [74, 54], [82, 62], [83, 80], [79, 100], [77.5, 112], [76, 140]];
/** Thumb and fingers as capsules: x1, y1 (base), x2, y2 (tip), half-width. */
const DIGITS: [number, number, number, number, number][] = [
  [26, 92, 8, 46, 6.5],
  [31, 58, 31, 10, 5.8],
  [49, 56, 50, 4, 6],
  [66, 57, 68, 9, 5.8],
  [79, 63, 86, 26, 5],
];
function hand(mirror: boolean): string[] {
  const x = (v: number) => (mirror ? 100 - v : v);
  return [
    smoothClosed(HAND_OUTLINE.map(([px, py]): Point2 => [x(px), py])),
    ...DIGITS.map(([x1, y1, x2, y2, w]) => capsule(x(x1), y1, x(x2), y2, w)),
  ];
}

const FOOT_TOP_BODY = [
  smoothClosed([[30, 140], [29, 126], [18, 110], [12, 90], [11, 66], [14, 50], [22, 42], [84, 38], [91, 47], [92, 72], [89, 96], [77, 113], [71, 126], [70, 140]]),
  capsule(75, 40, 75, 11, 8),
  capsule(57, 40, 56.5, 10, 5.2),
  capsule(46, 40, 45.5, 14, 4.8),
  capsule(35, 42, 34, 18, 4.6),
  capsule(24, 46, 22, 25, 4.2),
];
const INNER_OUTLINE: Point2[] = [
  [92, 0], [90, 28], [84, 45], [60, 52], [30, 60], [10, 63], [3, 70], [4, 78], [10, 82], [40, 89], [80, 92], [110, 93],
  [125, 90], [131, 78], [128, 60], [122, 35], [124, 0],
];
const SOLE_BODY = [
  smoothClosed([[50, 137], [38, 132], [33, 115], [34, 95], [26, 72], [24, 55], [30, 42], [60, 36], [76, 44], [76, 70], [66, 95], [64, 118], [61, 132]]),
  ellipse(33, 28, 8, 10),
  ellipse(48, 25, 5, 6.5),
  ellipse(59, 27, 4.5, 6),
  ellipse(68, 31, 4, 5.5),
  ellipse(75, 37, 3.5, 5),
];

export const FIGURES = {
  front: { body: [mirroredOutline(TRUNK_HALF), smoothClosed(ARM_RIGHT), smoothClosed(armLeft)], detail: FRONT_DETAIL },
  back: { body: [mirroredOutline(TRUNK_HALF), smoothClosed(ARM_RIGHT), smoothClosed(armLeft)], detail: BACK_DETAIL },
  left: { body: [smoothClosed(SIDE_OUTLINE), smoothClosed(SIDE_ARM)], detail: [ellipse(54, 20, 2.6, 4)] },
  right: {
    body: [smoothClosed(mirrorPath(SIDE_OUTLINE, 100)), smoothClosed(mirrorPath(SIDE_ARM, 100))],
    detail: [ellipse(46, 20, 2.6, 4)],
  },
  head: {
    body: [smoothClosed(NECK), mirroredOutline(HEAD_HALF), ellipse(79.5, 51, 3.5, 9), ellipse(20.5, 51, 3.5, 9)],
    detail: HEAD_DETAIL,
  },
  "hand-palm": { body: hand(false), detail: ["M23,105 Q50,108 77,105", "M20,80 Q34,70 48,58", "M35,66 Q55,62 80,64"] },
  "hand-back": { body: hand(true), detail: ["M23,105 Q50,102 77,105", "M24,57 Q50,52 73,58"] },
  "foot-top": { body: FOOT_TOP_BODY, detail: ["M29,125 Q50,121 71,125"] },
  "foot-inner": { body: [smoothClosed(INNER_OUTLINE)], detail: [ellipse(100, 40, 5, 6)] },
  "foot-outer": { body: [smoothClosed(mirrorPath(INNER_OUTLINE, 140))], detail: [ellipse(40, 42, 5, 6)] },
  "foot-sole": { body: SOLE_BODY, detail: [] },
} satisfies Record<string, Figure>;
