/**
 * Builds domain/points/content/points.json and meridians.json from the TARA CSV
 * files (MIT; shared/reference/tara), then joins the needling supplement
 * (shared/reference/needling: figures TARA leaves blank, crossing points; see
 * supplement.ts). Run again after changing this script or those files:
 *   node --import tsx scripts/atlas/build.ts
 * Only facts are carried: codes, names, characters, roles, needling figures,
 * nerves, indication terms. TARA's and WHO's location sentences are read only
 * to derive the body region; none of their prose is written out.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type {
  AcupointFacts,
  BodyRegion,
  FivePhase,
  FiveShuKind,
  MeridianCode,
  Needling,
  SpecialRole,
} from "../../domain/points/types.ts";
import { structureNames } from "./anatomy.ts";
import { hanziForms, tonedPinyin } from "./chinese.ts";
import { MERIDIANS } from "./meridians.ts";
import { needlingOf } from "./needling.ts";
import { applySupplement } from "./supplement.ts";
import { readTable } from "./tara.ts";

// ATLAS_OUT_DIR lets a test run the whole build on a bad copy of the sources without touching the shipped files.
const OUT = process.env.ATLAS_OUT_DIR ?? join(import.meta.dirname, "..", "..", "domain", "points", "content");
const TARA_SOURCE = "TARA acupoint ontology (MIT, smtifahim/TARA-Ontology-Repository): names, characters, needling, nerves, roles, indications";
const WHO_SOURCE = "WHO Standard Acupuncture Point Locations in the Western Pacific Region (2008): codes, body region";

/** TARA writes GV as "Du n" and CV as "RN n". */
const TARA_PREFIX: Record<string, MeridianCode> = { DU: "GV", RN: "CV" };

/** Common alias prefixes practitioners type, per channel (older English, French and Chinese usage). */
const ALIAS_PREFIXES: Record<MeridianCode, string[]> = {
  LU: ["L", "Lu", "Lung"],
  LI: ["Co", "Large Intestine"],
  ST: ["S", "St", "Stomach"],
  SP: ["Sp", "Spleen"],
  HT: ["H", "HE", "Heart"],
  SI: ["Small Intestine"],
  BL: ["UB", "B", "Bladder", "Urinary Bladder"],
  KI: ["K", "Kid", "Kidney"],
  PC: ["P", "PE", "HC", "Pericardium"],
  TE: ["SJ", "TB", "TH", "Triple Energizer", "Triple Burner", "San Jiao", "Sanjiao"],
  GB: ["G", "Gallbladder", "Gall Bladder"],
  LR: ["LIV", "LV", "Liver"],
  GV: ["Du", "DU", "Governor Vessel", "Du Mai"],
  CV: ["Ren", "RN", "VC", "Conception Vessel", "Ren Mai"],
};

/**
 * Older Bladder numbering, used in many English texts before the WHO standard:
 * the outer back line came before the thigh and knee points, so BL36–40 were
 * numbered 50–54 and BL41–54 were 36–49 (e.g. Weizhong, BL40, was "BL54").
 */
function formerBladderNumber(n: number): number | null {
  if (n >= 36 && n <= 40) return n + 14;
  if (n >= 41 && n <= 54) return n - 5;
  return null;
}

/** Body region from the opening words of the standard location (a fact, not its wording). */
const REGION_RULES: [RegExp, BodyRegion][] = [
  [/popliteal|posterior aspect of the knee/, "back of the knee"],
  [/lumbar region/, "lower back"],
  [/sacral region|coccyx/, "sacrum"],
  [/buttock|hip/, "hips/buttocks"],
  [/perine|anal/, "perineum"],
  [/upper back|scapular|posterior region of the neck.*T1/, "upper back"],
  [/thoracic|axilla|chest|breast/, "chest"],
  [/abdom|groin|pubic/, "abdomen"],
  [/\bface\b|nose|mouth|lip|eye|orbit|cheek|ear|auricle|mandib|chin/, "face"],
  [/\bhead\b|scalp|forehead|temple/, "head"],
  [/\bneck\b|throat/, "neck"],
  [/shoulder/, "shoulder"],
  [/forearm|wrist/, "forearm"],
  [/palm|finger|thumb|dorsum of the hand|hand\b/, "hand"],
  [/\barm\b|elbow/, "upper arm"],
  [/thigh/, "thigh"],
  [/knee|patella/, "knee"],
  [/\bleg\b|tibia|fibula|calf/, "leg"],
  [/foot|toe|sole|ankle|heel|malleol/, "foot"],
];

