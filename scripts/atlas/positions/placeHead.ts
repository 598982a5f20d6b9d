/**
 * Head, face and neck. The head view (100 × 120) is the face from the front
 * with the scalp foreshortened above the hairline (4 units per cun) and 5
 * units per cun across; the front figure shows the same points scaled down.
 * Points on the side of the head go on the side views, the back of the head
 * on the back view.
 */
import { backAt, both, type Placement, type Pos } from "./frame.ts";

const HAIRLINE = 26;
const head = (dx: number, y: number): Pos[] => (dx === 0 ? [[50, y]] : [[50 - dx, y], [50 + dx, y]]);
/** Above the front hairline by `cun`, `cunOut` from the midline. */
const scalp = (cunOut: number, cunInside: number) => head(cunOut * 5, HAIRLINE - cunInside * 4);
const toFront = (at: Pos[]): Pos[] => at.map(([x, y]) => [35 + x * 0.3, 5.6 + y * 0.3]);

/** A point on the face or front of the head: shown on the head view and, smaller, on the front figure. */
const face = (at: Pos[]): Placement[] => [
  { view: "head", at },
  { view: "front", at: toFront(at) },
];
/** Left side view only (the right view mirrors it). */
const side = (x: number, y: number): Placement[] => [{ view: "left", at: [[x, y]] }];
const back = (at: Pos[]): Placement[] => [{ view: "back", at }];

export const HEAD_PLACEMENTS: Record<string, Placement[]> = {
  ST1: face(head(11, 51)),
  ST2: face(head(11, 55)),
  ST3: face(head(11, 65)),
  ST4: face(head(11, 75)),
  ST5: [...side(44, 31), ...face(head(20, 86))],
  ST6: [...side(46.5, 28.5), ...face(head(22, 79))],
  ST7: side(47.5, 21),
  ST8: [...face(scalp(4.5, 0.5)), ...side(45, 7.5)],
  ST9: [...face(head(10, 104)), ...side(45, 35)],
  ST10: [...face(head(10, 109)), ...side(45.5, 38)],
  ST11: face(head(4, 116)),
  ST12: [{ view: "front", at: both(12, 44) }],

  LI17: [...face(head(13, 112)), ...side(49, 38)],
  LI18: [...face(head(14, 104)), ...side(48.5, 35)],
  LI19: face(head(5, 69)),
  LI20: face(head(8, 64)),

  SI16: side(54, 34),
  SI17: side(51.5, 30),
  SI18: [...face(head(16, 57)), ...side(43.5, 23)],
  SI19: side(50.5, 20.3),

  TE16: side(55.5, 31),
  TE17: side(53.5, 25.5),
  TE18: side(57, 23),
  TE19: side(57.5, 19),
  TE20: side(54, 13.5),
  TE21: side(50.5, 18.5),
  TE22: side(51, 16.5),
  TE23: [...face(head(21, 40)), ...side(41, 14.5)],

  GB1: [...face(head(19, 47)), ...side(40.5, 16.5)],
  GB2: side(50.5, 22),
  GB3: side(49, 17),
  GB4: side(46.5, 9.5),
  GB5: side(47.5, 11.5),
  GB6: side(48.5, 13.5),
  GB7: side(50, 15.5),
  GB8: side(54, 11.5),
  GB9: side(56, 12.5),
  GB10: side(58.5, 16.5),
  GB11: side(58.5, 20.5),
  GB12: side(57.5, 24.5),
  GB13: face(scalp(3, 0.5)),
  GB14: face(head(11, 36)),
  GB15: face(scalp(2.2, 0.5)),
  GB16: face(scalp(2.2, 1.5)),
  GB17: face(scalp(2.2, 2.5)),
  GB18: face(scalp(2.2, 4)),
  GB19: back(both(7.5, 19.5)),
  GB20: [...back(both(7, 25.5)), ...side(59.5, 27)],

  BL1: face(head(6.5, 45.5)),
  BL2: face(head(6, 40)),
  BL3: face(scalp(1.2, 0.5)),
  BL4: face(scalp(1.5, 0.5)),
  BL5: face(scalp(1.5, 1)),
  BL6: face(scalp(1.5, 2.5)),
  BL7: face(scalp(1.5, 4)),
  BL8: face(scalp(1.5, 5.5)),
  BL9: back(both(4.3, 19.5)),
  BL10: back(both(4.3, 29.5)),

  GV15: back([[50, 28.5]]),
  GV16: back([[50, 23.5]]),
  GV17: back([[50, 19]]),
  GV18: back([[50, 14]]),
  GV19: back([[50, 9]]),
  GV20: [...face(scalp(0, 5)), ...back([[50, 4.5]])],
  GV21: face(scalp(0, 3.5)),
  GV22: face(scalp(0, 2)),
  GV23: face(scalp(0, 1)),
  GV24: face(scalp(0, 0.5)),
  GV25: face(head(0, 62)),
  GV26: face(head(0, 69)),
  GV27: face(head(0, 73)),
  GV28: face(head(0, 76)),
  GV29: face(head(0, 41)),

  CV22: face(head(0, 118)),
  CV23: face(head(0, 100)),
  CV24: face(head(0, 83)),

  "EX-HN1": face([[50, HAIRLINE - 4 * 4], [50, HAIRLINE - 6 * 4], [45, HAIRLINE - 5 * 4], [55, HAIRLINE - 5 * 4]]),
  "EX-HN4": face(head(11, 40)),
  "EX-HN5": [...face(head(22, 45)), ...side(42.5, 16)],
  "EX-HN6": side(55, 14),
  "EX-HN7": face(head(14, 51)),
  "EX-HN12": face([[47.5, 80]]),
  "EX-HN13": face([[52.5, 80]]),
  "EX-HN14": side(56.5, 25.5),
  "EX-HN15": back(both(3.3, 33)),
  "M-HN14": face(head(6, 58)),
  "M-HN18": face(head(5, 83)),
  "M-HN21": face(head(0, 96)),
  "N-HN20": side(50, 24.5),
  "N-HN54": side(57, 27.5),
  "EX-B1": back(backAt(0.5, "C7")),
};
