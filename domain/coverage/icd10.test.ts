import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DELETED_CODES, episodeDiagnosisCode, ICD10_CODES, icd10Choices, icd10Contradiction, suggestIcd10, validateIcd10, type Icd10EpisodeFacts } from "./icd10.ts";

describe("ICD-10-CM picker list (clinical-facts §3)", () => {
  it("holds exactly the §3 codes", () => {
    assert.deepEqual(
      ICD10_CODES.map((c) => c.code),
      ["M54.50", "M54.51", "M54.59", "M54.16", "M54.17", "M54.30", "M54.31", "M54.32", "M54.40", "M54.41", "M54.42", "M54.89", "M54.9", "M47.816", "M48.061", "M48.062", "M51.26"],
    );
    for (const c of ICD10_CODES) assert.ok(c.title.length > 0);
  });

  it("leaves out the UNCONFIRMED M51.36x/M51.37x and the deleted M54.5", () => {
    assert.ok(!ICD10_CODES.some((c) => c.code.startsWith("M51.36") || c.code.startsWith("M51.37") || c.code === "M54.5"));
  });
});

describe("validateIcd10", () => {
  // [case, input, ok, reason matches]
  const cases: [string, string, boolean, RegExp | null][] = [
    ["§3: M54.5 deleted 2021-10-01 is refused", "M54.5", false, /deleted .*2021-10-01/],
    ["M54.5 in lower case is refused too", " m54.5 ", false, /deleted/],
    ["§3 UNCONFIRMED: M51.36x refused", "M51.362", false, /unconfirmed/],
    ["§3 UNCONFIRMED: M51.37x refused", "M51.37", false, /unconfirmed/],
    ["an unknown code is refused", "Z99.9", false, /not one of the ICD-10-CM codes/],
    ["empty is refused", "", false, /not one of/],
    ["§3: M54.50 accepted", "M54.50", true, null],
    ["§3: M54.42 accepted, case ignored", "m54.42", true, null],
    ["§3: M47.816 accepted", "M47.816", true, null],
  ];
  for (const [name, input, ok, reason] of cases) {
    it(name, () => {
      const check = validateIcd10(input);
      assert.equal(check.ok, ok);
      if (!check.ok) assert.match(check.reason, reason!);
    });
  }

  it("M54.5 is in DELETED_CODES with its date", () => {
    assert.deepEqual(
      DELETED_CODES.map((c) => [c.code, c.deletedOn]),
      [["M54.5", "2021-10-01"]],
    );
  });

  it("gives the title of an accepted code", () => {
    assert.deepEqual(validateIcd10("M54.41"), { ok: true, code: "M54.41", title: "Lumbago with sciatica, right side" });
  });
});

