import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ATLAS } from "./atlas.ts";
import { createPointSearch } from "./search.ts";

const search = createPointSearch(ATLAS);
const top = (query: string) => search.search(query, { limit: 5 }).map((hit) => hit.point.code);

describe("point search", () => {
  const firsts: [string, string][] = [
    // alias styles
    ["ub 23", "BL23"],
    ["bl-23", "BL23"],
    ["BL23", "BL23"],
    ["Bladder 23", "BL23"],
    ["Urinary Bladder 23", "BL23"],
    ["sj 5", "TE5"],
    ["TB5", "TE5"],
    ["liv 3", "LR3"],
    ["Du 4", "GV4"],
    ["Ren 6", "CV6"],
    ["HE 7", "HT7"],
    ["P 6", "PC6"],
    ["K 3", "KI3"],
    ["ex-b-2 l4", "EX-B2-L4"],
    // pinyin with and without tones and spaces
    ["shenshu", "BL23"],
    ["Shèn Shū", "BL23"],
    ["shen shu", "BL23"],
    ["weizhong", "BL40"],
    ["Wěizhōng", "BL40"],
    ["zu san li", "ST36"],
    ["yintang", "GV29"],
    ["yaotongdian", "EX-UE7"],
    // characters, simplified and traditional, and the variant 兪
    ["肾俞", "BL23"],
    ["腎俞", "BL23"],
    ["腎兪", "BL23"],
    ["委中", "BL40"],
    // English names
    ["Bend Middle", "BL40"],
    ["union valley", "LI4"],
    // older numbering
    ["old BL 54", "BL40"],
  ];
  for (const [query, expected] of firsts) {
    it(`"${query}" finds ${expected} first`, () => assert.equal(top(query)[0], expected));
  }

  it("finds points by region words", () => {
    const knee = search.search("back of the knee", { limit: 50 }).filter((hit) => hit.matched === "region");
    assert.deepEqual(knee.map((hit) => hit.point.code).sort(), ATLAS.points.filter((p) => p.region === "back of the knee").map((p) => p.code).sort());
    assert.equal(knee[0]!.point.code, "BL40", "the point indicated for low back pain ranks first");
    const lowerBack = search.search("lower back", { limit: 200 });
    const inRegion = ATLAS.points.filter((p) => p.region === "lower back").length;
    assert.ok(lowerBack.slice(0, inRegion).every((hit) => hit.matched === "region" && hit.point.region === "lower back"), "region matches come first");
    assert.ok(search.search("popliteal").some((hit) => hit.point.code === "BL40"));
  });

  it("finds points by indication, sciatica first where it is named", () => {
    const hits = search.search("sciatica", { limit: 50 });
    assert.ok(hits.length > 5);
    assert.ok(hits.every((hit) => hit.point.sciatica));
    assert.ok(hits[0]!.point.indications.includes("sciatica"));
  });

  it("puts the points trials use first for low back pain", () => {
    const first = search.search("low back pain", { limit: 12 }).map((hit) => hit.point.code);
    for (const code of ["BL23", "BL25", "GV3", "GV4"]) assert.ok(first.includes(code), `${code} in ${first.join(" ")}`);
  });

  it("filters by channel, region, role and back-pain relevance", () => {
    assert.equal(search.filter({ meridian: "HT" }).length, 9);
    assert.ok(search.filter({ role: "back-shu" }).every((p) => p.code.startsWith("BL")));
    assert.equal(search.filter({ role: "back-shu" }).length, 12);
    assert.ok(search.filter({ region: "hand", lowBackPain: true }).some((p) => p.code === "EX-UE7"));
    assert.deepEqual(search.search("shu", { filter: { meridian: "GV" } }).filter((h) => h.point.meridian !== "GV"), []);
  });

  it("finds the crossing points by role, and those of one channel", () => {
    const crossing = search.search("crossing points", { limit: 500 });
    assert.equal(crossing.length, 104);
    assert.ok(crossing.every((hit) => hit.matched === "role"));
    assert.deepEqual(search.search("jiaohui", { limit: 500 }).length, 104);
    const gb = search.search("crossing points of GB", { limit: 500 }).map((hit) => hit.point.code);
    assert.ok(gb.includes("GB30") && gb.includes("BL1") && !gb.includes("KI11"));
    assert.equal(search.filter({ role: "crossing" }).length, 104);
  });

  it("returns nothing for an empty query or nonsense", () => {
    assert.deepEqual(search.search("   "), []);
    assert.deepEqual(search.search("xqzzy"), []);
  });
});
