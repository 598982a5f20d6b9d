/**
 * The acupoint knowledge base's vocabulary. Facts come from the TARA acupoint
 * ontology (MIT, see domain/points/content/TARA-LICENSE) and the WHO 2008 standard
 * for codes; English names and location descriptions are Acuback's own words.
 */

/** WHO standard channel codes (WHO Standard Acupuncture Point Locations, 2008). */
export const MERIDIAN_CODES = ["LU", "LI", "ST", "SP", "HT", "SI", "BL", "KI", "PC", "TE", "GB", "LR", "GV", "CV"] as const;
export type MeridianCode = (typeof MERIDIAN_CODES)[number];

/** Where a point lies, in words a practitioner or patient would use. A fixed list, so filters and maps agree. */
export const BODY_REGIONS = [
  "head",
  "face",
  "neck",
  "chest",
  "abdomen",
  "upper back",
  "lower back",
  "sacrum",
  "hips/buttocks",
  "perineum",
  "shoulder",
  "upper arm",
  "forearm",
  "hand",
  "thigh",
  "knee",
  "back of the knee",
  "leg",
  "foot",
] as const;
export type BodyRegion = (typeof BODY_REGIONS)[number];

export const FIVE_PHASES = ["wood", "fire", "earth", "metal", "water"] as const;
export type FivePhase = (typeof FIVE_PHASES)[number];

export type FiveShuKind = "jing-well" | "ying-spring" | "shu-stream" | "jing-river" | "he-sea";

export type SpecialRole =
  | { kind: "back-shu"; organ: string }
  | { kind: "front-mu"; organ: string }
  | { kind: "five-shu"; shu: FiveShuKind; phase: FivePhase }
  | { kind: "yuan-source" }
  | { kind: "luo-connecting"; major?: boolean }
  | { kind: "xi-cleft" }
  | { kind: "influential"; of: string }
  | { kind: "confluent"; vessel: string }
  | { kind: "lower he-sea"; organ: string }
  | { kind: "crossing"; channels: MeridianCode[] };

export type NeedleAngle = "perpendicular" | "oblique" | "transverse";

/** Warnings the source's needling notes give for a point (TARA, from CAM 1999), as flags. */
export const NEEDLING_NOTES = ["artery", "medulla", "eyeball", "lung", "pregnancy", "infants", "not-needled"] as const;
export type NeedlingNote = (typeof NEEDLING_NOTES)[number];

export interface Needling {
  angle: NeedleAngle | null;
  /** Depth range in cun (the proportional body inch). */
  depthCun: { min: number; max: number } | null;
  notes: NeedlingNote[];
}

/** One of the 14 channels, as stored in the generated data file. */
export interface Meridian {
  code: MeridianCode;
  name: string;
  fullName: string;
  hanzi: { traditional: string; simplified: string };
  organ: string | null;
  paired: MeridianCode | null;
  yinYang: "yin" | "yang" | null;
  limb: "hand" | "foot" | null;
  /** Where the channel runs, in our words. */
  flow: string;
  /** Its points' codes in WHO order. */
  points: string[];
}

/** A channel point or extra point as stored in the generated data file. */
export interface AcupointFacts {
  code: string;
  meridian: MeridianCode | null;
  number: number | null;
  pinyin: string;
  pinyinPlain: string;
  hanzi: { traditional: string; simplified: string };
  aliases: string[];
  formerCodes: string[];
  region: BodyRegion;
  needling: Needling;
  roles: SpecialRole[];
  /** Nerves at or under the point. */
  nerves: string[];
  /** Arteries and veins at or under the point. */
  vessels: string[];
  indications: string[];
  /** Indicated for low back pain (its indication terms name the low back) or commonly used for it. */
  lowBackPain: boolean;
  /** Among the points clinical-facts.md §9 lists as often used for low back pain (trial protocols, reviews). */
  commonForLowBackPain: boolean;
  /** Indicated for sciatica, or for pain or numbness of the leg. */
  sciatica: boolean;
  /** For Huatuojiaji levels: the group's code (EX-B2) and this level (T1 … L5). */
  group?: { code: string; level: string };
  sources: string[];
}
