/**
 * The evidence library's build from TARA's pain-related-articles table: the
 * committed trials.json is what the script makes now, and rows checked by eye
 * against the CSV keep their facts and our categories.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { readTable } from "../atlas/tara.ts";
import { buildTrials } from "./build.ts";
import { filterTrials, TRIALS, trialsForPoint } from "../../domain/evidence/trials.ts";
import { PROTOCOLS } from "../../domain/treatment/protocols.ts";

const built = buildTrials(readTable("pain-related-articles.csv"));
const byId = (id: string) => built.find((t) => t.id === id)!;

describe("evidence library build", () => {
  it("the committed trials.json is what the script builds (run scripts/evidence/build.ts after changing it)", () => {
    const committed = JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "domain", "evidence", "content", "trials.json"), "utf8"));
    assert.deepEqual(committed, JSON.parse(JSON.stringify(built)));
    assert.equal(built.length, 86);
  });

  it("row 194 (Kerr 2003): 60 people, sham TENS, BL23 BL25 GB30 BL40 KI3 GV4, 30 minutes", () => {
    const kerr = byId("tara-194");
    assert.equal(kerr.size, 60);
    assert.equal(kerr.year, 2003);
    assert.equal(kerr.conditionGroup, "low back pain");
    assert.deepEqual(kerr.points, ["BL23", "BL25", "GB30", "BL40", "KI3", "GV4"]);
    assert.ok(kerr.comparators.includes("sham or placebo"));
    assert.equal(kerr.needling.minutes, 30);
    assert.ok(kerr.stricta.includes("2b") && kerr.stricta.includes("2f") && kerr.stricta.includes("6b"));
  });

  it("row 1 (Allais 2002): migraine, 160 people, against flunarizine (a drug), 10–30 mm, 20 minutes", () => {
    const allais = byId("tara-1");
    assert.equal(allais.conditionGroup, "headache and migraine");
    assert.equal(allais.size, 160);
    assert.deepEqual(allais.comparators, ["drugs"]);
    assert.deepEqual(allais.needling, { depth: "10–30 mm", minutes: 20, hz: [] });
    assert.ok(allais.points.includes("EX-HN5"), "Taiyang resolves to EX-HN5");
  });

  it("row 257 (Yeung 2003) is electroacupuncture at 2 Hz; row 98 (Wedenberg 2000) adds an ear point", () => {
    assert.deepEqual(byId("tara-257").modalities, ["electro"]);
    assert.deepEqual(byId("tara-257").needling.hz, [2]);
    assert.ok(byId("tara-98").modalities.includes("auricular"));
  });

  it("every protocol from TARA's table names its trial in the library, with the same points", () => {
    for (const protocol of PROTOCOLS.filter((p) => p.source.taraArticleId !== null)) {
      const trial = TRIALS.find((t) => t.id === protocol.id);
      assert.ok(trial, protocol.id);
      for (const p of protocol.points) if (p.point) assert.ok(trial.points.includes(p.point), `${protocol.id}: ${p.point}`);
    }
  });

  it("lists low back pain first and filters by condition, modality and point", () => {
    assert.equal(TRIALS[0]!.conditionGroup, "low back pain");
    const bl40 = trialsForPoint("ub 40");
    assert.ok(bl40.some((t) => t.id === "tara-194") && bl40.every((t) => t.points.includes("BL40")));
    assert.ok(filterTrials({ condition: "low back pain", modality: "electro" }).some((t) => t.id === "tara-257"));
  });
});
