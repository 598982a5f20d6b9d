import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { tokenAllows } from "./apiTokens.ts";

describe("what an API token may do", () => {
  it("keeps each scope to its paths and methods", () => {
    assert.equal(tokenAllows("fhir-read", "GET", "/fhir/R4/Patient"), null);
    assert.match(tokenAllows("fhir-read", "GET", "/api/v1/patients")!, /FHIR only/);
    assert.match(tokenAllows("fhir-read", "POST", "/fhir/R4/Patient")!, /only read/);
    assert.equal(tokenAllows("read", "GET", "/api/v1/patients"), null);
    assert.match(tokenAllows("read", "PATCH", "/api/v1/patients/1")!, /only read/);
    assert.equal(tokenAllows("read-write", "POST", "/api/v1/patients"), null);
  });
  it("lets a reading token cancel a bulk export, and delete nothing else", () => {
    assert.equal(tokenAllows("fhir-read", "DELETE", "/fhir/R4/$export-status/0b1c"), null);
    assert.match(tokenAllows("fhir-read", "DELETE", "/fhir/R4/Patient/0b1c")!, /only read/);
    assert.match(tokenAllows("read", "POST", "/fhir/R4/$export-status/0b1c")!, /only read/);
  });
  it("never reaches sign-in, accounts, tokens or the web app's pages", () => {
    for (const path of ["/api/v1/session", "/api/v1/session/password", "/api/v1/account", "/api/v1/api-tokens", "/api/v1/api-tokens/1/revoke"]) {
      assert.ok(tokenAllows("read-write", "GET", path), path);
    }
    assert.ok(tokenAllows("read-write", "GET", "/patients"));
    assert.ok(tokenAllows("read-write", "GET", "/fhir/R4x"));
  });
});
