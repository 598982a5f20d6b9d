/**
 * The keyboard point bar: "bl23 b", "ub-40 bilateral", "weizhong l",
 * "ashi lumbar r", several at once separated by commas or semicolons. Points
 * are found with the atlas's forgiving search (any code form, pinyin, English
 * name); the last word may name the side. Midline points (GV, CV) are always
 * midline; other points default to both sides.
 */
import type { Atlas } from "../points/atlas.ts";
import type { PointSearch } from "../points/search.ts";
import { BODY_REGIONS, type BodyRegion } from "../points/types.ts";
import type { Side } from "./treatment.ts";

export type PointBarEntry =
  | { ok: true; point: string | null; ashiRegion: BodyRegion | null; side: Side; text: string }
  | { ok: false; text: string; message: string };

const SIDE_WORDS: Record<string, Side> = {
  l: "left",
  lt: "left",
  left: "left",
  r: "right",
  rt: "right",
  right: "right",
  b: "bilateral",
  bi: "bilateral",
  bil: "bilateral",
  bilat: "bilateral",
  bilateral: "bilateral",
  both: "bilateral",
  m: "midline",
  mid: "midline",
  midline: "midline",
};

/** Words for where an ashi point is, mapped onto the atlas's regions. */
const ASHI_REGIONS: Record<string, BodyRegion> = {
  lumbar: "lower back",
  "low back": "lower back",
  back: "lower back",
  sacral: "sacrum",
  sacrum: "sacrum",
  si: "sacrum",
  gluteal: "hips/buttocks",
  buttock: "hips/buttocks",
  hip: "hips/buttocks",
  thoracic: "upper back",
  "upper back": "upper back",
  thigh: "thigh",
  hamstring: "thigh",
  calf: "leg",
  leg: "leg",
  neck: "neck",
  shoulder: "shoulder",
};

function ashiRegion(words: string): BodyRegion | null {
  if (words === "") return "lower back";
  return ASHI_REGIONS[words] ?? ((BODY_REGIONS as readonly string[]).includes(words) ? (words as BodyRegion) : null);
}

export function parsePointBar(input: string, atlas: Atlas, search: PointSearch): PointBarEntry[] {
  return input
    .split(/[,;]+/)
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map((text) => parseEntry(text, atlas, search));
}

function parseEntry(text: string, atlas: Atlas, search: PointSearch): PointBarEntry {
  const words = text.toLowerCase().split(/\s+/);
  const last = words[words.length - 1]!;
  const namedSide = words.length > 1 ? SIDE_WORDS[last] : undefined;
  const body = (namedSide ? words.slice(0, -1) : words).join(" ");
  if (/^(ashi|a-shi|ah shi)\b/.test(body)) {
    const region = ashiRegion(body.replace(/^(ashi|a-shi|ah shi)\s*/, ""));
    if (!region) return { ok: false, text, message: `"${text}": name the ashi point's region (e.g. "ashi lumbar l").` };
    return { ok: true, point: null, ashiRegion: region, side: namedSide ?? "bilateral", text };
  }
  const point = atlas.resolve(body) ?? search.search(body, { limit: 1 })[0]?.point ?? null;
  if (!point) return { ok: false, text, message: `"${text}": no point found.` };
  const midline = point.meridian === "GV" || point.meridian === "CV";
  if (midline && namedSide && namedSide !== "midline") {
    return { ok: false, text, message: `"${text}": ${point.code} is on the midline; it has no left or right.` };
  }
  if (!midline && namedSide === "midline") {
    return { ok: false, text, message: `"${text}": ${point.code} is not on the midline; say l, r or b.` };
  }
  return { ok: true, point: point.code, ashiRegion: null, side: midline ? "midline" : (namedSide ?? "bilateral"), text };
}
