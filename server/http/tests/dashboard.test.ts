import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { calendarDateOf } from "../../../domain/shared/calendarDate.ts";
import { createTestContext, patientBody, type TestContext } from "../../testing/testClinic.ts";

const daysAgo = (n: number) => calendarDateOf(new Date(Date.now() - n * 86_400_000));

describe("clinic dashboard", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(() => t.close());

  it("reports the share responding at 4 weeks and the overdue follow-ups, for this clinic only", async () => {
    const { practitioner, frontDesk } = await t.newClinic();
    const intake = { onsetDate: "2026-01-05", location: "central", radiation: "none" };

    const improving = (await practitioner.post("/api/v1/patients", patientBody({ familyName: "Better" }))).json();
    await practitioner.post(`/api/v1/patients/${improving.id}/episodes`, { ...intake, intakeOn: daysAgo(28) });
    await practitioner.post(`/api/v1/patients/${improving.id}/pain-scores`, { score: 8, recordedOn: daysAgo(28) });
    await practitioner.post(`/api/v1/patients/${improving.id}/pain-scores`, { score: 5, recordedOn: daysAgo(0) });

    const missed = (await practitioner.post("/api/v1/patients", patientBody({ familyName: "Missed" }))).json();
    await practitioner.post(`/api/v1/patients/${missed.id}/episodes`, { ...intake, intakeOn: daysAgo(40) });

    const dashboard = (await practitioner.get("/api/v1/dashboard")).json();
    assert.equal(dashboard.patients, 2);
    assert.deepEqual(dashboard.milestones[0], { week: 4, measured: 1, responding: 1, share: 100 });
    assert.equal(dashboard.overdue, 1);

    assert.equal((await frontDesk.get("/api/v1/dashboard")).statusCode, 403);
    const other = await t.newClinic();
    assert.equal((await other.practitioner.get("/api/v1/dashboard")).json().patients, 0);
  });
});
