/**
 * What the attacker-minded tests of issue 15 found, each fixed at the
 * boundary: no API answer is cached, text with a NUL or an unpaired
 * surrogate is refused (never stored, never a 500), reading a patient's
 * report links is audited, and refused requests are audited as denied access.
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

  it("audits a refused request as denied access in the asker's clinic: another clinic's id (404) and a role's limit (403), with the route and ids only", async () => {
    const prober = await t.newClinic();
    // The row is written once the answer has gone (onResponse), so it is read when it has arrived.
    const denied = async (userId: string, expected: number) => {
      for (let tries = 0; ; tries++) {
        const rows = await t.db.query<{ detail: { method: string; route: string; status: number; ids: string[] } }>(
          "select detail from audit_events where clinic_id = $1 and user_id = $2 and action = 'denied' and entity = 'request' order by id",
          [prober.clinicId, userId],
        );
        if (rows.length >= expected || tries === 50) return rows;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    assert.equal((await prober.practitioner.get(`/api/v1/patients/${patientId}`)).statusCode, 404);
    assert.deepEqual(
      (await denied(prober.practitioner.userId, 1)).map((r) => r.detail),
      [{ method: "GET", route: "/api/v1/patients/:patientId", status: 404, ids: [patientId] }],
    );
    assert.equal((await prober.frontDesk.get(`/api/v1/patients/${patientId}/visits`)).statusCode, 404);
    const mine = (await prober.frontDesk.post("/api/v1/patients", patientBody())).json();
    assert.equal((await prober.frontDesk.get(`/api/v1/patients/${mine.id}/plans`)).statusCode, 403);
    assert.deepEqual(
      (await denied(prober.frontDesk.userId, 2)).map((r) => [r.detail.route, r.detail.status]),
      [
        ["/api/v1/patients/:patientId/visits", 404],
        ["/api/v1/patients/:patientId/plans", 403],
      ],
    );
    // The clinic whose id was tried learns nothing of it, and a request without a sign-in is not anyone's to audit.
    const [{ n }] = (await t.db.query<{ n: number }>("select count(*)::int as n from audit_events where clinic_id = $1 and action = 'denied'", [clinic.clinicId])) as [{ n: number }];
    assert.equal(n, 0);
    assert.equal((await t.app.inject({ method: "GET", url: `/api/v1/patients/${patientId}` })).statusCode, 401);
  });
});
