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
import { classifyComparator } from "./classify.ts";
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

  // Twenty rows read against the CSV by eye (2026-12-02); these are the ones whose category the rules once got wrong.
  const CHECKED: { row: number; why: string; comparators?: string[]; modalities?: string[]; depth?: string | null; minutes?: number | null; hz?: number[]; stricta?: string[] }[] = [
    { row: 16, why: "manual de qi, electrical stimulation in 51%: both", modalities: ["manual", "electro"], comparators: ["other treatment"] },
    { row: 24, why: "inserted down to the musculature: depth stated in words", stricta: ["2c"] },
    { row: 38, why: "conventional massage is not usual care", comparators: ["sham or placebo", "other treatment"] },
    { row: 57, why: "a no-needle group and a sham-EA group", comparators: ["sham or placebo", "no acupuncture"], hz: [2, 100] },
    { row: 68, why: "30 mm is the needle's length; minimal superficial needling is the sham", depth: null, comparators: ["sham or placebo"], modalities: ["manual", "electro"] },
    { row: 106, why: "anaesthesia alone, without acupuncture", comparators: ["no acupuncture"] },
    { row: 143, why: "needles in for 30 minutes, twirled every 10; 1.7 Hz was the TENS; no control group", minutes: 30, hz: [], comparators: ["not stated"] },
    { row: 162, why: "80, 120 and 4 Hz were the TENS arm's", hz: [], comparators: ["not stated"] },
    { row: 199, why: "untreated, no sham or placebo", comparators: ["no acupuncture"] },
    { row: 304, why: "usual care including physiotherapy and drugs is one arm", comparators: ["usual care"] },
    { row: 353, why: "5 minutes of massaging the needles is not retention; retained until morning is", minutes: null, stricta: ["2f"] },
    { row: 399, why: "'without manipulation' is not spinal manipulation; every 5 minutes is not retention", comparators: ["sham or placebo"], minutes: null },
  ];
  for (const c of CHECKED) {
    it(`row ${c.row}: ${c.why}`, () => {
      const t = byId(`tara-${c.row}`);
      if (c.comparators) assert.deepEqual(t.comparators, c.comparators);
      if (c.modalities) assert.deepEqual(t.modalities, c.modalities);
      if (c.depth !== undefined) assert.equal(t.needling.depth, c.depth);
      if (c.minutes !== undefined) assert.equal(t.needling.minutes, c.minutes);
      if (c.hz) assert.deepEqual(t.needling.hz, c.hz);
      for (const item of c.stricta ?? []) assert.ok(t.stricta.includes(item as never), `${item} stated`);
    });
  }

  it("a comparator the rules cannot place is 'not stated', never a guess", () => {
    assert.deepEqual(classifyComparator("Periosteal stimulation with needles left unstimulated"), ["not stated"]);
    assert.deepEqual(classifyComparator("Not mentioned (no control group)"), ["not stated"]);
  });
});
