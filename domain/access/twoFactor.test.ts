import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatRecoveryCode, normaliseRecoveryCode } from "./twoFactor.ts";

describe("recovery codes as typed (Crockford base32: no I, L, O, U)", () => {
  const cases: [string, string | null][] = [
    ["7KQ2M-XR4TB", "7KQ2MXR4TB"],
    ["7kq2m xr4tb", "7KQ2MXR4TB"],
    [" 7KQ2MXR4TB ", "7KQ2MXR4TB"],
    // Look-alikes read as the digit: O as 0, I and L as 1.
    ["O1234-5678I", "0123456781"],
    ["l0000-00000", "1000000000"],
    ["7KQ2M-XR4T", null],
    ["7KQ2M-XR4TBB", null],
    // U is not in the alphabet (Crockford leaves it out), nor is punctuation.
    ["7KQ2M-XR4TU", null],
    ["7KQ2M_XR4TB", null],
    ["123456", null],
  ];
  for (const [typed, expected] of cases) {
    it(`${JSON.stringify(typed)} → ${expected}`, () => assert.equal(normaliseRecoveryCode(typed), expected));
  }

  it("shows a code in two groups of five, which reads back as itself", () => {
    assert.equal(formatRecoveryCode("7KQ2MXR4TB"), "7KQ2M-XR4TB");
    assert.equal(normaliseRecoveryCode(formatRecoveryCode("7KQ2MXR4TB")), "7KQ2MXR4TB");
  });
});
