import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ATLAS } from "../points/atlas.ts";
import { findProtocol, PROTOCOLS, treatmentFromProtocol, type Protocol } from "./protocols.ts";
import { plannedNeedleCount } from "./treatment.ts";

const get = (id: string): Protocol => {
  const protocol = findProtocol(id);
  assert.ok(protocol, `protocol ${id} exists`);
  return protocol;
};
const codes = (protocol: Protocol) => protocol.points.map((p) => p.point);

describe("Cherkin 2009 standardised prescription (clinical-facts §9)", () => {
  const cherkin = get("cherkin-2009-standardised");

  it("is bilateral BL23, BL40, KI3, midline GV3 and one ashi point", () => {
    const channel = cherkin.points.filter((p) => p.point !== null);
    assert.deepEqual(
      channel.map((p) => [p.point, p.side]),
      [
        ["BL23", "bilateral"],
        ["BL40", "bilateral"],
        ["KI3", "bilateral"],
        ["GV3", "midline"],
      ],
    );
    const ashi = cherkin.points.filter((p) => p.point === null);
    assert.equal(ashi.length, 1);
    assert.equal(ashi[0]!.ashiRegion, "lower back");
  });

  it("takes 8 needles, retained 20 minutes, twirled for de qi, 10 visits", () => {
    const treatment = treatmentFromProtocol(cherkin);
    assert.equal(plannedNeedleCount(treatment), 8);
    assert.equal(cherkin.parameters.retentionMinutes, 20);
    assert.equal(cherkin.parameters.manipulation, "twirling");
    assert.equal(cherkin.parameters.deQi, true);
    assert.equal(cherkin.parameters.visits, 10);
    assert.equal(cherkin.parameters.frequency, "2/week × 3 then 1/week × 4");
    assert.equal(cherkin.source.doi, "10.1001/archinternmed.2009.65");
    assert.equal(cherkin.source.taraArticleId, null);
  });
});

describe("every entry names its source", () => {
  it("ids are unique", () => {
    const ids = PROTOCOLS.map((p) => p.id);
    assert.equal(new Set(ids).size, ids.length);
  });

  for (const protocol of PROTOCOLS) {
    it(`${protocol.id}: a citation, a year and a DOI`, () => {
      assert.ok(protocol.source.citation.length > 20);
      assert.ok(Number.isInteger(protocol.source.year) && protocol.source.year > 1990 && protocol.source.year < 2100);
      // Every source in the library has a DOI (the TARA rows used all carry one).
      assert.match(protocol.source.doi ?? "", /^10\./);
      assert.ok(protocol.note.length > 0);
    });

    it(`${protocol.id}: every point resolves in the atlas to its own WHO code`, () => {
      assert.ok(protocol.points.length > 0);
      for (const p of protocol.points) {
        if (p.point === null) {
          assert.ok(p.ashiRegion, "an ashi point has a region");
          continue;
        }
        assert.equal(ATLAS.resolve(p.point)?.code, p.point);
        assert.equal(p.ashiRegion, null);
        assert.equal(p.side, /^(GV|CV)/.test(p.point) ? "midline" : "bilateral");
      }
    });

    it(`${protocol.id}: unresolved names really do not resolve`, () => {
      for (const name of protocol.unresolved) assert.equal(ATLAS.resolve(name), null, name);
    });
  }

  it("CSV-derived entries are named after their trial and keep their row id", () => {
    for (const protocol of PROTOCOLS.filter((p) => p.source.taraArticleId !== null)) {
      assert.equal(protocol.id, `tara-${protocol.source.taraArticleId}`);
      assert.match(protocol.name, new RegExp(`^Points as used in .+ ${protocol.source.year}$`));
    }
  });
});

