/**
 * Joins the needling supplement (shared/reference/needling) onto the points
 * built from TARA: needling figures for the points TARA leaves blank, and the
 * crossing (jiaohui) points with the channels that meet there.
 *
 * The safety check trusts these figures, so the join refuses rather than
 * guesses: a code the atlas does not know, a second figure for a point, a row
 * with neither a figure nor a reason not to needle, an unknown channel name.
 * Every problem in the files is reported at once.
 */
import { join } from "node:path";
import {
  EXTRAORDINARY_VESSELS,
  MERIDIAN_CODES,
  type AcupointFacts,
  type CrossingChannel,
  type NeedleAngle,
  type Needling,
  type NeedlingNote,
  type NeedlingSource,
} from "../../domain/points/types.ts";
import { hasGuidance, notesOf, restrictionOf } from "./needling.ts";
import { readTable } from "./tara.ts";

export const NEEDLING_DIR = process.env.NEEDLING_DIR ?? join(import.meta.dirname, "..", "..", "..", "shared", "reference", "needling");
export const NEEDLING_FILE = "needling-supplement.csv";
export const CROSSING_FILE = "crossing-points.csv";

const NEEDLING_SUPPLEMENT_SOURCE = "Needling supplement (shared/reference/needling): CAM 1999 figures TARA leaves blank";
const CROSSING_SOURCES = {
  cam: "Crossing point: CAM 1999's table after the Zhenjiu Jiayi Jing, via the needling supplement",
  other: "Crossing point: Deadman et al. 2007, via the needling supplement",
};

type Row = Record<string, string>;

export class SupplementRefused extends Error {
  constructor(
    file: string,
    readonly problems: string[],
  ) {
    super(`${file} refused:\n  ${problems.join("\n  ")}`);
    this.name = "SupplementRefused";
  }
}

const ANGLES: readonly NeedleAngle[] = ["perpendicular", "oblique", "transverse"];
const CHANNELS: readonly string[] = [...MERIDIAN_CODES, ...EXTRAORDINARY_VESSELS];

function missingColumns(rows: Row[], columns: string[]): string[] {
  const first = rows[0];
  if (!first) return ["no rows"];
  return columns.filter((column) => !(column in first)).map((column) => `no column "${column}"`);
}

/** Each code once, and only codes the atlas has (WHO codes exactly: an alias could name the wrong point). */
function rowsByKnownCode(rows: Row[], known: Set<string>, problems: string[]): Map<string, Row> {
  const byCode = new Map<string, Row>();
  for (const row of rows) {
    const code = row["code"] ?? "";
    if (!known.has(code)) problems.push(`${code || "(empty code)"}: no such point in the atlas`);
    else if (byCode.has(code)) problems.push(`${code}: more than one row`);
    else byCode.set(code, row);
  }
  return byCode;
}

/** "CAM 1999 where legible; Deadman 2007 for the missing figure" → CAM 1999, second source Deadman 2007. */
function sourceOf(row: Row, problems: string[]): NeedlingSource {
  const code = row["code"];
  const text = row["source"] ?? "";
  const checked = row["checked"];
  if (checked === "CAM") return { from: "supplement", citation: text, checked: "CAM" };
  if (checked === "second-source") {
    const [main = "", second = ""] = text.split(";").map((part) => part.trim());
    const secondSource = second.replace(/\s+for the missing figure$/, "");
    if (!secondSource) problems.push(`${code}: checked = second-source but the source names no second source`);
    return { from: "supplement", citation: main.replace(/\s+where legible$/, ""), checked: "second-source", secondSource };
  }
  problems.push(`${code}: checked is "${checked}", expected CAM or second-source`);
  return { from: "supplement", citation: text, checked: null };
}

function needlingOfRow(row: Row, problems: string[]): Needling {
  const code = row["code"];
  const note = row["note"] ?? "";
  const angleText = row["angle"] ?? "";
  const [minText = "", maxText = ""] = [row["depth_cun_min"], row["depth_cun_max"]];
  const source = sourceOf(row, problems);
  if (!source.citation) problems.push(`${code}: no source`);
  const notes = notesOf(note);
  if (!angleText && !minText && !maxText) {
    const restriction = restrictionOf(note);
    if (!restriction) problems.push(`${code}: no needling figure, and the note gives no reason not to needle ("${note}")`);
    const flags: NeedlingNote[] = notes.includes("not-needled") ? notes : [...notes, "not-needled"];
    return { angle: null, depthCun: null, notes: flags, restriction, source };
  }
  const angle = ANGLES.find((a) => a === angleText) ?? null;
  if (!angle) problems.push(`${code}: angle "${angleText}" is not perpendicular, oblique or transverse`);
  const [min, max] = [Number(minText), Number(maxText)];
  if (!minText || !maxText || !(min > 0) || !(max >= min)) problems.push(`${code}: depth ${minText || "?"}–${maxText || "?"} cun is not a range`);
  // The note repeats the figure as read; a note that disagrees with the columns is a typing error somewhere.
  const stated = /(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?) cun/.exec(note);
  if (stated && (Number(stated[1]) !== min || Number(stated[2]) !== max)) problems.push(`${code}: the note says ${stated[0]} but the columns say ${min}-${max} cun`);
  const restriction = restrictionOf(note);
  if (restriction === "landmark-only" || restriction === "not-needled") problems.push(`${code}: a needling figure, but the note says ${restriction}`);
  return { angle, depthCun: { min, max }, notes, restriction: null, source };
}