describe("suggestIcd10 follows what the episode records (clinical-facts §3; the issue)", () => {
  const ep = (radiation: Icd10EpisodeFacts["radiation"], radiationSide: Icd10EpisodeFacts["radiationSide"], recordedDiagnosis?: string): Icd10EpisodeFacts => ({
    location: "central",
    radiation,
    radiationSide,
    ...(recordedDiagnosis === undefined ? {} : { recordedDiagnosis }),
  });
  // [case, episode, expected code, rule matches]
  const cases: [string, Icd10EpisodeFacts, string, RegExp][] = [
    ["below the knee on the left: lumbago with sciatica, left (issue)", ep("below-knee", "left"), "M54.42", /below the knee on the left/],
    ["below the knee on the right: M54.41", ep("below-knee", "right"), "M54.41", /right side/],
    ["below the knee, side not recorded: M54.40 (issue)", ep("below-knee", null), "M54.40", /side not recorded/],
    ["below the knee on both sides: M54.40", ep("below-knee", "both"), "M54.40", /both sides/],
    ["thigh on the left: M54.42", ep("thigh", "left"), "M54.42", /to the thigh/],
    ["thigh on the right: M54.41", ep("thigh", "right"), "M54.41", /to the thigh/],
    ["thigh, side not recorded: M54.40", ep("thigh", null), "M54.40", /unspecified side/],
    ["thigh on both sides: M54.40", ep("thigh", "both"), "M54.40", /unspecified side/],
    ["no radiation: M54.50", ep("none", null), "M54.50", /without radiation/],
    ["buttock only: not sciatica by itself, M54.50", ep("buttock", "left"), "M54.50", /buttock.*not sciatica/],
    ["a side without radiation is ignored: M54.50", ep("none", "right"), "M54.50", /without radiation/],
    ["recorded radiculopathy M54.16 is suggested as recorded", ep("below-knee", "left", "M54.16"), "M54.16", /records the diagnosis M54.16/],
    ["recorded stenosis M48.062 is suggested as recorded", ep("none", null, "M48.062"), "M48.062", /records the diagnosis/],
    ["recorded spondylosis M47.816 is suggested as recorded", ep("none", null, "m47.816"), "M47.816", /records the diagnosis/],
    ["recorded M54.5 is refused and the rule says so", ep("none", null, "M54.5"), "M54.50", /not used: M54.5 was deleted/],
    ["recorded unknown code is not used", ep("below-knee", "right", "M99.99"), "M54.41", /not used/],
    ["an empty recorded diagnosis is ignored", ep("thigh", "left", "  "), "M54.42", /^Back pain radiating to the thigh on the left: lumbago with sciatica, left side\.$/],
  ];
  for (const [name, episode, code, rule] of cases) {
    it(name, () => {
      const suggestion = suggestIcd10(episode);
      assert.equal(suggestion.code, code);
      assert.equal(suggestion.title, ICD10_CODES.find((c) => c.code === code)!.title);
      assert.match(suggestion.rule, rule);
    });
  }

  it("never suggests radiculopathy, spondylosis, stenosis or disc displacement without a recorded diagnosis", () => {
    const specific = ["M54.16", "M54.17", "M47.816", "M48.061", "M48.062", "M51.26", "M54.51", "M54.59", "M54.30", "M54.31", "M54.32"];
    for (const radiation of ["none", "buttock", "thigh", "below-knee"] as const) {
      for (const side of ["left", "right", "both", null] as const) {
        for (const location of ["central", "left", "right", "both"] as const) {
          const code = suggestIcd10({ location, radiation, radiationSide: side }).code;
          assert.ok(!specific.includes(code), `${radiation}/${side}/${location} → ${code}`);
          assert.ok(validateIcd10(code).ok);
        }
      }
    }
  });
});

describe("the picker refuses codes the record contradicts", () => {
  const leftLeg = { location: "central", radiation: "below-knee", radiationSide: "left" } as const;
  const cases: [string, Parameters<typeof icd10Contradiction>[0], string, RegExp | null][] = [
    ["left sciatica on a left-leg record", leftLeg, "M54.42", null],
    ["right sciatica on a left-leg record", leftLeg, "M54.41", /right side; the episode records the left side/],
    ["sciatica with the side unspecified on a left-leg record", leftLeg, "M54.40", null],
    ["either side when both legs are recorded", { ...leftLeg, radiationSide: "both" }, "M54.31", null],
    ["a sided code when no side is recorded", { ...leftLeg, radiationSide: null }, "M54.32", /records no side/],
    ["sciatica without pain into the leg", { location: "central", radiation: "buttock", radiationSide: "left" }, "M54.30", /buttock only/],
    ["radiculopathy, recorded by choosing it", { location: "central", radiation: "none", radiationSide: null }, "M54.16", null],
  ];
  for (const [name, episode, code, expected] of cases) {
    it(name, () => {
      const why = icd10Contradiction(episode, code);
      if (expected === null) assert.equal(why, null);
      else assert.match(why ?? "", expected);
    });
  }
  it("marks the suggestion and disables what is contradicted", () => {
    const choices = icd10Choices(leftLeg);
    assert.deepEqual(choices.filter((c) => c.suggested).map((c) => c.code), ["M54.42"]);
    assert.deepEqual(choices.filter((c) => c.contradiction).map((c) => c.code), ["M54.31", "M54.41"]);
  });
  it("a claim carries the chosen code only while the record supports it", () => {
    assert.equal(episodeDiagnosisCode({ ...leftLeg, icd10Code: "M54.16" }).code, "M54.16");
    const stale = episodeDiagnosisCode({ ...leftLeg, radiation: "none", icd10Code: "M54.42" });
    assert.equal(stale.code, "M54.50");
    assert.match(stale.rule, /chosen M54.42 is not used: .*needs pain into the leg/);
    assert.equal(episodeDiagnosisCode({ ...leftLeg, icd10Code: null }).code, "M54.42");
  });
});
