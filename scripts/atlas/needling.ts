/**
 * Needling figures and warning flags read from source text: TARA's method
 * sentences and the needling supplement's short notes. Only the figures and
 * flags are kept; the sentences are not carried.
 */
import type { Needling, NeedlingNote, NeedlingRestriction, NeedlingSource } from "../../domain/points/types.ts";

export const TARA_NEEDLING: NeedlingSource = { from: "TARA", citation: "CAM 1999, via TARA", checked: null };

/** The warnings in the needling notes, as flags. */
const NOTE_RULES: [NeedlingNote, RegExp][] = [
  ["artery", /arter/],
  ["medulla", /medull/],
  ["eyeball", /eyeball/],
  ["lung", /lung|pneumothorax/],
  // The supplement names the organ that makes deep insertion inadvisable: "(liver)", "(heart)".
  ["liver", /\bliver\b/],
  ["heart", /\bheart\b/],
  ["pregnancy", /pregnan/],
  ["infants", /infant/],
  ["not-needled", /puncture is prohibited/],
];

export function notesOf(text: string): NeedlingNote[] {
  const lower = text.toLowerCase();
  return NOTE_RULES.filter(([, pattern]) => pattern.test(lower)).map(([note]) => note);
}

/**
 * Why a point without a figure is not needled, from the supplement's note.
 * Order matters: ST17's note names moxibustion too but the point is a landmark
 * only, and CV8's "puncture prohibited; moxibustion only" is first of all a prohibition.
 */
const RESTRICTION_RULES: [NeedlingRestriction, RegExp][] = [
  ["landmark-only", /landmark only/],
  ["not-needled", /(puncture|needling) (is )?prohibited/],
  ["moxibustion-only", /moxibustion only/],
  ["pricking-only", /\bprick/],
];

export function restrictionOf(note: string): NeedlingRestriction | null {
  const lower = note.toLowerCase();
  return RESTRICTION_RULES.find(([, pattern]) => pattern.test(lower))?.[0] ?? null;
}

/** "Puncture perpendicularly 1-1.2 inches" → perpendicular, 1–1.2 cun (the translation's "inch" is the cun). */
export function needlingOf(method: string): Needling {
  const text = method
    // "0.3-0‚Ä¢.5" (GB17): a bullet garbled by TARA's encoding, inside the number.
    .replace(/‚Ä¢/g, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    // "05-1.0 inch" (ST34, BL13): a leading zero followed by a digit is a dropped decimal point.
    .replace(/\b0(\d)\b/g, "0.$1");
  const angle = /perpendicular/.test(text)
    ? "perpendicular"
    : /oblique/.test(text)
      ? "oblique"
      : /subcutaneous|horizontal|transverse/.test(text)
        ? "transverse"
        : null;
  const range = /(\d+(?:\.\d+)?)\s*[-–]\s*(\d+(?:\.\d+)?)\s*(?:cun|inch)/.exec(text);
  const single = /(\d+(?:\.\d+)?)\s*(?:cun|inch)/.exec(text);
  const depthCun = range
    ? { min: Number(range[1]), max: Number(range[2]) }
    : single
      ? { min: Number(single[1]), max: Number(single[1]) }
      : null;
  const notes = notesOf(text);
  // TARA's only "not needled" wording is CV8's prohibition; it gives no figure there.
  const restriction = notes.includes("not-needled") && !depthCun ? "not-needled" : null;
  return { angle, depthCun, notes, restriction, source: TARA_NEEDLING };
}

/** Whether a point has needling guidance at all: a depth to needle to, or the source's reason not to needle. */
export function hasGuidance(needling: Needling): boolean {
  return needling.depthCun !== null || needling.restriction !== null;
}
