/**
 * TCM patterns for low back pain an intake may record (optional). The list
 * follows clinical-facts §9 (cold-damp, kidney deficiency, blood stasis after
 * trauma) and the examples (qi and blood stagnation, damp-heat).
 */
export const TCM_PATTERNS = [
  { id: "cold-damp", label: "Cold-damp" },
  { id: "damp-heat", label: "Damp-heat" },
  { id: "qi-blood-stagnation", label: "Qi and blood stagnation (blood stasis)" },
  { id: "kidney-yang-deficiency", label: "Kidney deficiency (yang)" },
  { id: "kidney-yin-deficiency", label: "Kidney deficiency (yin)" },
] as const;

export type TcmPattern = (typeof TCM_PATTERNS)[number]["id"];

export const TCM_PATTERN_IDS = TCM_PATTERNS.map((p) => p.id) as [TcmPattern, ...TcmPattern[]];
