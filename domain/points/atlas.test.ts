import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ATLAS } from "./atlas.ts";
import { needlingSourceText } from "./needling.ts";
import { codeKey } from "./normalize.ts";
import { crossingText } from "./roles.ts";
import { BODY_REGIONS, MERIDIAN_CODES, type SpecialRole } from "./types.ts";

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
      // Needling guidance for every point, no exceptions: a depth to needle to, or the source's reason not to needle.
      const { depthCun, restriction, source } = point.needling;
      assert.ok((depthCun !== null) !== (restriction !== null), `${where}: a depth or a restriction, not both`);
      if (depthCun) assert.ok(depthCun.min > 0 && depthCun.max >= depthCun.min, `${where}: depth range`);
      if (restriction) assert.ok(point.needling.angle === null && point.cautions.some((c) => c.kind === "not-needled"), `${where}: restricted`);
      assert.ok(source.citation.includes("CAM 1999"), `${where}: needling source`);
    }
  });

  it("gives an angle wherever the source does: only shallow pricks and GB20 (aimed at the nose tip) lack one", () => {
    const withoutAngle = ATLAS.points.filter((p) => p.needling.depthCun && !p.needling.angle);
    const shallow = withoutAngle.filter((p) => p.needling.depthCun!.max <= 0.2).map((p) => p.code);
    assert.deepEqual(withoutAngle.map((p) => p.code).filter((c) => !shallow.includes(c)), ["GB20"]);
    assert.ok(shallow.length > 0 && shallow.every((code) => ATLAS.resolve(code)!.needling.source.from === "TARA"));
  });

  it("fills the needling TARA leaves blank from the supplement, naming its source", () => {
    const ki3 = ATLAS.resolve("KI3")!.needling;
    assert.deepEqual([ki3.angle, ki3.depthCun, ki3.restriction], ["perpendicular", { min: 0.3, max: 0.5 }, null]);
    assert.equal(needlingSourceText(ki3.source), "CAM 1999");
    assert.deepEqual(ATLAS.resolve("KI22")!.needling.angle, "oblique");
    assert.deepEqual(ATLAS.resolve("ST4")!.needling.depthCun, { min: 1, max: 1.5 });
    assert.ok(ATLAS.resolve("KI21")!.cautions.some((c) => c.kind === "organ" && c.text.includes("liver")));
    // Where the CAM copy was not legible, the figure names its second source.
    for (const code of ["KI5", "KI19", "ST20"]) {
      const { source } = ATLAS.resolve(code)!.needling;
      assert.deepEqual([source.from, source.checked, source.secondSource], ["supplement", "second-source", "Deadman 2007"], code);
    }
    assert.match(needlingSourceText(ATLAS.resolve("KI5")!.needling.source), /^CAM 1999; second source: Deadman 2007/);
    // TARA's own figures say so.
    assert.equal(needlingSourceText(ATLAS.resolve("BL23")!.needling.source), "CAM 1999, via TARA");
    assert.equal(ATLAS.points.filter((p) => p.needling.source.from === "supplement").length, 46, "the 47 rows less CV8, whose prohibition TARA gives too");
  });

  it("flags the points the source does not needle, with a caution the safety check reads", () => {
    const restricted = Object.fromEntries(ATLAS.points.filter((p) => p.needling.restriction).map((p) => [p.code, p.needling.restriction]));
    assert.deepEqual(restricted, {
      ST17: "landmark-only",
      LR12: "moxibustion-only",
      CV8: "not-needled",
      "EX-HN12": "pricking-only",
      "EX-HN13": "pricking-only",
      "EX-UE10": "pricking-only",
      "EX-UE4": "moxibustion-only",
      "EX-UE1": "moxibustion-only",
    });
    const lr12 = ATLAS.resolve("LR12")!;
    assert.deepEqual([lr12.needling.depthCun, lr12.needling.source.citation], [null, "CAM 1999"]);
    assert.deepEqual(
      lr12.cautions.find((c) => c.kind === "not-needled"),
      { kind: "not-needled", text: "Moxibustion only in the source; not needled.", source: "needling notes of Chinese Acupuncture and Moxibustion (1999), via the needling supplement" },
    );
    assert.match(ATLAS.resolve("EX-HN12")!.cautions[0]!.text, /^Pricking to bleed only/);
  });

  it("marks the crossing points with the channels that meet there", () => {
    const crossing = (code: string) => ATLAS.resolve(code)!.roles.find((r): r is Extract<SpecialRole, { kind: "crossing" }> => r.kind === "crossing");
    assert.deepEqual(crossing("GB30"), { kind: "crossing", channels: ["GB", "BL"], inCamTable: true });
    assert.equal(crossingText(crossing("GB30")!), "crossing point of GB and BL");
    assert.deepEqual(crossing("BL1")!.channels, ["YinQiao", "YangQiao", "GV", "SI", "GB", "BL", "ST", "TE"]);
    assert.equal(crossingText(crossing("BL1")!), "crossing point of GV, SI, GB, BL, ST and TE with the Yin Qiao and Yang Qiao vessels");
    assert.equal(crossingText(crossing("KI17")!), "crossing point of the Chong vessel");
    assert.deepEqual(crossing("BL31"), { kind: "crossing", channels: ["GB", "BL"], inCamTable: false });
    assert.equal(crossingText(crossing("ST7")!), "crossing point (channels not recorded)");
    assert.equal(crossing("BL23"), undefined, "BL23 is no crossing point");
    assert.equal(crossing("KI3"), undefined, "KI3 is no crossing point");
    const all = ATLAS.points.filter((p) => crossing(p.code));
    assert.equal(all.length, 104);
    assert.equal(all.filter((p) => crossing(p.code)!.channels.length === 0).length, 10);
    assert.equal(all.filter((p) => crossing(p.code)!.inCamTable).length, 91);
  });

  it("lists on each channel the points where other channels cross it", () => {
    const gb = ATLAS.crossings("GB").map((p) => p.code);
    assert.ok(gb.includes("GB30"), "its own point where BL meets it");
    assert.ok(gb.includes("BL1") && gb.includes("GV20") && gb.includes("PC1"), "other channels' points it passes through");
    assert.ok(!gb.includes("KI11"));
    assert.ok(ATLAS.crossings("LR").every((p) => p.meridian === "LR" || p.roles.some((r) => r.kind === "crossing" && r.channels.includes("LR"))));
    assert.ok(ATLAS.crossings("HT").length === 0, "no crossing point lists the heart channel");
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
    assert.deepEqual(bl23.needling, {
      angle: "perpendicular",
      depthCun: { min: 1, max: 1.2 },
      notes: [],
      restriction: null,
      source: { from: "TARA", citation: "CAM 1999, via TARA", checked: null },
    });
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
