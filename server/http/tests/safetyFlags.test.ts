import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { SAFETY_FLAGS } from "../../../domain/assessment/safetyFlags.ts";
import { createTestContext, patientBody, type TestContext } from "../../testing/testClinic.ts";

describe("patient safety flags (clinical-facts §6)", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(() => t.close());

  it("lists every flag, sets some, keeps the others, and keeps them current", async () => {
    const { practitioner } = await t.newClinic();
    const patient = (await practitioner.post("/api/v1/patients", patientBody())).json();
    const url = `/api/v1/patients/${patient.id}/safety-flags`;
    const initial = (await practitioner.get(url)).json();
    assert.equal(initial.length, SAFETY_FLAGS.length);
    assert.ok(initial.every((f: { active: boolean; updatedAt: string | null }) => !f.active && f.updatedAt === null));

    await practitioner.patch(url, { anticoagulants: { active: true, note: "Apixaban 5 mg twice daily" }, "implanted-device": { active: true } });
    await practitioner.patch(url, { "needle-anxiety": { active: true } });
    const flags = (await practitioner.get(url)).json();
    const active = flags.filter((f: { active: boolean }) => f.active).map((f: { flag: string }) => f.flag).sort();
    assert.deepEqual(active, ["anticoagulants", "implanted-device", "needle-anxiety"]);
    assert.match(flags.find((f: { flag: string }) => f.flag === "implanted-device").meaning, /No electroacupuncture/);

    await practitioner.patch(url, { anticoagulants: { active: false, note: "Stopped in March" } });
    const after = (await practitioner.get(url)).json().find((f: { flag: string }) => f.flag === "anticoagulants");
    assert.equal(after.active, false);
    assert.equal(after.note, "Stopped in March");
    assert.ok(after.updatedAt);
  });

  it("refuses unknown flags and changes nothing", async () => {
    const { practitioner } = await t.newClinic();
    const patient = (await practitioner.post("/api/v1/patients", patientBody())).json();
    const url = `/api/v1/patients/${patient.id}/safety-flags`;
    const response = await practitioner.patch(url, { pregnancy: { active: true }, "flying-carpet": { active: true } });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(Object.keys(response.json().fields), ["flying-carpet"]);
    assert.ok((await practitioner.get(url)).json().every((f: { active: boolean }) => !f.active));
  });

  it("is clinical and clinic-scoped", async () => {
    const { practitioner, frontDesk } = await t.newClinic();
    const patient = (await practitioner.post("/api/v1/patients", patientBody())).json();
    const url = `/api/v1/patients/${patient.id}/safety-flags`;
    assert.equal((await frontDesk.get(url)).statusCode, 403);
    const other = await t.newClinic();
    assert.equal((await other.practitioner.get(url)).statusCode, 404);
    assert.equal((await other.practitioner.patch(url, { pregnancy: { active: true } })).statusCode, 404);
  });
});
