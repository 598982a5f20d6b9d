import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { SAFETY_FLAGS } from "../assessment/safetyFlags.ts";
import { ATLAS } from "../points/atlas.ts";
import { checkSafety, unknownPoints, type SafetyInput, type SafetyRuleId } from "./safety.ts";
import { emptyTreatment, newSite, type Depth, type SiteRef, type Side, type Treatment } from "./treatment.ts";

/** A treatment from "BL23 b", "GV3 m", "LU1 l@0.3cun" shorthands, with optional e-stim pairs "BL23 l-BL25 l". */
function plan(sites: string[], options: { modality?: Treatment["modality"]; pairs?: string[]; infected?: string[] } = {}): Treatment {
  const sideOf: Record<string, Side> = { l: "left", r: "right", b: "bilateral", m: "midline" };
  const treatment = emptyTreatment(options.modality ?? "manual");
  treatment.sites = sites.map((text) => {
    const [code, rest = "b"] = text.split(" ");
    const [side, depthText] = rest.split("@");
    const site = newSite(code!, sideOf[side!]!);
    if (depthText) {
      const match = /^([\d.]+)(cun|mm)$/.exec(depthText)!;
      site.depth = { value: Number(match[1]), unit: match[2] as Depth["unit"] };
    }
    site.infectedSite = options.infected?.includes(code!) ?? false;
    return site;
  });
  const ref = (text: string): SiteRef => {
    const [point, side] = text.split(" ");
    return { point: point!, side: sideOf[side!] as SiteRef["side"] };
  };
  if (options.pairs) {
    treatment.electro = {
      pairs: options.pairs.map((p) => {
        const [a, b] = p.split("-");
        return { a: ref(a!), b: ref(b!) };
      }),
      waveform: "continuous",
      frequenciesHz: [2],
      intensity: "to-tolerance",
      minutes: 20,
    };
  }
  return treatment;
}

const rulesOf = (input: SafetyInput) => checkSafety(input).map((f) => `${f.severity}:${f.rule}`);

