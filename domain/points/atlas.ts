/**
 * The atlas: every WHO channel point and extra point with its facts, English
 * name and location in Acuback's words, and its positions on the body maps.
 * Built once from the data files; looked up by code or any alias.
 */
import meridianData from "./content/meridians.json" with { type: "json" };
import pointData from "./content/points.json" with { type: "json" };
import { POINT_TEXT } from "./content/pointText.ts";
import { cautionsFor, type Caution } from "./cautions.ts";
import { codeKey } from "./normalize.ts";
import type { AcupointFacts, Meridian, MeridianCode } from "./types.ts";

export type { Meridian };

export interface Acupoint extends AcupointFacts {
  /** English name (our translation of the Chinese name). */
  english: string;
  /** Where to find it, in our own words. */
  location: string;
  cautions: Caution[];
}

export interface Atlas {
  points: readonly Acupoint[];
  meridians: readonly Meridian[];
  /** The point a code or alias names ("UB 23", "bl-23", "Bladder 23", "EX-HN3"), or null. */
  resolve(codeOrAlias: string): Acupoint | null;
  /** Points of a channel in WHO order. */
  channel(code: MeridianCode): Acupoint[];
  /**
   * Crossing points that concern a channel: its own points where other channels
   * meet it, and other channels' points that it passes through, in atlas order.
   */
  crossings(code: MeridianCode): Acupoint[];
}

export function buildAtlas(facts: readonly AcupointFacts[], meridians: readonly Meridian[]): Atlas {
  const points: Acupoint[] = facts.map((point) => {
    const text = POINT_TEXT[point.group?.code ?? point.code];
    return {
      ...point,
      english: point.group ? `${text?.english ?? ""}, ${point.group.level}` : (text?.english ?? ""),
      location: point.group
        ? `Back, 0.5 cun out from the back midline, level with the gap below the ${point.group.level} spinous process (one of the 17 Huatuojiaji pairs).`
        : (text?.location ?? ""),
      cautions: cautionsFor(point),
    };
  });
  const byKey = new Map<string, Acupoint>();
  for (const point of points) byKey.set(codeKey(point.code), point);
  // Aliases never override a code ("BL 54" is Zhibian; Weizhong's former number is not an alias).
  for (const point of points) {
    for (const alias of point.aliases) {
      const key = codeKey(alias);
      if (key && !byKey.has(key)) byKey.set(key, point);
    }
  }
  const byCode = new Map(points.map((p) => [p.code, p]));
  return {
    points,
    meridians,
    resolve: (text) => byKey.get(codeKey(text)) ?? null,
    channel: (code) => (meridians.find((m) => m.code === code)?.points ?? []).map((c) => byCode.get(c)!),
    crossings: (code) =>
      points.filter((point) =>
        point.roles.some((role) => role.kind === "crossing" && (point.meridian === code || role.channels.includes(code))),
      ),
  };
}

/** The atlas built from the shipped data files. */
export const ATLAS: Atlas = buildAtlas(pointData as AcupointFacts[], meridianData as Meridian[]);
