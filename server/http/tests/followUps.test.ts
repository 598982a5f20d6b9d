import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { calendarDateOf } from "../../../domain/shared/calendarDate.ts";
import { createTestContext, patientBody, type TestContext } from "../../testing/testClinic.ts";

describe("follow-up list", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(() => t.close());

  it("lists a patient whose 4-week measurement is due, and drops them once an outcome is recorded", async () => {
    const { practitioner, frontDesk } = await t.newClinic();
    const fresh = (await practitioner.post("/api/v1/patients", patientBody({ familyName: "Fresh" }))).json();
    await practitioner.post(`/api/v1/patients/${fresh.id}/episodes`, { onsetDate: "2026-01-05", location: "central", radiation: "none" });
    assert.deepEqual((await practitioner.get("/api/v1/follow-ups")).json(), [], "nothing due on the day of intake");

    const patient = (await practitioner.post("/api/v1/patients", patientBody({ familyName: "Duesen" }))).json();
    const base = `/api/v1/patients/${patient.id}`;

    // An intake entered after the fact, 28 days ago: the 4-week milestone is due today.
    const intakeOn = calendarDateOf(new Date(Date.now() - 28 * 86_400_000));
    await practitioner.post(`${base}/episodes`, { intakeOn, onsetDate: "2026-01-05", location: "central", radiation: "none" });
    const due = (await practitioner.get("/api/v1/follow-ups")).json();
    assert.equal(due.length, 1);
    assert.equal(due[0].name, "Duesen, Testa");
    assert.deepEqual(due[0].milestones.map((m: { week: number; status: string }) => `${m.week}:${m.status}`), ["4:due", "8:upcoming", "12:upcoming"]);

    await practitioner.post(`${base}/pain-scores`, { score: 4, recordedOn: calendarDateOf(new Date()) });
    assert.deepEqual((await practitioner.get("/api/v1/follow-ups")).json(), []);
    assert.equal((await frontDesk.get("/api/v1/follow-ups")).statusCode, 403);
    const other = await t.newClinic();
    assert.deepEqual((await other.practitioner.get("/api/v1/follow-ups")).json(), []);
  });
});
