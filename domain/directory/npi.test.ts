import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isValidNpi, npiCheckDigit, npiProblem } from "./npi.ts";

describe("NPI check digit (CMS: Luhn over 80840 + nine digits)", () => {
  it("gives CMS's worked example: base 123456789 has check digit 3", () => {
    // CMS, "Requirements for NPI and NPI Enumerator", check-digit example: 1234567893.
    assert.equal(npiCheckDigit("123456789"), 3);
    assert.equal(isValidNpi("1234567893"), true);
  });

  it("refuses the example with any other last digit, and non-NPIs", () => {
    for (const digit of "012456789") assert.equal(isValidNpi(`123456789${digit}`), false, digit);
    for (const bad of ["", "123456789", "12345678931", "12345678a3", " 1234567893"]) assert.equal(isValidNpi(bad), false, bad);
  });

  it("accepts NPIs published in the registry examples and catches a swapped pair", () => {
    // Published NPIs quoted in the NPI registry API examples of ropensci/npi (Virginia Mason Medical Center, City Chiropractic).
    for (const npi of ["1174527683", "1902880578", "1588674808"]) assert.equal(isValidNpi(npi), true, npi);
    // Luhn catches a transposition of adjacent digits.
    assert.equal(isValidNpi("1175427683"), false);
  });

  it("passes the clinic NPI the tests and e2e use, and fails the one they used before", () => {
    // 1417965883 was in issue 11's tests; its check digit is 0, so the tests now use 1417965880.
    assert.equal(npiCheckDigit("141796588"), 0);
    assert.equal(isValidNpi("1417965880"), true);
    assert.equal(isValidNpi("1417965883"), false);
  });

  it("explains a refusal for a form", () => {
    assert.equal(npiProblem("1234567893"), null);
    assert.match(npiProblem("123")!, /10 digits/);
    assert.match(npiProblem("1234567890")!, /check digit/);
  });
});
