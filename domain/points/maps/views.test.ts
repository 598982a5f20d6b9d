import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ATLAS } from "../atlas.ts";
import { MAP_VIEWS, positionsOf, viewsOf, type ViewId } from "./views.ts";

const on = (code: string, view: ViewId) => positionsOf(code)[view] ?? [];
const y = (code: string, view: ViewId) => on(code, view)[0]![1];

describe("body map positions", () => {
  it("puts every point on at least one view", () => {
    const missing = ATLAS.points.filter((p) => viewsOf(p.code).length === 0).map((p) => p.code);
    assert.deepEqual(missing, []);
  });

  it("keeps every coordinate inside its view", () => {
    for (const point of ATLAS.points) {
      for (const [view, positions] of Object.entries(positionsOf(point.code))) {
        for (const [x, py] of positions ?? []) {
          assert.ok(x >= 0 && x <= 1 && py >= 0 && py <= 1, `${point.code} on ${view}: (${x}, ${py})`);
        }
      }
    }
  });

  it("has a figure for every view", () => {
    for (const view of MAP_VIEWS) assert.ok(view.figure.body.length > 0 && view.width > 0 && view.height > 0, view.id);
  });

  it("draws bilateral points on both sides, mirror images, and midline points on the midline", () => {
    for (const point of ATLAS.points) {
      for (const view of ["front", "back"] as const) {
        const positions = on(point.code, view);
        if (point.meridian === "GV" || point.meridian === "CV") {
          for (const [x] of positions) assert.ok(Math.abs(x - 0.5) < 0.001, `${point.code} on the ${view} midline`);
        } else if (positions.length === 2 && point.meridian) {
          const [[x1, y1], [x2, y2]] = positions as [[number, number], [number, number]];
          assert.ok(Math.abs(x1 + x2 - 1) < 0.002 && Math.abs(y1 - y2) < 0.002, `${point.code} symmetric on ${view}`);
        }
      }
      const left = on(point.code, "left");
      const right = on(point.code, "right");
      assert.deepEqual(right.map(([x, py]) => [Math.round((1 - x) * 1e4) / 1e4, py]), left, `${point.code} right view mirrors left`);
    }
  });

  it("keeps the anatomy in order", () => {
    // down the back: BL23 (L2) above BL25 (L4) above BL40 (knee) above BL60 (ankle)
    assert.ok(y("BL23", "back") < y("BL25", "back") && y("BL25", "back") < y("BL40", "back") && y("BL40", "back") < y("BL60", "back"));
    // Governor Vessel climbs the spine: GV3 below GV14 below GV16
    assert.ok(y("GV3", "back") > y("GV14", "back") && y("GV14", "back") > y("GV16", "back"));
    // Stomach channel on the leg: ST35 at the knee, then ST36, ST37, ST39 going down
    assert.ok(y("ST35", "front") < y("ST36", "front") && y("ST36", "front") < y("ST37", "front") && y("ST37", "front") < y("ST39", "front"));
    // Conception Vessel: CV17 (chest) above CV12 above CV8 (navel) above CV4
    assert.ok(y("CV17", "front") < y("CV12", "front") && y("CV12", "front") < y("CV8", "front") && y("CV8", "front") < y("CV4", "front"));
    // BL40 is at the back of the knee, level with the knee crease; KI10 at its inner end
    assert.ok(Math.abs(y("BL40", "back") - y("KI10", "back")) < 0.005);
    // Huatuojiaji sit just beside the spine, inside the Bladder inner line
    const [jiaji] = on("EX-B2-L2", "back");
    const [bl23] = on("BL23", "back");
    assert.ok(Math.abs(jiaji![1] - bl23![1]) < 0.001 && Math.abs(jiaji![0] - 0.5) < Math.abs(bl23![0] - 0.5));
  });

  it("shows the hand, foot and head points on their detail views", () => {
    for (const code of ["LI4", "EX-UE7", "SI3", "TE3"]) assert.ok(viewsOf(code).includes("hand-back"), code);
    for (const code of ["PC6", "HT7", "LU9"]) assert.ok(viewsOf(code).includes("hand-palm"), code);
    for (const code of ["LR3", "ST44", "GB41"]) assert.ok(viewsOf(code).includes("foot-top"), code);
    assert.ok(viewsOf("KI3").includes("foot-inner") && viewsOf("BL60").includes("foot-outer") && viewsOf("KI1").includes("foot-sole"));
    for (const code of ["GV29", "ST1", "LI20", "GV20"]) assert.ok(viewsOf(code).includes("head"), code);
    assert.equal(on("EX-UE7", "hand-back").length, 2, "Yaotongdian: two points on the hand");
  });
});