function regionOf(location: string, code: string): BodyRegion {
  const opening = location.toLowerCase().split(/[,.;]/)[0] ?? "";
  for (const [pattern, region] of REGION_RULES) if (pattern.test(opening)) return region;
  for (const [pattern, region] of REGION_RULES) if (pattern.test(location.toLowerCase())) return region;
  throw new Error(`No body region for ${code}: "${opening}"`);
}

const SHU: Record<string, FiveShuKind> = {
  "jing-well": "jing-well",
  "ying-spring": "ying-spring",
  "shu-stream": "shu-stream",
  "jing-river": "jing-river",
  "he-sea": "he-sea",
};
/** Five-phase of the five-shu points (Nan Jing, difficulty 64): yin channels start at wood, yang channels at metal. */
const SHU_ORDER: FiveShuKind[] = ["jing-well", "ying-spring", "shu-stream", "jing-river", "he-sea"];
const YIN_PHASES: FivePhase[] = ["wood", "fire", "earth", "metal", "water"];
const YANG_PHASES: FivePhase[] = ["metal", "water", "wood", "fire", "earth"];
const YIN_CHANNELS = new Set<MeridianCode>(["LU", "SP", "HT", "KI", "PC", "LR"]);

/** The eight confluent points and their extraordinary vessels (standard pairing; e.g. CAM 1999 ch. 6). */
const CONFLUENT: Record<string, string> = {
  SP4: "Chong (Penetrating) vessel",
  PC6: "Yinwei (Yin Linking) vessel",
  SI3: "Du (Governor) vessel",
  BL62: "Yangqiao (Yang Heel) vessel",
  TE5: "Yangwei (Yang Linking) vessel",
  GB41: "Dai (Belt) vessel",
  LU7: "Ren (Conception) vessel",
  KI6: "Yinqiao (Yin Heel) vessel",
};
/** The eight influential points (CAM 1999 ch. 6). */
const INFLUENTIAL: Record<string, string> = {
  LR13: "zang organs",
  CV12: "fu organs",
  CV17: "qi",
  BL17: "blood",
  GB34: "tendons",
  LU9: "vessels",
  BL11: "bone",
  GB39: "marrow",
};
/** The six lower he-sea points of the fu organs (Ling Shu ch. 4). */
const LOWER_HE_SEA: Record<string, string> = {
  ST36: "stomach",
  ST37: "large intestine",
  ST39: "small intestine",
  GB34: "gallbladder",
  BL40: "bladder",
  BL39: "triple energizer",
};

function rolesOf(code: string, meridian: MeridianCode | null, labels: string[]): SpecialRole[] {
  const roles: SpecialRole[] = [];
  for (const raw of labels) {
    const label = raw.toLowerCase();
    const organ = /point of (?:the )?(.+)$/.exec(label)?.[1]?.trim() ?? "";
    if (label.startsWith("back-shu")) roles.push({ kind: "back-shu", organ });
    else if (label.startsWith("front-mu")) roles.push({ kind: "front-mu", organ });
    else if (label.startsWith("yuan")) roles.push({ kind: "yuan-source" });
    else if (label.startsWith("major luo")) roles.push({ kind: "luo-connecting", major: true });
    else if (label.startsWith("luo")) roles.push({ kind: "luo-connecting" });
    else if (label.startsWith("xi-cleft")) roles.push({ kind: "xi-cleft" });
    else {
      const shu = Object.keys(SHU).find((name) => label.startsWith(name));
      if (shu && meridian) {
        const index = SHU_ORDER.indexOf(SHU[shu]!);
        roles.push({ kind: "five-shu", shu: SHU[shu]!, phase: (YIN_CHANNELS.has(meridian) ? YIN_PHASES : YANG_PHASES)[index]! });
      }
    }
  }
  if (CONFLUENT[code]) roles.push({ kind: "confluent", vessel: CONFLUENT[code] });
  if (INFLUENTIAL[code]) roles.push({ kind: "influential", of: INFLUENTIAL[code] });
  if (LOWER_HE_SEA[code]) roles.push({ kind: "lower he-sea", organ: LOWER_HE_SEA[code] });
  return roles;
}

