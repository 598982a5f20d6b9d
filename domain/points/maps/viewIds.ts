/** The map views, their labels and sizes in figure units (shared by the map and the position builder). */
export const VIEW_IDS = [
  "front",
  "back",
  "left",
  "right",
  "head",
  "hand-palm",
  "hand-back",
  "foot-top",
  "foot-inner",
  "foot-outer",
  "foot-sole",
] as const;
export type ViewId = (typeof VIEW_IDS)[number];

export const VIEW_META: Record<ViewId, { label: string; width: number; height: number }> = {
  front: { label: "Front", width: 100, height: 250 },
  back: { label: "Back", width: 100, height: 250 },
  left: { label: "Left side", width: 100, height: 250 },
  right: { label: "Right side", width: 100, height: 250 },
  head: { label: "Head and face", width: 100, height: 120 },
  "hand-palm": { label: "Palm (left hand)", width: 100, height: 140 },
  "hand-back": { label: "Back of the hand (left)", width: 100, height: 140 },
  "foot-top": { label: "Top of the foot (left)", width: 100, height: 140 },
  "foot-inner": { label: "Inner ankle and foot (left)", width: 140, height: 100 },
  "foot-outer": { label: "Outer ankle and foot (left)", width: 140, height: 100 },
  "foot-sole": { label: "Sole (left)", width: 100, height: 140 },
};
