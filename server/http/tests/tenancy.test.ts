/**
 * A user of clinic B tries every patient route on clinic A's data. Each attempt
 * must fail as if the record did not exist, and clinic A's data must be unchanged.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestContext, patientBody, type Agent, type TestContext } from "../../testing/testClinic.ts";

describe("clinic isolation", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(() => t.close());

  it("no role of clinic B can read or change anything of clinic A", async () => {
    const a = await t.newClinic();
    const b = await t.newClinic();
    const patient = (await a.practitioner.post("/api/v1/patients", patientBody({ recordNumber: "A-SECRET" }))).json();
    await a.practitioner.post(`/api/v1/patients/${patient.id}/pain-scores`, { score: 6, recordedOn: "2026-03-01" });
    const base = `/api/v1/patients/${patient.id}`;

    const attempts: [string, (agent: Agent) => ReturnType<Agent["get"]>][] = [
      ["GET patient", (agent) => agent.get(base)],
      ["PATCH patient", (agent) => agent.patch(base, { ...patientBody({ familyName: "Hijacked" }), recordNumber: "A-SECRET", version: 1 })],
      ["GET pain scores", (agent) => agent.get(`${base}/pain-scores`)],
      ["POST pain score", (agent) => agent.post(`${base}/pain-scores`, { score: 0, recordedOn: "2026-03-02" })],
    ];
    for (const agent of [b.owner, b.practitioner, b.frontDesk]) {
      for (const [name, attempt] of attempts) {
        const response = await attempt(agent);
        assert.ok(
          response.statusCode === 404 || (response.statusCode === 403 && agent.role === "front_desk" && name.includes("pain")),
          `${agent.role} ${name}: ${response.statusCode}`,
        );
      }
      for (const q of ["", "A-SECRET", patient.familyName, patient.birthDate]) {
        const list = await agent.get(`/api/v1/patients?q=${encodeURIComponent(q)}`);
        assert.equal(list.json().total, 0, `${agent.role} search ${JSON.stringify(q)}`);
      }
    }
    const audit = (await b.owner.get(`/api/v1/audit-events?patientId=${patient.id}`)).json();
    assert.deepEqual(audit, [], "clinic B's audit log shows nothing of clinic A");
    const users = (await b.owner.get("/api/v1/users")).json();
    assert.ok(users.every((u: { email: string }) => ![a.owner.email, a.practitioner.email].includes(u.email)));
    const changeOtherUser = await b.owner.patch(`/api/v1/users/${a.practitioner.userId}`, { active: false });
    assert.equal(changeOtherUser.statusCode, 404);

    const unchanged = (await a.practitioner.get(base)).json();
    assert.equal(unchanged.familyName, patient.familyName);
    assert.equal(unchanged.version, 1);
    const scores = (await a.practitioner.get(`${base}/pain-scores`)).json();
    assert.deepEqual(scores.map((s: { score: number }) => s.score), [6]);
    assert.equal((await a.practitioner.get("/api/v1/session")).statusCode, 200, "clinic A's user is still active");
  });

  it("the database itself refuses a score pointing at another clinic's patient", async () => {
    const a = await t.newClinic();
    const b = await t.newClinic();
    const patient = (await a.practitioner.post("/api/v1/patients", patientBody())).json();
    await assert.rejects(
      t.db.query("insert into pain_scores (clinic_id, patient_id, score, recorded_on) values ($1, $2, 5, '2026-01-01')", [
        b.clinicId,
        patient.id,
      ]),
      /foreign key/,
    );
  });
});
