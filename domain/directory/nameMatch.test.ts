import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { nameWords, namesAgree } from "./nameMatch.ts";

describe("staff name against the directory's name", () => {
  it("reads the words of a name without credentials, titles, initials or accents", () => {
    assert.deepEqual(nameWords("Sam Okafor, L.Ac."), ["sam", "okafor"]);
    assert.deepEqual(nameWords("DR. SAMUEL J OKAFOR JR."), ["samuel", "okafor"]);
    assert.deepEqual(nameWords("Zoë O'Brien-Hart"), ["zoe", "obrien", "hart"]);
  });

  // Cases: how NPPES writes a person's name (prefix, given, middle, family, suffix; capitals) against how a clinic writes it.
  const cases: [staff: string, listed: string, agree: boolean][] = [
    ["Sam Okafor, L.Ac.", "SAM OKAFOR", true],
    ["Sam Okafor, L.Ac.", "SAM J OKAFOR", true],
    ["Dana Whitfield, L.Ac.", "DR. DANA MARIE WHITFIELD", true],
    ["Zoë Hart", "ZOE HART", true],
    ["Sam Okafor", "SAMUEL OKAFOR", false],
    ["Dana Whitfield", "DANA OKAFOR", false],
    ["Lena Hart", "", false],
  ];
  for (const [staff, listed, agree] of cases) {
    it(`${staff} vs ${listed || "(no name)"}: ${agree ? "agree" : "differ"}`, () => assert.equal(namesAgree(staff, listed), agree));
  }
});
