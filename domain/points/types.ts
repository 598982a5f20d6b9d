/**
 * The acupoint knowledge base's vocabulary. Facts come from the TARA acupoint
 * ontology (MIT, see domain/points/content/TARA-LICENSE), the WHO 2008 standard
 * for codes, and the needling supplement for the figures and crossing points
 * TARA lacks; English names and location descriptions are Acuback's own words.
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
  | { kind: "crossing"; channels: CrossingChannel[]; inCamTable: boolean };

/** The extraordinary vessels that meet the channels at crossing points (Ren and Du are written CV and GV). */
export const EXTRAORDINARY_VESSELS = ["Chong", "Dai", "YinQiao", "YangQiao", "YinWei", "YangWei"] as const;
export type ExtraordinaryVessel = (typeof EXTRAORDINARY_VESSELS)[number];
/** A channel meeting others at a crossing (jiaohui) point: a WHO channel code or an extraordinary vessel by name. */
export type CrossingChannel = MeridianCode | ExtraordinaryVessel;

export type NeedleAngle = "perpendicular" | "oblique" | "transverse";

/** Warnings the source's needling notes give for a point (CAM 1999, via TARA or the needling supplement), as flags. */
export const NEEDLING_NOTES = ["artery", "medulla", "eyeball", "lung", "liver", "heart", "pregnancy", "infants", "not-needled"] as const;
export type NeedlingNote = (typeof NEEDLING_NOTES)[number];

/** Why the source gives no needling figure for a point. Needling such a point is a finding for the safety check. */
export const NEEDLING_RESTRICTIONS = ["moxibustion-only", "pricking-only", "not-needled", "landmark-only"] as const;
export type NeedlingRestriction = (typeof NEEDLING_RESTRICTIONS)[number];

/**
 * Where a needling figure came from: TARA (CAM 1999 as TARA transcribed it), or
 * the needling supplement (shared/reference/needling), with how the figure was
 * checked: read in CAM itself, or taken from a second source where the CAM copy
 * was not legible.
 */
export interface NeedlingSource {
  from: "TARA" | "supplement";
  citation: string;
  checked: "CAM" | "second-source" | null;
  secondSource?: string;
}

export interface Needling {
  angle: NeedleAngle | null;
  /** Depth range in cun (the proportional body inch). */
  depthCun: { min: number; max: number } | null;
  notes: NeedlingNote[];
  /** Set when the source does not needle the point (a flag the safety check reads); null when it is needled. */
  restriction: NeedlingRestriction | null;
  source: NeedlingSource;
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