/**
 * Low back pain and sciatica relevance. A point counts when its indication
 * terms name the low back (or sciatica / pain or numbness of the leg), or when
 * clinical-facts.md §9 lists it among points often used for low back pain
 * (Cherkin 2009 protocol; Park 2024 review).
 */
// Only terms that name the low back: TARA's plain "pain in the back" and "backache" also cover the upper back.
const LBP_TERMS = /lower back|low back|lumbar|lumbago|lumbosacral|loin/;
const SCIATICA_TERMS = /sciatic|pain in the (lower extremities|leg|lower leg|lateral aspect of the lower extremities)|numbness of the (lower extremities|leg)/;
const OFTEN_USED_FOR_LBP = new Set(["BL23", "BL25", "BL40", "BL60", "GV3", "GV4", "GB30", "KI3", "EX-B2", "EX-UE7", "EX-B7", "EX-B8"]);

function splitTerms(text: string): string[] {
  return [...new Set(text.toLowerCase().split(/[,;]/).map((t) => t.trim().replace(/\.$/, "")).filter((t) => t.length > 1))];
}

function nervesByPoint(): Map<string, string[]> {
  const map = new Map<string, string[]>();
  let current = "";
  for (const row of readTable("acupoints-nerves.csv")) {
    current = row["Acupoint"] || current;
    const nerve = (row["Identified Nerve Location"] ?? "").replace(/\s+/g, " ").trim().toLowerCase();
    if (!nerve) continue;
    const code = taraCode(current);
    if (!code) continue;
    const list = map.get(code.code) ?? [];
    if (!list.includes(nerve)) list.push(nerve);
    map.set(code.code, list);
  }
  return map;
}

function taraCode(raw: string): { code: string; meridian: MeridianCode; number: number; variant: string | null } | null {
  const match = /^([A-Za-z]{2}) (\d+)(?: ([MF]))?$/.exec(raw.trim());
  if (!match) return null;
  const prefix = match[1]!.toUpperCase();
  const meridian = (TARA_PREFIX[prefix] ?? prefix) as MeridianCode;
  const number = Number(match[2]);
  return { code: `${meridian}${number}`, meridian, number, variant: match[3] ?? null };
}

function channelAliases(meridian: MeridianCode, number: number): string[] {
  const aliases = new Set<string>();
  for (const prefix of ALIAS_PREFIXES[meridian]) aliases.add(`${prefix} ${number}`);
  aliases.add(`${meridian} ${number}`);
  aliases.add(`${meridian}-${number}`);
  return [...aliases];
}

/**
 * Corrections to the TARA rows, each checked against the WHO 2008 standard
 * names: the build refuses names whose characters and pinyin disagree, and
 * these are the disagreements it found.
 */
const CORRECTIONS: Record<string, { hanzi?: string; pinyin?: string; alias?: string; depthCun?: { min: number; max: number }; why: string }> = {
  BL32: { pinyin: "Ciliao", why: "TARA spells Chiliao; 次 is cì" },
  KI23: { pinyin: "Shenfeng", why: "TARA spells Shengfeng; 神 is shén" },
  KI25: { hanzi: "神藏", why: "TARA has the Japanese form 蔵" },
  TE11: { hanzi: "清冷淵", why: "TARA has 令 for 冷 (Qinglengyuan)" },
  CV17: { pinyin: "Danzhong", alias: "Tanzhong", why: "WHO 2008 reads 膻 as dàn; Tanzhong is an older reading" },
  // The build refuses a depth range that runs backwards. Without a printed CAM to hand, keep the shallower reading of TARA's own numbers.
  GV1: { depthCun: { min: 0.1, max: 0.5 }, why: "TARA reads 0.5-0.1 cun, a range that runs backwards; to be checked in a printed CAM" },
};

