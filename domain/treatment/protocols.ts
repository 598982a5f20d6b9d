/**
 * The protocol library: point prescriptions for low back pain, each as a
 * named source used it. Nothing here is a prescription of our own: every
 * entry cites its trial, lists its points as the source lists them (resolved
 * to WHO codes through the atlas) and keeps any name the atlas cannot resolve
 * in `unresolved`, so nothing is silently dropped.
 *
 * Sources: clinical-facts.md §9 (Cherkin 2009), and every low-back-pain trial
 * in the TARA pain-related-articles table (shared/reference/tara, MIT,
 * copyright (c) 2024 smtifahim) that names its points: rows 67, 98, 182, 194,
 * 199, 257 and 397. Bibliographic data and points are facts from those rows;
 * notes are in our own words.
 */
import { ATLAS } from "../points/atlas.ts";
import type { BodyRegion } from "../points/types.ts";
import type { AcupunctureStyle, Manipulation, ModalityId } from "./modalities.ts";
import { emptyTreatment, newSite, type Side, type Treatment } from "./treatment.ts";

export interface ProtocolPoint {
  /** WHO code; null for an ashi point. */
  point: string | null;
  ashiRegion: BodyRegion | null;
  side: Side;
}

export interface ProtocolSource {
  citation: string;
  year: number;
  doi: string | null;
  /** The row's "ID#" in the TARA pain-related-articles table, when the entry comes from it. */
  taraArticleId: number | null;
}

export interface Protocol {
  /** Stable id, e.g. "cherkin-2009-standardised", "tara-67". */
  id: string;
  name: string;
  source: ProtocolSource;
  condition: string;
  modality: ModalityId;
  style: AcupunctureStyle | null;
  points: ProtocolPoint[];
  /** False when the source does not say on which side the points were needled (channel points are then listed as bilateral). */
  sidesAsStated: boolean;
  /** Point names the source gives that the atlas cannot resolve, as the source writes them. */
  unresolved: string[];
  parameters: {
    retentionMinutes?: number;
    manipulation?: Manipulation;
    deQi?: boolean;
    /** Total visits, where the source states it. */
    visits?: number;
    /** Visit frequency in the "2/week × 3 then 1/week × 4" form (× weeks), as far as the source gives it. */
    frequency?: string;
    estimHz?: number[];
  };
  /** What the trial compared and its size, in our words. */
  note: string;
}

interface Draft extends Omit<Protocol, "points" | "unresolved"> {
  /** Points as the source names them ("BL 23", "Huatuojiaji"); resolved through the atlas. */
  sourcePoints: string[];
  /** Ashi (tender) points the source uses, by region and side. */
  ashi?: { region: BodyRegion; side: Side };
}

/** GV and CV points lie on the midline; channel points are bilateral (as stated, or by default where the source is silent). */
function sideOf(code: string): Side {
  return code.startsWith("GV") || code.startsWith("CV") ? "midline" : "bilateral";
}

function build(draft: Draft): Protocol {
  const { sourcePoints, ashi, ...rest } = draft;
  const points: ProtocolPoint[] = [];
  const unresolved: string[] = [];
  for (const name of sourcePoints) {
    const point = ATLAS.resolve(name);
    if (point) points.push({ point: point.code, ashiRegion: null, side: sideOf(point.code) });
    else unresolved.push(name);
  }
  if (ashi) points.push({ point: null, ashiRegion: ashi.region, side: ashi.side });
  return { ...rest, points, unresolved };
}

const CHRONIC_LBP = "chronic low back pain";
const PREGNANCY_LBP = "low back and pelvic pain in pregnancy";