describe("safety rules, each from its source", () => {
  // [case, flags, treatment, expected "severity:rule" present, rules that must be absent]
  const cases: [string, string[], Treatment, string[], SafetyRuleId[]][] = [
    // clinical-facts §6: traditionally forbidden points in pregnancy
    ["pregnancy with LI4, SP6, BL60, BL67 blocks", ["pregnancy"], plan(["LI4 b", "SP6 b", "BL60 l", "BL67 r"]), ["block:pregnancy-forbidden-point"], []],
    ["pregnancy with GB21 is a caution", ["pregnancy"], plan(["GB21 b"]), ["caution:pregnancy-point-with-care"], ["pregnancy-forbidden-point"]],
    ["pregnancy with BL23 (lumbar) is a caution", ["pregnancy"], plan(["BL23 b"]), ["caution:pregnancy-lumbosacral-abdominal"], ["pregnancy-forbidden-point"]],
    ["pregnancy with CV4 (lower abdomen) is a caution", ["pregnancy"], plan(["CV4 m"]), ["caution:pregnancy-lumbosacral-abdominal"], []],
    ["no pregnancy flag: SP6 is fine", [], plan(["SP6 b"]), [], ["pregnancy-forbidden-point"]],
    ["pregnancy with distal points only: nothing", ["pregnancy"], plan(["BL40 b", "KI3 b"]), [], ["pregnancy-forbidden-point", "pregnancy-lumbosacral-abdominal"]],
    // clinical-facts §6: implanted electrical device, no electroacupuncture
    ["implanted device with e-stim blocks", ["implanted-device"], plan(["BL23 l", "BL25 l"], { modality: "electro", pairs: ["BL23 l-BL25 l"] }), ["block:implanted-device-estim"], []],
    ["implanted device without e-stim: nothing", ["implanted-device"], plan(["BL23 b"]), [], ["implanted-device-estim"]],
    // clinical-facts §6: never across the heart or the brain
    ["lead from left to right hand crosses the chest", [], plan(["LI4 b"], { modality: "electro", pairs: ["LI4 l-LI4 r"] }), ["block:estim-across-chest"], []],
    ["lead from hand to leg runs through the trunk", [], plan(["LI4 l", "ST36 l"], { modality: "electro", pairs: ["LI4 l-ST36 l"] }), ["block:estim-across-chest"], []],
    ["lead on the head blocks", [], plan(["GB20 l", "GB21 l"], { modality: "electro", pairs: ["GB20 l-GB21 l"] }), ["block:estim-across-head"], []],
    ["lead along one side of the low back is fine", [], plan(["BL23 l", "BL25 l"], { modality: "electro", pairs: ["BL23 l-BL25 l"] }), [], ["estim-across-chest", "estim-across-head"]],
    ["lead across the low back (below the chest) is fine", [], plan(["BL25 b"], { modality: "electro", pairs: ["BL25 l-BL25 r"] }), [], ["estim-across-chest"]],
    // clinical-facts §6: bleeding disorders excluded, anticoagulants case by case
    ["bleeding disorder blocks needling", ["bleeding-disorder"], plan(["BL40 b"]), ["block:bleeding-disorder"], []],
    ["anticoagulants is a caution", ["anticoagulants"], plan(["BL40 b"]), ["caution:anticoagulants"], ["bleeding-disorder"]],
    ["bleeding disorder with nothing needled: nothing", ["bleeding-disorder"], plan([]), [], ["bleeding-disorder"]],
    // clinical-facts §6: seizure disorder, take special care
    ["seizure disorder with e-stim is a caution", ["seizure-disorder"], plan(["BL23 l", "BL25 l"], { modality: "electro", pairs: ["BL23 l-BL25 l"] }), ["caution:seizure-disorder-estim"], []],
    ["seizure disorder with manual needling: nothing for it", ["seizure-disorder"], plan(["BL23 b"]), [], ["seizure-disorder-estim"]],
    // clinical-facts §6: infected skin at a site
    ["a site marked infected blocks", [], plan(["BL23 b"], { infected: ["BL23"] }), ["block:infected-site"], []],
    ["skin lesions recorded is a caution to check the sites", ["skin-lesions"], plan(["BL23 b"]), ["caution:skin-lesions"], ["infected-site"]],
    // clinical-facts §6: upper back above T10 and chest, pneumothorax
    ["BL13 without a depth is a pneumothorax caution", [], plan(["BL13 b"]), ["caution:pneumothorax-no-depth"], []],
    ["BL13 within its range (0.5–0.7 cun, CAM via TARA): nothing", [], plan(["BL13 b@0.5cun"]), [], ["pneumothorax-no-depth", "depth-beyond-range"]],
    ["BL13 at 1.5 cun, beyond its range over the lung, blocks", [], plan(["BL13 b@1.5cun"]), ["block:depth-beyond-range"], []],
    ["BL13 in mm with no cun measured cannot be checked", [], plan(["BL13 b@15mm"]), ["caution:depth-not-comparable"], []],
    ["BL23 at 2 cun, beyond 1–1.2 cun, is a caution", [], plan(["BL23 b@2cun"]), ["caution:depth-beyond-range"], []],
    ["BL23 without depth: no pneumothorax caution (below the lung)", [], plan(["BL23 b"]), [], ["pneumothorax-no-depth"]],
    // atlas cautions derived from the source's notes and vessels
    ["CV8 is not needled in the source", [], plan(["CV8 m"]), ["block:not-needled-point"], []],
    ["BL40 lies over the popliteal artery", [], plan(["BL40 b"]), ["caution:point-near-vessel"], []],
  ];
  for (const [name, flags, treatment, expected, absent] of cases) {
    it(name, () => {
      const found = rulesOf({ flags, treatment });
      for (const rule of expected) assert.ok(found.includes(rule), `${rule} missing from ${found.join(", ")}`);
      for (const rule of absent) assert.ok(!found.some((f) => f.endsWith(`:${rule}`)), `${rule} should not apply: ${found.join(", ")}`);
    });
  }

  it("a depth in mm is checked once the patient's cun is known", () => {
    const found = checkSafety({ flags: [], treatment: plan(["BL13 b@30mm"]), cunMm: 20 });
    assert.equal(found.find((f) => f.rule === "depth-beyond-range")?.severity, "block");
  });

  it("nothing applies to a healthy patient's distal points", () => {
    assert.deepEqual(checkSafety({ flags: [], treatment: plan(["KI3 b", "SP9 b"]) }), []);
  });

  it("names the points of a finding, and lists blocks first", () => {
    const found = checkSafety({ flags: ["pregnancy", "anticoagulants"], treatment: plan(["SP6 b", "LI4 b"]) });
    assert.equal(found[0]!.severity, "block");
    assert.deepEqual(found.find((f) => f.rule === "pregnancy-forbidden-point")!.points, ["SP6", "LI4"]);
    for (const f of found) assert.ok(f.source.length > 0 && f.message.length > 0);
  });

  it("names a lead's points as bare codes, so an override can name them", () => {
    const found = checkSafety({ flags: [], treatment: plan(["LI4 b"], { modality: "electro", pairs: ["LI4 l-LI4 r"] }) });
    assert.deepEqual(found.find((f) => f.rule === "estim-across-chest")!.points, ["LI4"]);
  });

  it("names points the atlas does not know", () => {
    assert.deepEqual(unknownPoints(plan(["BL23 b", "XX99 b"])), ["XX99"]);
  });
});

describe("property: a flag never removes a finding", () => {
  const codes = ATLAS.points.filter((p) => !p.group).map((p) => p.code);
  const flagIds = SAFETY_FLAGS.map((f) => f.id);
  it("holds for random treatments and flag sets", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...codes), { minLength: 1, maxLength: 20 }),
        fc.subarray(flagIds),
        fc.constantFrom(...flagIds),
        fc.boolean(),
        (points, flags, extra, estim) => {
          const sites = points.map((code) => `${code} ${/^(GV|CV)/.test(code) ? "m" : "l"}`);
          const first = points[0]!;
          const side = /^(GV|CV)/.test(first) ? "m" : "l";
          const treatment = plan(sites, estim && points.length > 1 ? { modality: "electro", pairs: [`${first} ${side}-${points[1]} ${/^(GV|CV)/.test(points[1]!) ? "m" : "l"}`] } : {});
          const before = checkSafety({ flags, treatment }).map((f) => `${f.rule}|${f.points.join()}`);
          const after = new Set(checkSafety({ flags: [...flags, extra], treatment }).map((f) => `${f.rule}|${f.points.join()}`));
          return before.every((key) => after.has(key));
        },
      ),
      { numRuns: 300 },
    );
  });
});
