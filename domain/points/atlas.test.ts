import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ATLAS } from "./atlas.ts";
import { codeKey } from "./normalize.ts";
import { BODY_REGIONS, MERIDIAN_CODES } from "./types.ts";

/** WHO 2008 point counts per channel (issue 3; WHO Standard Acupuncture Point Locations). */
const WHO_COUNTS = { LU: 11, LI: 20, ST: 45, SP: 21, HT: 9, SI: 19, BL: 67, KI: 27, PC: 9, TE: 23, GB: 44, LR: 14, GV: 28, CV: 24 };

describe("atlas content", () => {
  it("has the WHO count of points on each channel, 361 in all, plus GV29 (Yintang)", () => {
    for (const code of MERIDIAN_CODES) {
      const numbers = ATLAS.channel(code).map((p) => p.number);
      const expected = WHO_COUNTS[code] + (code === "GV" ? 1 : 0);
      assert.equal(numbers.length, expected, code);
      assert.deepEqual(numbers, Array.from({ length: expected }, (_, i) => i + 1), `${code} numbered 1…${expected} in order`);
    }
    assert.equal(ATLAS.points.filter((p) => p.meridian && p.code !== "GV29").length, 361);
  });

  it("answers to GV29 and EX-HN3 with one Yintang", () => {
    assert.equal(ATLAS.resolve("EX-HN3"), ATLAS.resolve("GV29"));
    assert.equal(ATLAS.resolve("GV29")!.pinyinPlain, "Yintang");
    assert.equal(ATLAS.points.filter((p) => p.pinyinPlain === "Yintang").length, 1);
  });

  it("has Huatuojiaji as 17 levels T1–L5, each addressable, and the named low-back extra points", () => {
    const levels = ATLAS.points.filter((p) => p.group?.code === "EX-B2").map((p) => p.group!.level);
    assert.equal(levels.length, 17);
    assert.equal(levels[0], "T1");
    assert.equal(levels[16], "L5");
    assert.equal(ATLAS.resolve("Jiaji L4")!.code, "EX-B2-L4");
    for (const code of ["EX-B7", "EX-B8", "EX-UE7"]) assert.ok(ATLAS.resolve(code), code);
    assert.equal(ATLAS.resolve("Yaotongdian")!.code, "EX-UE7");
  });

  it("has unique codes", () => {
    const codes = ATLAS.points.map((p) => codeKey(p.code));
    assert.equal(new Set(codes).size, codes.length);
  });

  it("resolves every alias to exactly one point, and codes win over aliases", () => {
    const owners = new Map<string, Set<string>>();
    for (const point of ATLAS.points) {
      for (const alias of [point.code, ...point.aliases]) {
        const key = codeKey(alias);
        owners.set(key, (owners.get(key) ?? new Set()).add(point.code));
      }
    }
    for (const point of ATLAS.points) {
      for (const alias of point.aliases) {
        const resolved = ATLAS.resolve(alias);
        const key = codeKey(alias);
        assert.equal(owners.get(key)!.size, 1, `alias ${alias} is claimed by ${[...owners.get(key)!].join(", ")}`);
        assert.equal(resolved?.code, point.code, `${alias} → ${resolved?.code}, expected ${point.code}`);
      }
    }
  });

  it("has every required field for every point", () => {
    for (const point of ATLAS.points) {
      const where = point.code;
      assert.ok(point.pinyin && /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/.test(point.pinyin), `${where}: pinyin with tone marks`);
      assert.ok(point.pinyinPlain, where);
      assert.ok(/\p{Script=Han}/u.test(point.hanzi.traditional) && /\p{Script=Han}/u.test(point.hanzi.simplified), `${where}: characters`);
      assert.ok(point.english.length > 2, `${where}: English name`);
      assert.ok(point.location.length > 15, `${where}: location`);
      assert.ok((BODY_REGIONS as readonly string[]).includes(point.region), `${where}: region`);
      assert.ok(point.sources.length > 0, `${where}: sources`);
    }
  });

  it("names the channel meridians with their organ, pair and point order", () => {
    assert.equal(ATLAS.meridians.length, 14);
    const bl = ATLAS.meridians.find((m) => m.code === "BL")!;
    assert.equal(bl.paired, "KI");
    assert.equal(bl.hanzi.simplified, "足太阳膀胱经");
    assert.equal(bl.points[39], "BL40");
  });

  it("carries the facts a back-pain practitioner checks on BL23 and BL40", () => {
    const bl23 = ATLAS.resolve("BL23")!;
    assert.equal(bl23.pinyin, "Shènshù");
    assert.deepEqual(bl23.hanzi, { traditional: "腎俞", simplified: "肾俞" });
    assert.deepEqual(bl23.roles, [{ kind: "back-shu", organ: "kidney" }]);
    assert.deepEqual(bl23.needling, { angle: "perpendicular", depthCun: { min: 1, max: 1.2 }, notes: [] });
    assert.equal(bl23.region, "lower back");
    assert.ok(bl23.lowBackPain && bl23.commonForLowBackPain);
    const bl40 = ATLAS.resolve("BL40")!;
    assert.equal(bl40.region, "back of the knee");
    assert.ok(bl40.nerves.includes("tibial nerve"));
    assert.ok(bl40.vessels.includes("popliteal artery"));
    assert.ok(bl23.nerves.some((n) => n.includes("lumbar nerve")));
    assert.ok(bl40.roles.some((r) => r.kind === "five-shu" && r.shu === "he-sea" && r.phase === "earth"), "he-sea of a yang channel is earth");
    assert.ok(bl40.roles.some((r) => r.kind === "lower he-sea"));
    assert.equal(ATLAS.resolve("old BL54") ?? null, null, "former numbers are not aliases");
    assert.deepEqual(bl40.formerCodes, ["BL54"]);
  });

  it("gives cautions where clinical-facts §6 asks", () => {
    const kinds = (code: string) => ATLAS.resolve(code)!.cautions.map((c) => c.kind);
    for (const code of ["LI4", "SP6", "BL60", "BL67"]) assert.ok(kinds(code).includes("pregnancy"), code);
    for (const code of ["LU1", "BL13", "KI25"]) assert.ok(kinds(code).includes("pneumothorax"), code);
    assert.ok(!kinds("GV12").includes("pneumothorax"), "spinous processes are not over the lung");
    // from the source's needling notes and vessel lists, not from a hand-kept table
    for (const code of ["ST9", "LU9", "BL40", "SP11", "PC3"]) assert.ok(kinds(code).includes("vessel"), code);
    assert.ok(!kinds("LR10").includes("vessel"), "only small branches of the femoral artery at LR10");
    assert.ok(kinds("GV16").includes("organ") && kinds("ST1").includes("organ"));
    assert.deepEqual(kinds("CV8").slice(0, 1), ["not-needled"]);
  });
});
