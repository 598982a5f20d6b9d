/**
 * ICD-10-CM codes for low back pain: the picker's list, the check that refuses
 * deleted and unknown codes, and the suggestion from what the episode records
 * (clinical-facts §3). The suggestion never reaches for a code the record does
 * not support: radiculopathy, spondylosis, stenosis, disc displacement and the
 * other specific codes are offered in the picker but suggested only when the
 * episode records that diagnosis.
 *
 * Left out as UNCONFIRMED (§3): the FY2025 disc-degeneration subcodes
 * M51.36x/M51.37x; they are refused until verified.
 */

export interface Icd10Code {
  code: string;
  title: string;
}

/** The §3 codes with their titles, exactly as listed there (FY2022 onward); nothing else. */
export const ICD10_CODES: readonly Icd10Code[] = [
  { code: "M54.50", title: "Low back pain, unspecified" },
  { code: "M54.51", title: "Vertebrogenic low back pain" },
  { code: "M54.59", title: "Other low back pain" },
  { code: "M54.16", title: "Radiculopathy, lumbar region" },
  { code: "M54.17", title: "Radiculopathy, lumbosacral region" },
  { code: "M54.30", title: "Sciatica, unspecified side" },
  { code: "M54.31", title: "Sciatica, right side" },
  { code: "M54.32", title: "Sciatica, left side" },
  { code: "M54.40", title: "Lumbago with sciatica, unspecified side" },
  { code: "M54.41", title: "Lumbago with sciatica, right side" },
  { code: "M54.42", title: "Lumbago with sciatica, left side" },
  { code: "M54.89", title: "Other dorsalgia" },
  { code: "M54.9", title: "Dorsalgia, unspecified" },
  { code: "M47.816", title: "Spondylosis w/o myelopathy or radiculopathy, lumbar" },
  { code: "M48.061", title: "Spinal stenosis, lumbar, without neurogenic claudication" },
  { code: "M48.062", title: "Spinal stenosis, lumbar, with neurogenic claudication" },
  { code: "M51.26", title: "Other intervertebral disc displacement, lumbar region" },
];

export interface DeletedCode {
  code: string;
  deletedOn: string;
  reason: string;
}

export const DELETED_CODES: readonly DeletedCode[] = [
  {
    code: "M54.5",
    deletedOn: "2021-10-01",
    reason: "M54.5 was deleted from ICD-10-CM on 2021-10-01 (FY2022): choose M54.50, M54.51 or M54.59 as the record supports.",
  },
];

/** Code families §3 names but marks UNCONFIRMED: refused with that reason until verified. */
const UNCONFIRMED_PREFIXES = ["M51.36", "M51.37"];

export type Icd10Check = ({ ok: true } & Icd10Code) | { ok: false; code: string; reason: string };

/** Accepts a §3 code (case and surrounding spaces ignored); refuses deleted, unconfirmed and unknown codes with the reason. */
export function validateIcd10(input: string): Icd10Check {
  const code = input.trim().toUpperCase();
  const known = ICD10_CODES.find((c) => c.code === code);
  if (known) return { ok: true, ...known };
  const deleted = DELETED_CODES.find((c) => c.code === code);
  if (deleted) return { ok: false, code, reason: deleted.reason };
  if (UNCONFIRMED_PREFIXES.some((prefix) => code.startsWith(prefix))) {
    return { ok: false, code, reason: `${code}: the FY2025 disc-degeneration subcodes (M51.36x/M51.37x) are unconfirmed and not offered until verified.` };
  }
  return { ok: false, code, reason: `${code || "(empty)"} is not one of the ICD-10-CM codes Acuback offers for low back pain (ICD-10-CM, FY2022 onward).` };
}

/** What the episode records that the suggestion reads (the chart's EpisodeFields, plus an explicit diagnosis). */
export interface Icd10EpisodeFacts {
  /** Where the back pain is; ICD-10 low back pain codes carry no side for it, so it does not change the code. */
  location?: "central" | "left" | "right" | "both";
  radiation: "none" | "buttock" | "thigh" | "below-knee";
  radiationSide: "left" | "right" | "both" | null;
  /** A diagnosis the practitioner recorded explicitly, as one of the §3 codes (e.g. "M54.16", "M48.062"). */
  recordedDiagnosis?: string | null;
}

export interface Icd10Suggestion extends Icd10Code {
  /** The rule that chose the code, in words. */
  rule: string;
}

function titled(code: string, rule: string): Icd10Suggestion {
  const known = ICD10_CODES.find((c) => c.code === code)!;
  return { ...known, rule };
}

