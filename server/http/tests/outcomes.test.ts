import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestContext, patientBody, type TestContext } from "../../testing/testClinic.ts";

describe("questionnaires on the chart and the patient's outcome status", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(() => t.close());

  async function patient() {
    const clinic = await t.newClinic();
    const p = (await clinic.practitioner.post("/api/v1/patients", patientBody())).json();
    return { ...clinic, base: `/api/v1/patients/${p.id}` };
  }

  it("scores on the server, stores the score with its version, and refuses incomplete answers storing nothing", async () => {
    const { practitioner, base } = await patient();
    const stored = await practitioner.post(`${base}/instrument-responses`, {
      instrument: "odi",
      answers: [3, 2, 1, 2, 2, 1, 2, null, 2, 1],
      recordedOn: "2026-02-01",
    });
    assert.equal(stored.statusCode, 201);
    assert.equal(stored.json().score, 35.6);
    assert.equal(stored.json().version, "2.1a");
    assert.equal(stored.json().band, "moderate disability");
    const incomplete = await practitioner.post(`${base}/instrument-responses`, {
      instrument: "rmdq",
      answers: Array.from({ length: 24 }, (_, i) => (i === 0 ? null : 1)),
      recordedOn: "2026-02-01",
    });
    assert.equal(incomplete.statusCode, 422);
    assert.deepEqual(Object.keys(incomplete.json().fields), ["s1"]);
    assert.equal((await practitioner.get(`${base}/outcomes`)).json().responses.length, 1);
  });

  it("answers improving, with the rule, when the ODI falls by its MCID", async () => {
    const { practitioner, base } = await patient();
    await practitioner.post(`${base}/instrument-responses`, { instrument: "odi", answers: [3, 3, 3, 3, 3, 3, 3, 3, 3, 3], recordedOn: "2026-02-01" });
    await practitioner.post(`${base}/instrument-responses`, { instrument: "odi", answers: [2, 2, 2, 2, 2, 2, 2, 2, 2, 2], recordedOn: "2026-03-01" });
    const outcomes = (await practitioner.get(`${base}/outcomes`)).json();
    assert.equal(outcomes.status.status, "improving");
    assert.match(outcomes.status.rule, /ODI -20 \(-33\.3%\), MCID 10 points or 30%/);
    const odi = outcomes.trajectories.find((tr: { measure: string }) => tr.measure === "odi");
    assert.deepEqual([odi.baseline.value, odi.latest.value, odi.responder], [60, 40, true]);
  });

  it("answers regressing when pain rises by its MCID, counting quick NRS scores", async () => {
    const { practitioner, base } = await patient();
    await practitioner.post(`${base}/pain-scores`, { score: 4, recordedOn: "2026-02-01" });
    await practitioner.post(`${base}/pain-scores`, { score: 7, recordedOn: "2026-03-01" });
    const outcomes = (await practitioner.get(`${base}/outcomes`)).json();
    assert.equal(outcomes.status.status, "regressing");
  });

  it("is clinical and clinic-scoped", async () => {
    const { frontDesk, base } = await patient();
    assert.equal((await frontDesk.get(`${base}/outcomes`)).statusCode, 403);
    const other = await t.newClinic();
    assert.equal((await other.practitioner.get(`${base}/outcomes`)).statusCode, 404);
    assert.equal(
      (await other.practitioner.post(`${base}/instrument-responses`, { instrument: "nrs", answers: [5], recordedOn: "2026-02-01" })).statusCode,
      404,
    );
  });
});