/**
 * TARA's figure, corrected where the table above says so. A depth range that
 * runs backwards, or deeper than any point is needled (3 cun), is a misreading
 * of the text and is refused: the safety check trusts these numbers.
 */
function taraNeedling(code: string, method: string): Needling {
  const needling = needlingOf(method);
  const depthCun = CORRECTIONS[code]?.depthCun ?? needling.depthCun;
  if (depthCun && !(depthCun.min > 0 && depthCun.min <= depthCun.max && depthCun.max <= 3)) {
    throw new Error(`depth ${depthCun.min}-${depthCun.max} cun read from "${method}" is not a plausible range`);
  }
  return { ...needling, depthCun };
}

function buildChannelPoints(): AcupointFacts[] {
  const roleLabels = new Map<string, string[]>();
  for (const row of readTable("special-points-association.csv")) {
    const code = taraCode(row["Acupoint"] ?? "");
    if (code) roleLabels.set(code.code, [row["Special-Point-1"], row["Special-Point-2"], row["Special-Point-3"]].filter((x): x is string => !!x));
  }
  const nerves = nervesByPoint();
  const points: AcupointFacts[] = [];
  for (const row of readTable("acupoints.csv")) {
    const parsed = taraCode(row["Acupoint"] ?? "");
    // M/F rows are sex-specific location variants of a point that also has its own row.
    if (!parsed || parsed.variant) continue;
    const { code, meridian, number } = parsed;
    const correction = CORRECTIONS[code];
    const hanzi = hanziForms(correction?.hanzi ?? row["Chinese Label"] ?? "");
    // "Hegu, Hoku": the pinyin name, then older romanisations kept as aliases.
    const [plainName = "", ...romanisations] = (row["Pinyin Label"] ?? "").split(",").map((s) => s.trim());
    if (correction?.alias) romanisations.push(correction.alias);
    const plain = correction?.pinyin ?? plainName.replace(/\s+/g, "");
    const indications = splitTerms(row["Indications"] ?? "");
    const former = meridian === "BL" ? formerBladderNumber(number) : null;
    // TARA's synonyms are alias codes ("UB 23", "Bladder 23"); keep those that carry
    // this point's own number (its ST 15 row also says "Stomach 1", which is ST1).
    const synonyms = (row["Synonym"] ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter((s) => !/point/i.test(s) && Number(/(\d+)\s*$/.exec(s)?.[1]) === number);
    points.push({
      code,
      meridian,
      number,
      pinyin: checked(code, () => tonedPinyin(hanzi.traditional, plain), plain),
      pinyinPlain: plain,
      hanzi,
      aliases: [...new Set([...channelAliases(meridian, number), ...synonyms, ...romanisations])].filter((a) => a.replace(/\W/g, "") !== code),
      formerCodes: former ? [`BL${former}`] : [],
      region: checked(code, () => regionOf(row["WHO Location"] || row["Location"] || "", code), "head"),
      needling: checked(code, () => taraNeedling(code, row["Acupuncture Method"] ?? ""), needlingOf("")),
      roles: rolesOf(code, meridian, roleLabels.get(code) ?? []),
      nerves: [...new Set([...(nerves.get(code) ?? []), ...structureNames(row["Innervation"] ?? "", "nerve")])],
      vessels: structureNames(row["Vasculature"] ?? "", "vessel"),
      indications,
      lowBackPain: OFTEN_USED_FOR_LBP.has(code) || indications.some((t) => LBP_TERMS.test(t)),
      commonForLowBackPain: OFTEN_USED_FOR_LBP.has(code),
      sciatica: indications.some((t) => SCIATICA_TERMS.test(t)),
      sources: [WHO_SOURCE, TARA_SOURCE],
    });
  }
  return points;
}

/** Extra points: WHO EX codes where TARA lists one, else the older M-/N- code it gives. */
function buildExtraPoints(channel: AcupointFacts[]): AcupointFacts[] {
  const extras: AcupointFacts[] = [];
  for (const row of readTable("extra-acupoints.csv")) {
    const synonyms = (row["Synonym"] ?? "").split(",").map((s) => s.trim()).filter(Boolean);
    const ex = synonyms.find((s) => /^EX-[A-Z]+ ?\d+$/.test(s));
    const older = synonyms.find((s) => /^[MN]-[A-Z]+ ?\d+[a-z]?$/.test(s));
    const code = (ex ?? older ?? "").replace(/ /g, "");
    if (!code) throw new Error(`No code for extra point ${row["Acupoint"]}`);
    const plain = (row["Pinyin Label"] || row["Acupoint"] || "").replace(/\s+/g, "");
    const names = EXTRA_HANZI[code];
    if (!names) throw new Error(`No characters recorded for ${code} ${plain}`);
    const hanzi = hanziForms(names.hanzi);
    const aliases = [...new Set([...synonyms.filter((s) => s.replace(/ /g, "") !== code), row["Acupoint"] ?? "", ...(names.aliases ?? [])])].filter(Boolean);
    const indications = splitTerms(row["Indications"] ?? "");
    const facts: AcupointFacts = {
      code,
      meridian: null,
      number: null,
      pinyin: checked(code, () => tonedPinyin(hanzi.traditional, names.pinyin ?? plain), plain),
      pinyinPlain: names.pinyin ?? plain,
      hanzi,
      aliases,
      formerCodes: [],
      region: names.region,
      needling: checked(code, () => taraNeedling(code, row["Acupuncture Method"] ?? ""), needlingOf("")),
      roles: [],
      nerves: structureNames(row["Innervation"] ?? "", "nerve"),
      vessels: structureNames(row["Vasculature"] ?? "", "vessel"),
      indications,
      lowBackPain: OFTEN_USED_FOR_LBP.has(code) || indications.some((t) => LBP_TERMS.test(t)),
      commonForLowBackPain: OFTEN_USED_FOR_LBP.has(code),
      sciatica: indications.some((t) => SCIATICA_TERMS.test(t)),
      sources: [TARA_SOURCE, "Characters: WHO 2008 / standard Chinese texts, checked against the pinyin"],
    };
    if (code === "EX-HN3") {
      // WHO 2008 moved Yintang onto the Governor Vessel as GV29: one point, both codes.
      const gv29 = channel.find((p) => p.code === "GV29");
      if (gv29) {
        gv29.aliases.push("EX-HN3", "EX-HN 3", "Yintang");
        continue;
      }
      extras.push({ ...facts, code: "GV29", meridian: "GV", number: 29, aliases: [...aliases, "EX-HN3", "EX-HN 3", "Du 29", "GV 29"], region: "face", sources: [...facts.sources, WHO_SOURCE] });
      continue;
    }
    if (code === "EX-B2") {
      extras.push({ ...facts, aliases: [...aliases, "Jiaji", "Hua Tuo Jia Ji"] });
      for (const level of HUATUO_LEVELS) {
        extras.push({
          ...facts,
          code: `EX-B2-${level}`,
          aliases: [`Jiaji ${level}`, `Huatuojiaji ${level}`, `EX-B2 ${level}`],
          region: level.startsWith("L") ? "lower back" : "upper back",
          // Only the lumbar pairs belong to the low back.
          lowBackPain: level.startsWith("L"),
          commonForLowBackPain: level.startsWith("L"),
          group: { code: "EX-B2", level },
        });
      }
      continue;
    }
    extras.push(facts);
  }
  return extras;
}

/** Huatuojiaji: 17 pairs, beside the lower border of each spinous process from T1 to L5 (WHO 2008 EX-B2). */
export const HUATUO_LEVELS = [
  ...Array.from({ length: 12 }, (_, i) => `T${i + 1}`),
  ...Array.from({ length: 5 }, (_, i) => `L${i + 1}`),
];

/**
 * Characters and regions of the extra points (TARA's extra-point file gives
 * pinyin only). Characters as in the WHO 2008 standard and common Chinese texts.
 */
const EXTRA_HANZI: Record<string, { hanzi: string; region: BodyRegion; pinyin?: string; aliases?: string[] }> = {
  "EX-HN5": { hanzi: "太陽", region: "head" },
  "EX-HN3": { hanzi: "印堂", region: "face" },
  "M-HN21": { hanzi: "上廉泉", region: "neck" },
  "EX-HN6": { hanzi: "耳尖", region: "face" },
  "EX-HN4": { hanzi: "魚腰", region: "face" },
  "EX-HN1": { hanzi: "四神聰", region: "head" },
  "EX-HN7": { hanzi: "球後", region: "face" },
  "M-HN18": { hanzi: "夾承漿", region: "face" },
  "EX-HN12": { hanzi: "金津", region: "face", pinyin: "Jinjin" }, // TARA spells Jinjing
  "EX-HN13": { hanzi: "玉液", region: "face" },
  "M-HN14": { hanzi: "鼻通", region: "face" },
  "N-HN20": { hanzi: "牽正", region: "face" },
  "EX-HN14": { hanzi: "翳明", region: "neck" },
  "N-HN54": { hanzi: "安眠", region: "neck" },
  "EX-B1": { hanzi: "定喘", region: "upper back" },
  "EX-B2": { hanzi: "華佗夾脊", region: "lower back" },
  "EX-HN15": { hanzi: "百勞", region: "neck" },
  "EX-B3": { hanzi: "胃脘下俞", region: "upper back", pinyin: "Weiwanxiashu" },
  "EX-B8": { hanzi: "十七椎", region: "lower back" },
  "EX-B9": { hanzi: "腰奇", region: "sacrum" },
  "EX-B4": { hanzi: "痞根", region: "lower back" },
  "EX-B7": { hanzi: "腰眼", region: "lower back" },
  "EX-CA1": { hanzi: "子宮", region: "abdomen", pinyin: "Zigong" },
  "M-UE48": { hanzi: "肩前", region: "shoulder" },
  "EX-UE11": { hanzi: "十宣", region: "hand" },
  "EX-UE10": { hanzi: "四縫", region: "hand" },
  "EX-UE4": { hanzi: "中魁", region: "hand" },
  "EX-UE9": { hanzi: "八邪", region: "hand" },
  "M-UE24": { hanzi: "落枕", region: "hand" },
  "EX-UE7": { hanzi: "腰痛點", region: "hand", pinyin: "Yaotongdian", aliases: ["Yaotongdian", "Yaotongxue"] },
  "EX-UE3": { hanzi: "中泉", region: "forearm" },
  "EX-UE2": { hanzi: "二白", region: "forearm" },
  "M-UE30": { hanzi: "臂中", region: "forearm" },
  "EX-UE1": { hanzi: "肘尖", region: "upper arm" },
  "M-BW34": { hanzi: "環中", region: "hips/buttocks" },
  "M-LE34": { hanzi: "百蟲窩", region: "thigh" },
  "EX-LE5": { hanzi: "膝眼", region: "knee" },
  "EX-LE4": { hanzi: "內膝眼", region: "knee", pinyin: "Neixiyan", aliases: ["Neixiyan"] },
  "M-LE26": { hanzi: "外膝眼", region: "knee", pinyin: "Waixiyan", aliases: ["Waixiyan"] },
  "EX-LE7": { hanzi: "闌尾", region: "leg", pinyin: "Lanwei" },
  "EX-LE2": { hanzi: "鶴頂", region: "knee" },
  "EX-LE6": { hanzi: "膽囊", region: "leg", pinyin: "Dannang" },
  "EX-LE10": { hanzi: "八風", region: "foot" },
};

const problems: string[] = [];
/** Collects build problems so one run reports all of them. */
function checked<T>(what: string, make: () => T, fallback: T): T {
  try {
    return make();
  } catch (error) {
    problems.push(`${what}: ${(error as Error).message}`);
    return fallback;
  }
}

const channel = buildChannelPoints();
const extras = buildExtraPoints(channel);
const points = checked("needling supplement", () => applySupplement([...channel, ...extras]), []);
if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
writeFileSync(join(OUT, "points.json"), JSON.stringify(points, null, 1) + "\n");
writeFileSync(join(OUT, "meridians.json"), JSON.stringify(MERIDIANS(points), null, 1) + "\n");
console.log(`Wrote ${channel.length} channel points and ${extras.length} extra-point records to ${OUT}`);