export function suggestIcd10(episode: Icd10EpisodeFacts): Icd10Suggestion {
  let refusedDiagnosis = "";
  const recorded = episode.recordedDiagnosis?.trim();
  if (recorded) {
    const check = validateIcd10(recorded);
    if (check.ok) {
      return titled(check.code, `The episode records the diagnosis ${check.code} (${check.title}): suggested as recorded.`);
    }
    refusedDiagnosis = ` The recorded diagnosis was not used: ${check.reason}`;
  }

  if (episode.radiation === "thigh" || episode.radiation === "below-knee") {
    const where = episode.radiation === "thigh" ? "to the thigh" : "below the knee";
    // Back pain is what every episode records, so leg radiation is lumbago with
    // sciatica (M54.4x), not sciatica alone (M54.3x, offered in the picker).
    if (episode.radiationSide === "left" || episode.radiationSide === "right") {
      const code = episode.radiationSide === "right" ? "M54.41" : "M54.42";
      return titled(code, `Back pain radiating ${where} on the ${episode.radiationSide}: lumbago with sciatica, ${episode.radiationSide} side.${refusedDiagnosis}`);
    }
    const side = episode.radiationSide === "both" ? "on both sides (M54.4x has only right, left or unspecified side)" : "with the side not recorded";
    return titled("M54.40", `Back pain radiating ${where} ${side}: lumbago with sciatica, unspecified side.${refusedDiagnosis}`);
  }

  if (episode.radiation === "buttock") {
    // Pain reaching the buttock but not the leg is not sciatica by itself: the
    // record supports low back pain only, so no sciatica code is suggested.
    return titled("M54.50", `Pain radiating to the buttock only, not into the leg: not sciatica by itself, so low back pain, unspecified.${refusedDiagnosis}`);
  }

  return titled("M54.50", `Back pain without radiation and no more specific diagnosis recorded: low back pain, unspecified.${refusedDiagnosis}`);
}

const SCIATICA_SIDE: Record<string, "left" | "right" | null> = {
  "M54.30": null,
  "M54.31": "right",
  "M54.32": "left",
  "M54.40": null,
  "M54.41": "right",
  "M54.42": "left",
};

/**
 * Why the record contradicts a code, or null when it does not. Sciatica codes
 * (M54.3x, M54.4x) need pain recorded into the leg, and a sided one the side
 * recorded (or both sides). The specific diagnoses (radiculopathy, stenosis,
 * spondylosis, disc displacement) are recorded by choosing them, so the record
 * cannot contradict them.
 */
export function icd10Contradiction(episode: Icd10EpisodeFacts, code: string): string | null {
  if (!(code in SCIATICA_SIDE)) return null;
  const title = ICD10_CODES.find((c) => c.code === code)!.title;
  if (episode.radiation !== "thigh" && episode.radiation !== "below-knee") {
    return `${code} (${title}) needs pain into the leg; the episode records ${episode.radiation === "buttock" ? "pain to the buttock only" : "no radiation"}.`;
  }
  const side = SCIATICA_SIDE[code];
  if (side && episode.radiationSide !== side && episode.radiationSide !== "both") {
    return `${code} (${title}) is for the ${side} side; the episode records ${episode.radiationSide === null ? "no side" : `the ${episode.radiationSide} side`}.`;
  }
  return null;
}

export interface Icd10Choice extends Icd10Code {
  suggested: boolean;
  /** Why the record does not support this code; null when it may be chosen. */
  contradiction: string | null;
}

/** The picker: every §3 code, the suggestion marked, the ones the record contradicts with the reason. */
export function icd10Choices(episode: Icd10EpisodeFacts): Icd10Choice[] {
  const suggested = suggestIcd10(episode).code;
  return ICD10_CODES.map((c) => ({ ...c, suggested: c.code === suggested, contradiction: icd10Contradiction(episode, c.code) }));
}

/** The code a claim carries: the practitioner's choice when the record supports it, else the suggestion. */
export function episodeDiagnosisCode(episode: Icd10EpisodeFacts & { icd10Code: string | null }): Icd10Suggestion {
  const chosen = episode.icd10Code ? validateIcd10(episode.icd10Code) : null;
  if (chosen?.ok && icd10Contradiction(episode, chosen.code) === null) return { code: chosen.code, title: chosen.title, rule: "Chosen by the practitioner." };
  const suggestion = suggestIcd10(episode);
  if (!chosen) return suggestion;
  const why = chosen.ok ? icd10Contradiction(episode, chosen.code) : chosen.reason;
  return { ...suggestion, rule: `${suggestion.rule} The chosen ${chosen.code} is not used: ${why}` };
}
