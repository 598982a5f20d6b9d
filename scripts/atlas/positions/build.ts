/**
 * Writes domain/points/content/positions.json: for every point, its positions on
 * each map view, normalised to 0–1 of the view's width and height.
 *   node --import tsx scripts/atlas/positions/build.ts
 * Fails when a point has no position or a position falls outside its view.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { VIEW_META } from "../../../domain/points/maps/viewIds.ts";
import type { Placement, ViewId } from "./frame.ts";
import { ARM_PLACEMENTS } from "./placeArm.ts";
import { BODY_PLACEMENTS } from "./placeBody.ts";
import { HEAD_PLACEMENTS } from "./placeHead.ts";

const DATA = join(import.meta.dirname, "..", "..", "..", "domain", "points", "content");
const codes: string[] = JSON.parse(readFileSync(join(DATA, "points.json"), "utf8")).map((p: { code: string }) => p.code);

const all: Record<string, Placement[]> = {};
for (const table of [ARM_PLACEMENTS, HEAD_PLACEMENTS, BODY_PLACEMENTS]) {
  for (const [code, placements] of Object.entries(table)) (all[code] ??= []).push(...placements);
}

const problems: string[] = [];
for (const code of Object.keys(all)) if (!codes.includes(code)) problems.push(`${code}: placed but not in the atlas`);
const positions: Record<string, Partial<Record<ViewId, [number, number][]>>> = {};
for (const code of codes) {
  const placements = all[code];
  if (!placements?.length) {
    problems.push(`${code}: no position on any view`);
    continue;
  }
  const byView: Partial<Record<ViewId, [number, number][]>> = {};
  for (const placement of placements) {
    const views: [ViewId, (x: number) => number][] = [[placement.view, (x) => x]];
    // The right side view is the mirror of the left.
    if (placement.view === "left") views.push(["right", (x) => 100 - x]);
    for (const [view, mapX] of views) {
      const { width, height } = VIEW_META[view];
      for (const [x, y] of placement.at) {
        const nx = mapX(x) / width;
        const ny = y / height;
        if (!(nx >= 0 && nx <= 1 && ny >= 0 && ny <= 1)) problems.push(`${code}: (${x}, ${y}) outside the ${view} view`);
        (byView[view] ??= []).push([Math.round(nx * 10000) / 10000, Math.round(ny * 10000) / 10000]);
      }
    }
  }
  positions[code] = byView;
}
if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}
writeFileSync(join(DATA, "positions.json"), JSON.stringify(positions) + "\n");
const counts: Record<string, number> = {};
for (const views of Object.values(positions)) for (const view of Object.keys(views)) counts[view] = (counts[view] ?? 0) + 1;
console.log(`Placed ${Object.keys(positions).length} points:`, counts);