describe("spot checks against the TARA pain-related-articles rows", () => {
  it("row 194 (Kerr 2003): BL 23, BL 25, GB 30, BL 40, KI 3, GV 4; sides not stated; 30 min, turned, weekly × 6", () => {
    const kerr = get("tara-194");
    assert.deepEqual(codes(kerr), ["BL23", "BL25", "GB30", "BL40", "KI3", "GV4"]);
    assert.equal(kerr.sidesAsStated, false);
    assert.deepEqual(kerr.unresolved, []);
    assert.deepEqual(kerr.parameters, { retentionMinutes: 30, manipulation: "twirling", deQi: true, frequency: "1/week × 6" });
    assert.equal(kerr.source.doi, "10.1097/00002508-200311000-00004");
  });

  it("row 257 (Yeung 2003): UB23, UB25, UB40, SP6 with 2 Hz electroacupuncture", () => {
    const yeung = get("tara-257");
    assert.deepEqual(codes(yeung), ["BL23", "BL25", "BL40", "SP6"]);
    assert.equal(yeung.modality, "electro");
    assert.deepEqual(yeung.parameters.estimHz, [2]);
    assert.equal(yeung.source.doi, "10.1089/107555303322284767");
  });

  it("row 397 (Szczurko 2007): GV 3, GV 4 midline and BL 23, 25, 40 stated bilateral, 20 min", () => {
    const szczurko = get("tara-397");
    assert.deepEqual(
      szczurko.points.map((p) => [p.point, p.side]),
      [
        ["GV3", "midline"],
        ["GV4", "midline"],
        ["BL23", "bilateral"],
        ["BL25", "bilateral"],
        ["BL40", "bilateral"],
      ],
    );
    assert.equal(szczurko.sidesAsStated, true);
    assert.equal(szczurko.parameters.retentionMinutes, 20);
  });

  it("row 182 (Guerreiro da Silva 2004): Huatuojiaji resolves to EX-B2", () => {
    assert.deepEqual(codes(get("tara-182")), ["KI3", "SI3", "BL62", "BL40", "TE5", "GB30", "GB41", "EX-B2"]);
  });

  it("row 98 (Wedenberg 2000): names the atlas cannot resolve are kept, local points are ashi", () => {
    const wedenberg = get("tara-98");
    assert.deepEqual(codes(wedenberg), ["BL26", "BL27", "BL28", "BL29", "BL30", "BL60", null]);
    assert.ok(wedenberg.unresolved.includes("Cw 2"));
  });
});

describe("treatmentFromProtocol", () => {
  it("pre-fills sites with side, retention and manipulation, leaving de qi to the visit", () => {
    const treatment = treatmentFromProtocol(get("tara-194"));
    assert.equal(treatment.modality, "manual");
    assert.equal(treatment.sites.length, 6);
    assert.equal(plannedNeedleCount(treatment), 11);
    for (const site of treatment.sites) {
      assert.equal(site.retentionMinutes, 30);
      assert.equal(site.manipulation, "twirling");
      assert.equal(site.deQi, null);
      assert.equal(site.infectedSite, false);
    }
    assert.equal(treatment.sites.find((s) => s.point === "GV4")?.side, "midline");
  });

  it("leaves what the source does not give empty", () => {
    const treatment = treatmentFromProtocol(get("tara-257"));
    assert.equal(treatment.modality, "electro");
    assert.equal(treatment.electro, null);
    for (const site of treatment.sites) {
      assert.equal(site.retentionMinutes, null);
      assert.equal(site.manipulation, null);
      assert.equal(site.deQi, null);
    }
  });

  it("keeps ashi points as ashi sites with their region", () => {
    const treatment = treatmentFromProtocol(get("cherkin-2009-standardised"));
    const ashi = treatment.sites.filter((s) => s.point === null);
    assert.equal(ashi.length, 1);
    assert.equal(ashi[0]!.ashiRegion, "lower back");
  });

  it("findProtocol returns null for an unknown id", () => {
    assert.equal(findProtocol("no-such-protocol"), null);
  });
});