const sameFigure = (a: Needling, b: Needling) =>
  a.angle === b.angle && a.depthCun?.min === b.depthCun?.min && a.depthCun?.max === b.depthCun?.max && a.restriction === b.restriction;

const figureText = (n: Needling) =>
  n.restriction ?? `${n.angle ?? "no angle"} ${n.depthCun ? `${n.depthCun.min}-${n.depthCun.max} cun` : "no depth"}`;

/**
 * Fills the needling of the points TARA leaves blank from the supplement's rows.
 * A point TARA already gives a figure keeps it when the supplement agrees and is
 * refused when it differs. Afterwards every point must have guidance.
 */
export function joinNeedling(points: readonly AcupointFacts[], rows: Row[]): AcupointFacts[] {
  const problems = missingColumns(rows, ["code", "angle", "depth_cun_min", "depth_cun_max", "note", "source", "checked"]);
  if (problems.length > 0) throw new SupplementRefused(NEEDLING_FILE, problems);
  const byCode = rowsByKnownCode(rows, new Set(points.map((p) => p.code)), problems);
  const joined = points.map((point) => {
    const row = byCode.get(point.code);
    if (!row) return point;
    const needling = needlingOfRow(row, problems);
    const tara = point.needling;
    if (hasGuidance(tara) || tara.angle) {
      if (!sameFigure(tara, needling)) problems.push(`${point.code}: TARA gives ${figureText(tara)}, the supplement ${figureText(needling)}`);
      return point;
    }
    return { ...point, needling, sources: [...point.sources, NEEDLING_SUPPLEMENT_SOURCE] };
  });
  const without = joined.filter((point) => !hasGuidance(point.needling)).map((point) => point.code);
  if (without.length > 0) problems.push(`no needling figure or reason not to needle for ${without.join(", ")}`);
  if (problems.length > 0) throw new SupplementRefused(NEEDLING_FILE, problems);
  return joined;
}

/** Adds the crossing role, with the channels that meet there, to each point the crossing table lists. */
export function joinCrossings(points: readonly AcupointFacts[], rows: Row[]): AcupointFacts[] {
  const problems = missingColumns(rows, ["code", "in_cam_table", "channels_joined"]);
  if (problems.length > 0) throw new SupplementRefused(CROSSING_FILE, problems);
  const byCode = rowsByKnownCode(rows, new Set(points.map((p) => p.code)), problems);
  const joined = points.map((point) => {
    const row = byCode.get(point.code);
    if (!row) return point;
    const inCam = row["in_cam_table"];
    if (inCam !== "yes" && inCam !== "no") problems.push(`${point.code}: in_cam_table is "${inCam}", expected yes or no`);
    const channels = (row["channels_joined"] ?? "").split(/\s+/).filter(Boolean);
    for (const name of channels) if (!CHANNELS.includes(name)) problems.push(`${point.code}: unknown channel "${name}"`);
    if (new Set(channels).size !== channels.length) problems.push(`${point.code}: a channel listed twice`);
    if (point.roles.some((role) => role.kind === "crossing")) problems.push(`${point.code}: already a crossing point`);
    return {
      ...point,
      roles: [...point.roles, { kind: "crossing" as const, channels: channels as CrossingChannel[], inCamTable: inCam === "yes" }],
      sources: [...point.sources, inCam === "yes" ? CROSSING_SOURCES.cam : CROSSING_SOURCES.other],
    };
  });
  if (problems.length > 0) throw new SupplementRefused(CROSSING_FILE, problems);
  return joined;
}

/** Both joins, from the supplement's folder (the read-only shared/reference/needling beside the clone by default). */
export function applySupplement(points: readonly AcupointFacts[], dir: string = NEEDLING_DIR): AcupointFacts[] {
  return joinCrossings(joinNeedling(points, readTable(NEEDLING_FILE, dir)), readTable(CROSSING_FILE, dir));
}
