/**
 * The build's join of the needling supplement, run on the real files and on
 * bad copies of them: the safety check trusts what the join lets through.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import pointData from "../../domain/points/content/points.json" with { type: "json" };
import type { AcupointFacts } from "../../domain/points/types.ts";
import { needlingOf } from "./needling.ts";
import { applySupplement, CROSSING_FILE, NEEDLING_DIR, NEEDLING_FILE, SupplementRefused } from "./supplement.ts";

const shipped = pointData as AcupointFacts[];

/** The points as the build has them before the join: TARA's figures only, no crossing roles. */
const taraOnly: AcupointFacts[] = shipped.map((point) => ({
  ...point,
  needling: point.needling.source.from === "supplement" ? needlingOf("") : point.needling,
  roles: point.roles.filter((role) => role.kind !== "crossing"),
  sources: point.sources.filter((source) => !source.includes("needling supplement")),
}));

const present = existsSync(join(NEEDLING_DIR, NEEDLING_FILE)) && existsSync(join(NEEDLING_DIR, CROSSING_FILE));
const original = (file: string) => readFileSync(join(NEEDLING_DIR, file), "utf8");

describe("needling supplement join", { skip: present ? false : `no supplement at ${NEEDLING_DIR}` }, () => {
  const copies: string[] = [];
  after(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  /** A copy of the supplement folder with one file edited. */
  function badCopy(file: string, edit: (text: string) => string): string {
    const dir = mkdtempSync(join(tmpdir(), "acuback-supplement-"));
    copies.push(dir);
    for (const name of [NEEDLING_FILE, CROSSING_FILE]) writeFileSync(join(dir, name), name === file ? edit(original(name)) : original(name));
    return dir;
  }
  const append = (line: string) => (text: string) => `${text.trimEnd()}\n${line}\n`;
  const replaceRow = (code: string, line: string) => (text: string) =>
    text.split("\n").map((row) => (row.startsWith(`${code},`) ? line : row)).join("\n");

  function refused(dir: string, pattern: RegExp) {
    assert.throws(
      () => applySupplement(taraOnly, dir),
      (error: unknown) => {
        assert.ok(error instanceof SupplementRefused, String(error));
        assert.match(error.message, pattern);
        return true;
      },
    );
  }

  it("joins the shipped files onto TARA's points and gives the shipped data", () => {
    const joined = new Map(applySupplement(taraOnly).map((point) => [point.code, point]));
    for (const point of shipped) {
      assert.deepEqual(joined.get(point.code)!.needling, point.needling, `${point.code} needling`);
      assert.deepEqual(joined.get(point.code)!.roles, point.roles, `${point.code} roles`);
    }
  });

  it("refuses a needling row for a code the atlas does not know", () => {
    refused(badCopy(NEEDLING_FILE, append("XX99,perpendicular,0.3,0.5,0.3-0.5 cun,CAM 1999,CAM")), /XX99: no such point in the atlas/);
    // An alias is not enough: the file must use the WHO code.
    refused(badCopy(NEEDLING_FILE, replaceRow("KI3", "K3,perpendicular,0.3,0.5,0.3-0.5 cun,CAM 1999,CAM")), /K3: no such point/);
  });

  it("refuses a second figure for a point: a duplicate row, or one that differs from TARA's", () => {
    refused(badCopy(NEEDLING_FILE, append("KI3,perpendicular,0.5,1.0,0.5-1.0 cun,CAM 1999,CAM")), /KI3: more than one row/);
    refused(badCopy(NEEDLING_FILE, append("BL23,perpendicular,0.5,0.8,0.5-0.8 cun,CAM 1999,CAM")), /BL23: TARA gives perpendicular 1-1.2 cun, the supplement perpendicular 0.5-0.8 cun/);
    refused(badCopy(NEEDLING_FILE, replaceRow("CV8", "CV8,perpendicular,0.5,1.0,0.5-1.0 cun,CAM 1999,CAM")), /CV8: TARA gives not-needled/);
    // The same figure twice is one figure.
    const agreeing = applySupplement(taraOnly, badCopy(NEEDLING_FILE, append("BL23,perpendicular,1,1.2,1-1.2 cun,CAM 1999,CAM")));
    assert.equal(agreeing.find((p) => p.code === "BL23")!.needling.source.from, "TARA");
  });

  it("refuses rows that leave a point without guidance or contradict themselves", () => {
    refused(badCopy(NEEDLING_FILE, replaceRow("LR12", "LR12,,,,see the text,CAM 1999,CAM")), /LR12: no needling figure, and the note gives no reason/);
    refused(badCopy(NEEDLING_FILE, replaceRow("KI3", "KI3,perpendicular,0.3,0.8,0.3-0.5 cun,CAM 1999,CAM")), /KI3: the note says 0.3-0.5 cun but the columns say 0.3-0.8/);
    refused(badCopy(NEEDLING_FILE, replaceRow("KI3", "KI3,sideways,0.3,0.5,0.3-0.5 cun,CAM 1999,CAM")), /KI3: angle "sideways"/);
    refused(badCopy(NEEDLING_FILE, replaceRow("KI5", "KI5,perpendicular,0.3,0.5,0.3-0.5 cun,CAM 1999,second-source")), /KI5: .*names no second source/);
    refused(badCopy(NEEDLING_FILE, replaceRow("KI3", "")), /no needling figure or reason not to needle for KI3/);
  });

  it("reports every problem in a file at once", () => {
    const dir = badCopy(NEEDLING_FILE, (text) => append("KI3,perpendicular,0.3,0.5,0.3-0.5 cun,CAM 1999,CAM")(append("XX1,oblique,0.1,0.2,0.1-0.2 cun,CAM 1999,CAM")(text)));
    refused(dir, /XX1: no such point[\s\S]*KI3: more than one row|KI3: more than one row[\s\S]*XX1: no such point/);
  });

  it("refuses crossing rows with an unknown code, an unknown channel or a second row", () => {
    refused(badCopy(CROSSING_FILE, append("XX99,yes,GB BL")), /crossing-points.csv refused[\s\S]*XX99: no such point/);
    refused(badCopy(CROSSING_FILE, replaceRow("GB30", "GB30,yes,GB BL Chongmai")), /GB30: unknown channel "Chongmai"/);
    refused(badCopy(CROSSING_FILE, append("GB30,no,GB")), /GB30: more than one row/);
    refused(badCopy(CROSSING_FILE, replaceRow("GB30", "GB30,maybe,GB BL")), /GB30: in_cam_table is "maybe"/);
  });

  it("stops the whole build, writing nothing, on a bad copy", () => {
    const dir = badCopy(NEEDLING_FILE, append("XX99,perpendicular,0.3,0.5,0.3-0.5 cun,CAM 1999,CAM"));
    const out = mkdtempSync(join(tmpdir(), "acuback-atlas-out-"));
    copies.push(out);
    const build = spawnSync(process.execPath, ["--import", "tsx", join(import.meta.dirname, "build.ts")], {
      env: { ...process.env, NEEDLING_DIR: dir, ATLAS_OUT_DIR: out },
      encoding: "utf8",
    });
    assert.equal(build.status, 1, build.stdout + build.stderr);
    assert.match(build.stderr, /XX99: no such point in the atlas/);
    assert.deepEqual(readdirSync(out), []);
  });
});
