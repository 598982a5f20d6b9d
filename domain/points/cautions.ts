/**
 * Needling cautions per point, as rules with sources, so charting can warn
 * (and later block with a written override) from the same list.
 */
import type { AcupointFacts } from "./types.ts";

export type CautionKind = "pneumothorax" | "pregnancy" | "vessel" | "organ" | "not-needled";

export interface Caution {
  kind: CautionKind;
  text: string;
  source: string;
}

const FACTS_6 = "clinical-facts.md §6 (Witt 2009; NPSA/NRLS; Carr 2015)";
const CAM = "Chinese Acupuncture and Moxibustion (1999) needling notes, via TARA";

/** Traditionally forbidden in pregnancy (clinical-facts §6); Carr 2015 found no objective evidence of harm. */
const PREGNANCY_FORBIDDEN = new Set(["LI4", "SP6", "BL60", "BL67"]);
const PREGNANCY_CARE = new Set(["GB21"]);

/** Points beside an artery that is felt before needling. */
const ARTERIES: Record<string, string> = {
  LU8: "radial",
  LU9: "radial",
  LI13: "radial collateral",
  ST5: "facial",
  ST9: "common carotid",
  ST12: "subclavian",
  ST30: "femoral",
  ST42: "dorsalis pedis",
  SP11: "femoral",
  SP12: "femoral",
  HT1: "axillary",
  PC3: "brachial",
  BL40: "popliteal",
  TE22: "superficial temporal",
  LR10: "femoral",
  LR12: "femoral",
};

const ORGANS: Record<string, string> = {
  ST1: "Beside the eyeball: insert slowly and shallow without lifting or thrusting, and press after withdrawal to prevent bruising.",
  BL1: "Beside the eyeball: insert slowly and shallow without lifting or thrusting, and press after withdrawal to prevent bruising.",
  "EX-HN7": "Beside the eyeball: insert slowly and shallow without lifting or thrusting, and press after withdrawal to prevent bruising.",
  GV15: "Deep or upward needling can reach the medulla oblongata.",
  GV16: "Deep or upward needling can reach the medulla oblongata.",
  GB20: "Angle towards the tip of the nose; deep or upward-medial needling can reach the vertebral artery or the medulla.",
  LR13: "Over the liver (right) or spleen (left): shallow oblique needling.",
  LR14: "Over the liver (right) or stomach (left) in the sixth rib space: shallow oblique needling.",
  GB24: "Over the liver (right) in the seventh rib space: shallow oblique needling.",
  CV2: "Over the bladder: ask the patient to empty it first.",
  CV3: "Over the bladder: ask the patient to empty it first.",
  CV4: "Over the bladder: ask the patient to empty it first.",
  GV22: "Not needled in infants whose fontanelle is still open.",
  GV23: "Not needled in infants whose fontanelle is still open.",
};

const NOT_NEEDLED: Record<string, string> = {
  ST17: "A landmark only: the nipple is not needled.",
  CV8: "The navel is not needled; moxibustion only.",
};

/** Points over the lungs: the chest and upper back except the spine itself, and the lung apex above the collarbone. */
const LUNG_APEX = new Set(["GB21", "ST12", "EX-B1"]);

export function cautionsFor(point: AcupointFacts): Caution[] {
  const cautions: Caution[] = [];
  const code = point.code;
  if (NOT_NEEDLED[code]) cautions.push({ kind: "not-needled", text: NOT_NEEDLED[code], source: CAM });
  const overLung = ((point.region === "chest" || point.region === "upper back") && point.meridian !== "GV") || LUNG_APEX.has(code);
  if (overLung) {
    cautions.push({
      kind: "pneumothorax",
      text: "Over the lung: needle obliquely or transversely and shallow; deep needling can cause a pneumothorax.",
      source: FACTS_6,
    });
  }
  if (ARTERIES[code]) {
    cautions.push({
      kind: "vessel",
      text: `Beside the ${ARTERIES[code]} artery: feel the pulse and keep the needle clear of it.`,
      source: CAM,
    });
  }
  if (ORGANS[code]) cautions.push({ kind: "organ", text: ORGANS[code], source: CAM });
  const pregnancyNote = "Carr 2015 found no objective evidence of harm; chart a reason if used.";
  if (PREGNANCY_FORBIDDEN.has(code)) {
    cautions.push({ kind: "pregnancy", text: `Traditionally forbidden in pregnancy. ${pregnancyNote}`, source: FACTS_6 });
  } else if (PREGNANCY_CARE.has(code)) {
    cautions.push({ kind: "pregnancy", text: `Use with care in pregnancy. ${pregnancyNote}`, source: FACTS_6 });
  } else if (point.region === "abdomen" || point.region === "lower back" || point.region === "sacrum") {
    cautions.push({ kind: "pregnancy", text: `Abdominal and lumbosacral points are avoided in pregnancy. ${pregnancyNote}`, source: FACTS_6 });
  }
  return cautions;
}
