/**
 * Forgiving, ranked point search, pure and fast enough to run on every
 * keystroke in the browser. One box takes whatever a person knows: a code in
 * any alias form ("ub 23", "bl-23", "Bladder 23"), pinyin with or without tones
 * and spaces ("shenshu", "Shèn Shū"), characters (肾俞 or 腎俞), the English
 * name, a region ("back of the knee"), an indication ("sciatica") or a role
 * ("crossing points of GB").
 */
import type { Acupoint, Atlas } from "./atlas.ts";
import { codeKey, hanziKey, hasHanzi, pinyinKey, words } from "./normalize.ts";
import { BODY_REGIONS, MERIDIAN_CODES, type BodyRegion, type MeridianCode, type SpecialRole } from "./types.ts";

export type MatchKind = "code" | "former code" | "characters" | "pinyin" | "english" | "region" | "indication" | "role";

export interface PointHit {
  point: Acupoint;
  score: number;
  matched: MatchKind;
}

export interface PointFilter {
  meridian?: MeridianCode | undefined;
  region?: BodyRegion | undefined;
  role?: SpecialRole["kind"] | undefined;
  lowBackPain?: boolean | undefined;
}

/** Other words people use for the regions. */
const REGION_WORDS: Record<string, BodyRegion> = {
  "low back": "lower back",
  lumbar: "lower back",
  "lower back": "lower back",
  back: "lower back",
  "back of knee": "back of the knee",
  "back of the knee": "back of the knee",
  popliteal: "back of the knee",
  "knee pit": "back of the knee",
  hip: "hips/buttocks",
  hips: "hips/buttocks",
  buttock: "hips/buttocks",
  buttocks: "hips/buttocks",
  gluteal: "hips/buttocks",
  sacral: "sacrum",
  "lower leg": "leg",
  calf: "leg",
  ankle: "foot",
  toe: "foot",
  toes: "foot",
  finger: "hand",
  fingers: "hand",
  wrist: "forearm",
  elbow: "upper arm",
  arm: "upper arm",
  scalp: "head",
  temple: "head",
  belly: "abdomen",
  thorax: "chest",
};

/**
 * "crossing", "crossing points", "intersection points", "jiaohui", optionally
 * with a channel: "crossing points of GB" finds those where GB meets others.
 */
const CROSSING_QUERY = /^(?:crossing|intersection|jiaohui)(?: points?)?(?:\s+(?:of\s+)?([a-z]{2}))?$/;

function crossingQuery(text: string): { channel: MeridianCode | null } | null {
  const match = CROSSING_QUERY.exec(text);
  if (!match) return null;
  const channel = match[1]?.toUpperCase();
  if (channel === undefined) return { channel: null };
  return (MERIDIAN_CODES as readonly string[]).includes(channel) ? { channel: channel as MeridianCode } : null;
}

interface IndexedPoint {
  point: Acupoint;
  order: number;
  pinyin: string;
  hanzi: string[];
  english: string;
  englishWords: Set<string>;
  indications: string[];
  /** The indication terms joined, so a substring test is one call, not one per term. */
  indicationText: string;
  formerCodes: string[];
}

export interface PointSearch {
  search(query: string, options?: { limit?: number; filter?: PointFilter }): PointHit[];
  filter(filter: PointFilter): Acupoint[];
}

