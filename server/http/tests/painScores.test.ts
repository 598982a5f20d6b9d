import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestContext, patientBody, type TestContext } from "../../testing/testClinic.ts";

describe("pain scores", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(() => t.close());

  async function newPatient() {
    const clinic = await t.newClinic();
    const patient = (await clinic.practitioner.post("/api/v1/patients", patientBody())).json();
    return { ...clinic, url: `/api/v1/patients/${patient.id}/pain-scores`, patient };
  }

  it("records scores and lists them oldest first", async () => {
    const { practitioner, owner, url, patient } = await newPatient();
    for (const [score, recordedOn] of [[7, "2026-01-10"], [4, "2026-02-07"], [5, "2026-01-24"]] as const) {
      const response = await practitioner.post(url, { score, recordedOn, note: score === 7 ? "baseline" : "" });
      assert.equal(response.statusCode, 201);
      assert.equal(response.json().patientId, patient.id);
      assert.equal(response.json().recordedBy, practitioner.userId);
    }
    const scores = (await owner.get(url)).json();
    assert.deepEqual(scores.map((s: { score: number }) => s.score), [7, 5, 4]);
    assert.equal(scores[0].note, "baseline");
    assert.equal(scores[1].note, null);
  });

  it("accepts 0 and 10 and refuses anything else, storing nothing", async () => {
    const { practitioner, url } = await newPatient();
    for (const score of [0, 10]) assert.equal((await practitioner.post(url, { score, recordedOn: "2026-01-01" })).statusCode, 201);
    for (const body of [
      { score: 11, recordedOn: "2026-01-01" },
      { score: -1, recordedOn: "2026-01-01" },
      { score: 2.5, recordedOn: "2026-01-01" },
      { score: "5", recordedOn: "2026-01-01" },
      { score: 5, recordedOn: "2999-01-01" },
      { score: 5, recordedOn: "2026-02-30" },
      { score: 5 },
      { score: 5, recordedOn: "2026-01-01", note: "x".repeat(2001) },
    ]) {
      const response = await practitioner.post(url, body);
      assert.equal(response.statusCode, 400, JSON.stringify(body).slice(0, 80));
      assert.equal(response.json().code, "VALIDATION_FAILED");
    }
    assert.equal((await practitioner.get(url)).json().length, 2);
  });

  it("is clinical data: the front desk can neither read nor record it", async () => {
    const { frontDesk, url } = await newPatient();
    const read = await frontDesk.get(url);
    assert.equal(read.statusCode, 403);
    assert.equal(read.json().code, "FORBIDDEN");
    assert.equal((await frontDesk.post(url, { score: 3, recordedOn: "2026-01-01" })).statusCode, 403);
  });

  it("answers 404 for scores of an unknown patient", async () => {
    const { practitioner } = await t.newClinic();
    const response = await practitioner.post("/api/v1/patients/00000000-0000-4000-8000-000000000000/pain-scores", {
      score: 3,
      recordedOn: "2026-01-01",
    });
    assert.equal(response.statusCode, 404);
  });
});
