import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parsePatientQuery } from "./patientSearch.ts";
import { assignedRecordNumber, RECORD_NUMBER_PATTERN } from "./patient.ts";

describe("parsePatientQuery", () => {
  const cases: [string, ReturnType<typeof parsePatientQuery>][] = [
    ["", { kind: "all" }],
    ["   ", { kind: "all" }],
    ["1961-03-12", { kind: "birthDate", birthDate: "1961-03-12" as never }],
    ["3/12/1961", { kind: "birthDate", birthDate: "1961-03-12" as never }],
    ["02/30/1961", { kind: "text", terms: ["02/30/1961"] }], // not a real day: search it as text
    ["Smith", { kind: "text", terms: ["smith"] }],
    ["Smith, Jo", { kind: "text", terms: ["smith", "jo"] }],
    ["A-000042", { kind: "text", terms: ["a-000042"] }],
    ["Zoë Muñoz", { kind: "text", terms: ["zoe", "munoz"] }],
    ["(503) 555-0147", { kind: "phone", digits: "5035550147" }],
    ["555-0147", { kind: "phone", digits: "5550147" }],
    ["+1 503.555.0147", { kind: "phone", digits: "15035550147" }],
    ["MRN-1234567", { kind: "text", terms: ["mrn-1234567"] }], // letters: a record number, not a phone
    ["12345", { kind: "text", terms: ["12345"] }], // too short for a phone number
  ];
  for (const [raw, expected] of cases) {
    it(`${JSON.stringify(raw)}`, () => assert.deepEqual(parsePatientQuery(raw), expected));
  }
});

describe("record numbers", () => {
  it("assigned numbers are zero-padded and valid record numbers", () => {
    assert.equal(assignedRecordNumber(42), "A-000042");
    assert.match(assignedRecordNumber(1_234_567), RECORD_NUMBER_PATTERN);
  });
});
