import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { passwordProblem } from "./passwordPolicy.ts";

describe("passwordProblem (NIST SP 800-63B length over composition)", () => {
  const cases: [string, ReturnType<typeof passwordProblem>, { email?: string }?][] = [
    ["short one", "too_short"],
    ["correct horse battery", null],
    ["Password!!", "too_guessable"],
    ["1234567890", "too_guessable"],
    ["aaaaaaaaaaaa", "too_guessable"],
    ["x".repeat(201), "too_long"],
    ["dana.whitfield-2026", "too_guessable", { email: "dana.whitfield@clinic.test" }],
    ["ünïcödé pässwörd", null],
  ];
  for (const [password, expected, context] of cases) {
    it(`${JSON.stringify(password.slice(0, 24))} → ${expected}`, () => assert.equal(passwordProblem(password, context), expected));
  }
});
