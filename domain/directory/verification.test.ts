import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { searchZip } from "./search.ts";
import { NPI_DISCLAIMER, npiRegistryRecordUrl, stateBoardFor } from "./verification.ts";

describe("verification steps", () => {
  it("names the state and advises searching its board when no sourced address is held", () => {
    const board = stateBoardFor("wa");
    assert.equal(board.stateName, "Washington");
    assert.equal(board.lookupUrl, null, "no board address without a named source");
    assert.match(board.advice, /Washington acupuncture licensing board/);
    assert.match(stateBoardFor(null).advice, /the state where they practise/);
  });

  it("links the NPI's registry record and says what an NPI does not prove", () => {
    assert.equal(npiRegistryRecordUrl("1234567893"), "https://npiregistry.cms.hhs.gov/provider-view/1234567893");
    assert.match(NPI_DISCLAIMER, /proves neither a licence nor the quality of care/);
  });

  it("reads a ZIP as typed", () => {
    assert.equal(searchZip(" 98101 "), "98101");
    assert.equal(searchZip("98101-1234"), "98101");
    assert.equal(searchZip("981011234"), "98101");
    assert.equal(searchZip("9810"), null);
    assert.equal(searchZip("abcde"), null);
  });
});
