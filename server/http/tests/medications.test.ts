import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestContext, patientBody, type TestContext } from "../../testing/testClinic.ts";

describe("medications and MME/day (CDC 2022 factors)", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(() => t.close());

  async function patientUrl() {
    const clinic = await t.newClinic();
    const patient = (await clinic.practitioner.post("/api/v1/patients", patientBody())).json();
    return { ...clinic, url: `/api/v1/patients/${patient.id}/medications` };
  }

  it("totals the current opioids in MME/day and drops stopped ones", async () => {
    const { practitioner, url } = await patientUrl();
    await practitioner.post(url, { name: "Oxycodone ER 10 mg twice daily", opioid: "oxycodone", dailyDose: 20, startedOn: "2026-01-10" });
    await practitioner.post(url, { name: "Tramadol 50 mg four times daily", opioid: "tramadol", dailyDose: 200 });
    const list = (await practitioner.post(url, { name: "Ibuprofen 400 mg as needed" })).json();
    assert.equal(list.medications.length, 3);
    assert.equal(list.currentMmePerDay, 70, "oxycodone 20 × 1.5 + tramadol 200 × 0.2");
    const tramadol = list.medications.find((m: { opioid: string }) => m.opioid === "tramadol");
    const stopped = await practitioner.post(`/api/v1/medications/${tramadol.id}/stop`, { stoppedOn: "2026-03-01" });
    assert.equal(stopped.statusCode, 200);
    assert.equal(stopped.json().currentMmePerDay, 30);
    assert.equal((await practitioner.post(`/api/v1/medications/${tramadol.id}/stop`, { stoppedOn: "2026-03-02" })).statusCode, 404, "already stopped");
  });

  it("needs the dose of an opioid and refuses unknown opioids, storing nothing", async () => {
    const { practitioner, url } = await patientUrl();
    const noDose = await practitioner.post(url, { name: "Morphine", opioid: "morphine" });
    assert.equal(noDose.statusCode, 400);
    assert.ok(noDose.json().fields.dailyDose);
    assert.equal((await practitioner.post(url, { name: "X", opioid: "unobtainium", dailyDose: 5 })).statusCode, 400);
    assert.equal((await practitioner.get(url)).json().medications.length, 0);
  });

  it("is clinical and clinic-scoped", async () => {
    const { frontDesk, practitioner, url } = await patientUrl();
    assert.equal((await frontDesk.get(url)).statusCode, 403);
    const list = (await practitioner.post(url, { name: "Codeine", opioid: "codeine", dailyDose: 60 })).json();
    const other = await t.newClinic();
    assert.equal((await other.practitioner.get(url)).statusCode, 404);
    assert.equal((await other.practitioner.post(`/api/v1/medications/${list.medications[0].id}/stop`, { stoppedOn: "2026-03-01" })).statusCode, 404);
  });
});
