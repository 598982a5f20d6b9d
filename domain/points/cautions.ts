/**
 * Needling cautions per point, as rules over the point's data with their
 * sources, so charting can warn (and later block with a written override) from
 * the same list. Nothing here is a hand-kept list of points: the rules read the
 * region, the vessels under the point and the flags taken from the source's
 * needling notes, plus the points clinical-facts §6 names.
 */
import { RESTRICTION_CAUTION } from "./needling.ts";
import type { AcupointFacts } from "./types.ts";

export type CautionKind = "pneumothorax" | "pregnancy" | "vessel" | "organ" | "not-needled";

export interface Caution {
  kind: CautionKind;
  text: string;
  source: string;
}

// Shown under each caution in the atlas: the papers, never our own file names (clinical-facts.md §6 holds them).
const FACTS_6 = "WHO safety guidelines (1999); Witt 2009 (229,230 patients); Carr 2015 on points in pregnancy";
const NOTES = "needling notes of Chinese Acupuncture and Moxibustion (1999), via TARA";
const VESSELS = "vessels under the point in Chinese Acupuncture and Moxibustion (1999), via TARA";
const SUPPLEMENT_NOTES = "needling notes of Chinese Acupuncture and Moxibustion (1999), via the needling supplement";

/** Traditionally forbidden in pregnancy (clinical-facts §6); Carr 2015 found no objective evidence of harm. */
const PREGNANCY_FORBIDDEN = new Set(["LI4", "SP6", "BL60", "BL67"]);
const PREGNANCY_CARE = new Set(["GB21"]);

/** A large named artery running at the point (not one of its small branches). */
const MAJOR_ARTERY = /\b(femoral|popliteal|brachial|axillary|radial|carotid|facial|superficial temporal|dorsal) arter/;

export function cautionsFor(point: AcupointFacts): Caution[] {
  const cautions: Caution[] = [];
  const notes = new Set(point.needling.notes);
  // Whichever file gave the figure gave its notes: TARA, or the supplement for the points TARA leaves blank.
  const notesSource = point.needling.source.from === "TARA" ? NOTES : SUPPLEMENT_NOTES;
  const restriction = point.needling.restriction;
  if (restriction) cautions.push({ kind: "not-needled", text: RESTRICTION_CAUTION[restriction], source: notesSource });
  const overLung = ((point.region === "chest" || point.region === "upper back") && point.meridian !== "GV") || notes.has("lung");
  if (overLung) {
    cautions.push({
      kind: "pneumothorax",
      text: "Over the lung: needle obliquely or transversely and shallow; deep needling can cause a pneumothorax.",
      source: FACTS_6,
    });
  }
  const artery = point.vessels.find((vessel) => MAJOR_ARTERY.test(vessel) && !/branch|circumflex/.test(vessel));
  if (artery || notes.has("artery")) {
    cautions.push({
      kind: "vessel",
      text: artery ? `Near the ${artery}: feel the pulse and keep the needle clear of it.` : "An artery runs here: feel for it and keep the needle clear of it.",
      source: artery ? VESSELS : NOTES,
    });
  }
  if (notes.has("eyeball")) {
    cautions.push({ kind: "organ", text: "Beside the eyeball: insert slowly and shallow, without lifting, thrusting or twisting.", source: NOTES });
  }
  for (const organ of ["liver", "heart"] as const) {
    if (notes.has(organ)) cautions.push({ kind: "organ", text: `The ${organ} lies deep to this point: no deep insertion.`, source: notesSource });
  }
  if (notes.has("medulla")) {
    cautions.push({ kind: "organ", text: "The medulla lies deep to this point: no deep or upward needling.", source: NOTES });
  }
  if (notes.has("infants")) {
    cautions.push({ kind: "organ", text: "Not needled in infants whose fontanelle is still open.", source: NOTES });
  }
  const pregnancyNote = "Carr 2015 found no objective evidence of harm; chart a reason if used.";
  const grade = pregnancyGrade(point);
  if (grade) cautions.push({ kind: "pregnancy", text: `${PREGNANCY_TEXT[grade]} ${pregnancyNote}`, source: FACTS_6 });
  return cautions;
}

/** How the tradition treats a point in pregnancy (clinical-facts §6), or null where it says nothing. */
export type PregnancyGrade = "forbidden" | "with-care" | "avoided";

const PREGNANCY_TEXT: Record<PregnancyGrade, string> = {
  forbidden: "Traditionally forbidden in pregnancy.",
  "with-care": "Use with care in pregnancy.",
  avoided: "Avoided or used with great care in pregnancy.",
};

export function pregnancyGrade(point: AcupointFacts): PregnancyGrade | null {
  if (PREGNANCY_FORBIDDEN.has(point.code)) return "forbidden";
  if (PREGNANCY_CARE.has(point.code)) return "with-care";
  const lumbosacralOrAbdominal = point.region === "abdomen" || point.region === "lower back" || point.region === "sacrum";
  if (lumbosacralOrAbdominal || point.needling.notes.includes("pregnancy")) return "avoided";
  return null;
}