export function createPointSearch(atlas: Atlas): PointSearch {
  const indexed: IndexedPoint[] = atlas.points.map((point, order) => ({
    point,
    order,
    pinyin: pinyinKey(point.pinyinPlain),
    hanzi: [hanziKey(point.hanzi.traditional), hanziKey(point.hanzi.simplified)],
    english: point.english.toLowerCase(),
    englishWords: new Set(words(point.english)),
    indications: point.indications,
    indicationText: point.indications.join("|"),
    formerCodes: point.formerCodes.map(codeKey),
  }));

  const matchesFilter = (point: Acupoint, filter: PointFilter = {}) =>
    (!filter.meridian || point.meridian === filter.meridian) &&
    (!filter.region || point.region === filter.region) &&
    (!filter.role || point.roles.some((role) => role.kind === filter.role)) &&
    (filter.lowBackPain === undefined || point.lowBackPain === filter.lowBackPain);

  /** Everything derived from the query, computed once per search rather than once per point. */
  interface Query {
    text: string;
    hanzi: string | null;
    former: string;
    pinyin: string;
    words: string[];
    region: BodyRegion | undefined;
    lowBackPain: boolean;
    crossing: { channel: MeridianCode | null } | null;
    exact: Acupoint | null;
  }

  function prepare(query: string): Query {
    const text = query.trim().toLowerCase();
    return {
      text,
      hanzi: hasHanzi(query) ? hanziKey(query) : null,
      former: /\b(old|former)\b/.test(text) ? codeKey(text.replace(/\b(old|former|numbering)\b/g, "")) : "",
      pinyin: pinyinKey(query),
      words: words(text),
      region: REGION_WORDS[text] ?? (BODY_REGIONS as readonly string[]).find((r) => r === text) as BodyRegion | undefined,
      lowBackPain: text === "low back pain" || text === "back pain" || text === "lumbago",
      crossing: crossingQuery(text.replace(/\s+/g, " ")),
      exact: atlas.resolve(query),
    };
  }

  function score(entry: IndexedPoint, q: Query): [number, MatchKind] | null {
    const { point } = entry;
    if (q.exact === point) return [1000, "code"];
    if (q.hanzi !== null) {
      if (entry.hanzi.includes(q.hanzi)) return [950, "characters"];
      if (entry.hanzi.some((h) => h.includes(q.hanzi!))) return [600, "characters"];
      return null;
    }
    if (q.former && entry.formerCodes.includes(q.former)) return [900, "former code"];
    if (q.pinyin.length >= 2) {
      if (entry.pinyin === q.pinyin) return [900, "pinyin"];
      if (q.pinyin.length >= 3 && entry.pinyin.startsWith(q.pinyin)) return [700 + q.pinyin.length, "pinyin"];
    }
    if (entry.english === q.text) return [850, "english"];
    if (q.crossing) {
      const { channel } = q.crossing;
      const crossing = point.roles.some(
        (role) => role.kind === "crossing" && (!channel || point.meridian === channel || role.channels.includes(channel)),
      );
      if (crossing) return [440, "role"];
    }
    if (q.region && point.region === q.region) return [450 + (point.lowBackPain ? 20 : 0), "region"];
    if (q.lowBackPain && point.lowBackPain) {
      return [430 + (point.commonForLowBackPain ? 30 : 0) + (point.region === "lower back" ? 10 : 0), "indication"];
    }
    if (q.text === "sciatica" && point.sciatica) return [430 + (entry.indications.includes("sciatica") ? 30 : 0), "indication"];
    if (q.text.length >= 4 && entry.indications.includes(q.text)) return [420, "indication"];
    if (q.words.length > 0 && q.words.every((w) => entry.englishWords.has(w))) return [500, "english"];
    if (q.text.length >= 4 && entry.indicationText.includes(q.text)) return [380, "indication"];
    if (q.pinyin.length >= 4 && entry.pinyin.includes(q.pinyin)) return [350, "pinyin"];
    return null;
  }

  return {
    search(query, { limit = 20, filter } = {}) {
      if (query.trim() === "") return [];
      const prepared = prepare(query);
      const hits: (PointHit & { order: number })[] = [];
      for (const entry of indexed) {
        if (!matchesFilter(entry.point, filter)) continue;
        const found = score(entry, prepared);
        if (found) hits.push({ point: entry.point, score: found[0], matched: found[1], order: entry.order });
      }
      hits.sort((a, b) => b.score - a.score || a.order - b.order);
      return hits.slice(0, limit).map(({ order: _order, ...hit }) => hit);
    },
    filter: (filter) => atlas.points.filter((point) => matchesFilter(point, filter)),
  };
}