export const PROTOCOLS: readonly Protocol[] = [
  build({
    id: "cherkin-2009-standardised",
    name: "Cherkin 2009 standardised prescription",
    source: {
      citation:
        "Cherkin DC, Sherman KJ, Avins AL, et al. A randomized trial comparing acupuncture, simulated acupuncture, and usual care for chronic low back pain. Arch Intern Med. 2009;169(9):858-866.",
      year: 2009,
      doi: "10.1001/archinternmed.2009.65",
      taraArticleId: null,
    },
    condition: CHRONIC_LBP,
    modality: "manual",
    style: null,
    sourcePoints: ["BL23", "BL40", "KI3", "GV3"],
    // One tender point: one needle, on whichever side it is found. Side has no
    // "where found" value, so "midline" stands for a single needle here.
    ashi: { region: "lower back", side: "midline" },
    sidesAsStated: true,
    parameters: {
      retentionMinutes: 20,
      manipulation: "twirling",
      deQi: true,
      visits: 10,
      frequency: "2/week × 3 then 1/week × 4",
    },
    note: "The fixed-point arm of a four-arm trial in 638 adults (individualised, standardised and simulated acupuncture, and usual care); at 8 weeks the three needle arms improved by about the same amount, more than usual care.",
  }),
  build({
    id: "tara-67",
    name: "Points as used in Molsberger 2002",
    source: {
      citation:
        "Molsberger AF, Mau J, Pawelec DB, Winkler J. Does acupuncture improve the orthopedic management of chronic low back pain – a randomized, blinded, controlled trial with 3 months follow up. 2002.",
      year: 2002,
      doi: "10.1016/s0304-3959(02)00269-5",
      taraArticleId: 67,
    },
    condition: CHRONIC_LBP,
    modality: "manual",
    style: null,
    sourcePoints: ["BL 23", "BL 25", "GB 30"],
    sidesAsStated: false,
    parameters: { retentionMinutes: 30, deQi: true, visits: 12, frequency: "3/week" },
    note: "Germany, 186 patients: real acupuncture on top of conservative orthopaedic care, against shallow sham needling on top of it and against that care alone; needles 1 to 10 cm deep.",
  }),
  build({
    id: "tara-98",
    name: "Points as used in Wedenberg 2000",
    source: {
      citation:
        "Wedenberg K, Moen B, Norling Å. A prospective randomized study comparing acupuncture with physiotherapy for low-back and pelvic pain in pregnancy. 2000.",
      year: 2000,
      doi: "10.1034/j.1600-0412.2000.079005331.x",
      taraArticleId: 98,
    },
    condition: PREGNANCY_LBP,
    modality: "manual",
    style: null,
    // "Cw 2" is written so in the source; the ear point opened each visit.
    sourcePoints: ["BL 26", "BL 27", "BL 28", "BL 29", "BL 30", "BL 60", "Cw 2", "fossa triangularis (ear-acupuncture)"],
    ashi: { region: "lower back", side: "bilateral" },
    sidesAsStated: false,
    parameters: { deQi: true, visits: 10, frequency: "3/week × 2 then 2/week" },
    note: "Sweden, 60 pregnant women: acupuncture against physiotherapy; 2 to 10 needles a visit, starting with an ear point, tapped or turned to bring on de qi.",
  }),
  build({
    id: "tara-182",
    name: "Points as used in Guerreiro da Silva 2004",
    source: {
      citation:
        "Guerreiro da Silva JB, Nakamura MU, Cordeiro JA, Kulay L. Acupuncture for low back pain in pregnancy – a prospective, quasi-randomised, controlled study. 2004.",
      year: 2004,
      doi: "10.1136/aim.22.2.60",
      taraArticleId: 182,
    },
    condition: PREGNANCY_LBP,
    modality: "manual",
    style: "tcm",
    sourcePoints: ["KI 3", "SI 3", "BL 62", "BL 40", "TE 5", "GB 30", "GB 41", "Huatuojiaji"],
    sidesAsStated: false,
    parameters: { retentionMinutes: 25, deQi: true },
    note: "Brazil, 61 pregnant women, allocated quasi-randomly: classical-point acupuncture (about 12 needles a visit, no current) added to paracetamol and hyoscine, against those drugs alone.",
  }),
  build({
    id: "tara-194",
    name: "Points as used in Kerr 2003",
    source: {
      citation:
        "Kerr DP, Walsh DM, Baxter D. Acupuncture in the management of chronic low back pain: a blinded randomized controlled trial. The Clinical Journal of Pain. 2003.",
      year: 2003,
      doi: "10.1097/00002508-200311000-00004",
      taraArticleId: 194,
    },
    condition: CHRONIC_LBP,
    modality: "manual",
    style: null,
    sourcePoints: ["BL 23", "BL 25", "GB 30", "BL 40", "KI 3", "GV 4"],
    sidesAsStated: false,
    parameters: { retentionMinutes: 30, manipulation: "twirling", deQi: true, frequency: "1/week × 6" },
    note: "Northern Ireland, 60 patients: acupuncture against a switched-off TENS unit; needles turned at insertion and again at 10 and 20 minutes.",
  }),
  build({
    id: "tara-199",
    name: "Points as used in Kvorning 2004",
    source: {
      citation:
        "Kvorning N, Holmberg C, Grennert L, Åberg A, Åkeson J. Acupuncture relieves pelvic and low-back pain in late pregnancy. 2004.",
      year: 2004,
      doi: "10.1111/j.0001-6349.2004.0215.x",
      taraArticleId: 199,
    },
    condition: PREGNANCY_LBP,
    modality: "manual",
    style: null,
    sourcePoints: ["LR 3", "GV 20", "BL 60", "SI 3", "BL 22", "BL 23", "BL 24", "BL 25", "BL 26"],
    ashi: { region: "lower back", side: "bilateral" },
    sidesAsStated: false,
    parameters: { deQi: true, frequency: "2/week × 2 then up to 1/week" },
    note: "Sweden, 72 women in late pregnancy: acupuncture with local tender points, periosteal where possible, against no treatment.",
  }),
  build({
    id: "tara-257",
    name: "Points as used in Yeung 2003",
    source: {
      citation:
        "Yeung CKN, Leung MCP, Chow DHK. The use of electro-acupuncture in conjunction with exercise for the treatment of chronic low-back pain. Journal of Alternative and Complementary Medicine. 2003.",
      year: 2003,
      doi: "10.1089/107555303322284767",
      taraArticleId: 257,
    },
    condition: CHRONIC_LBP,
    modality: "electro",
    style: null,
    sourcePoints: ["BL 23", "BL 25", "BL 40", "SP 6"],
    sidesAsStated: false,
    parameters: { estimHz: [2] },
    note: "Hong Kong, 52 patients: a back exercise programme with 2 Hz biphasic electroacupuncture against the same programme alone.",
  }),
  build({
    id: "tara-397",
    name: "Points as used in Szczurko 2007",
    source: {
      citation:
        "Szczurko O, Cooley K, Busse JW, et al. Naturopathic care for chronic low back pain: a randomized trial. PLoS ONE. 2007.",
      year: 2007,
      doi: "10.1371/journal.pone.0000919",
      taraArticleId: 397,
    },
    condition: CHRONIC_LBP,
    modality: "manual",
    style: null,
    sourcePoints: ["GV 3", "GV 4", "BL 23", "BL 25", "BL 40"],
    sidesAsStated: true,
    parameters: { retentionMinutes: 20, deQi: true, frequency: "2/week × 12" },
    note: "Canada, 75 patients: acupuncture as one part of naturopathic care, against physiotherapy advice (a booklet and exercises); needles 0.5 cun deep.",
  }),
];

export function findProtocol(id: string): Protocol | null {
  return PROTOCOLS.find((protocol) => protocol.id === id) ?? null;
}

/**
 * A Treatment pre-filled from the protocol: its sites with their sides, and on
 * each site the retention and manipulation the source gives. De qi is left
 * unrecorded: the field says whether it was obtained at this visit, which no
 * protocol can know. E-stim leads are left to the chart (no source here names
 * its electrode pairs).
 */
export function treatmentFromProtocol(protocol: Protocol): Treatment {
  const treatment = emptyTreatment(protocol.modality);
  const { retentionMinutes, manipulation } = protocol.parameters;
  return {
    ...treatment,
    style: protocol.style ?? treatment.style,
    sites: protocol.points.map((p) => ({
      ...newSite(p.point, p.side, p.ashiRegion),
      retentionMinutes: retentionMinutes ?? null,
      manipulation: manipulation ?? null,
    })),
  };
}
