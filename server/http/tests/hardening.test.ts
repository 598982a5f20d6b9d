/**
 * What the attacker-minded tests of issue 15 found, each fixed at the
 * boundary: no API answer is cached, text with a NUL or an unpaired
 * surrogate is refused (never stored, never a 500), and reading a patient's
 * report links is audited.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestContext, patientBody, type TestClinic, type TestContext } from "../../testing/testClinic.ts";

describe("hardening at the boundary", () => {
  let t: TestContext;
  let clinic: TestClinic;
  let patientId: string;
  before(async () => {
    t = await createTestContext();
    clinic = await t.newClinic();
    patientId = (await clinic.practitioner.post("/api/v1/patients", patientBody())).json().id;
  });
  after(() => t.close());

  it("tells browsers and proxies to keep no copy of an API or FHIR answer", async () => {
    for (const url of [`/api/v1/patients/${patientId}`, "/api/v1/patients?q=te", `/fhir/R4/Patient/${patientId}`, "/api/v1/no-such-route"]) {
      const response = await clinic.practitioner.get(url);
      assert.equal(response.headers["cache-control"], "no-store", url);
    }
  });

  it("answers a NUL in the search words as no match or a 400, never a 500", async () => {
    for (const q of ["%00", "te%00st", "%00%00%00%00%00%00%00"]) {
      const response = await clinic.practitioner.get(`/api/v1/patients?q=${q}`);
      assert.ok(response.statusCode === 200 || response.statusCode === 400, `${q}: ${response.statusCode} ${response.body}`);
    }
  });

  it("refuses text with a NUL or an unpaired surrogate in a body, saying which field, and stores nothing", async () => {
    const before = (await clinic.practitioner.get("/api/v1/patients?q=")).json().total;
    for (const givenName of ["Ann\u0000e", "Ann\ud800e", "Ann\udc00"]) {
      const response = await clinic.practitioner.post("/api/v1/patients", patientBody({ givenName }));
      assert.equal(response.statusCode, 400, response.body);
      assert.match(response.json().fields?.givenName ?? "", /character/);
    }
    const note = await clinic.practitioner.post(`/api/v1/patients/${patientId}/pain-scores`, { score: 4, recordedOn: "2026-01-05", note: "ok \ud83d" });
    assert.equal(note.statusCode, 400, note.body);
    assert.equal((await clinic.practitioner.get("/api/v1/patients?q=")).json().total, before);
    // A whole emoji (a surrogate pair) is text like any other.
    assert.equal((await clinic.practitioner.post("/api/v1/patients", patientBody({ givenName: "Ann 🌿" }))).statusCode, 201);
  });
});
