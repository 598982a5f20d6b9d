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
    assert.deepEqual(due[0].milestones[0].missing, ["nrs"]);

    await practitioner.post(`${base}/pain-scores`, { score: 4, recordedOn: calendarDateOf(new Date()) });
    assert.deepEqual((await practitioner.get("/api/v1/follow-ups")).json(), []);
    assert.equal((await frontDesk.get("/api/v1/follow-ups")).statusCode, 200, "the front desk sees who is due, to send links");
    const other = await t.newClinic();
    assert.deepEqual((await other.practitioner.get("/api/v1/follow-ups")).json(), []);
  });

  it("follows the clinic's schedule: what each milestone asks for, and weekly check-ins", async () => {
    const { owner, practitioner, frontDesk } = await t.newClinic();
    const patient = (await practitioner.post("/api/v1/patients", patientBody({ familyName: "Weekly" }))).json();
    const base = `/api/v1/patients/${patient.id}`;
    const daysAgo = (n: number) => calendarDateOf(new Date(Date.now() - n * 86_400_000));
    await practitioner.post(`${base}/episodes`, { intakeOn: daysAgo(28), onsetDate: "2026-01-05", location: "central", radiation: "none" });
    await practitioner.post(`${base}/pain-scores`, { score: 5, recordedOn: daysAgo(0) });
    assert.deepEqual((await practitioner.get("/api/v1/follow-ups")).json(), [], "the default asks for pain only");

    const schedule = { weeks: [8, 4, 12], windowDays: 7, milestoneInstruments: ["nrs", "odi"], checkIn: { everyWeeks: 1, instruments: ["nrs"] } };
    assert.equal((await practitioner.put("/api/v1/follow-up-schedule", { schedule })).statusCode, 403);
    const bad = await owner.put("/api/v1/follow-up-schedule", { schedule: { ...schedule, windowDays: 0, milestoneInstruments: ["x"] } });
    assert.equal(bad.statusCode, 400);
    assert.ok(bad.json().fields["schedule.windowDays"] && bad.json().fields["schedule.milestoneInstruments.0"], bad.body);
    assert.equal((await practitioner.get("/api/v1/follow-up-schedule")).json().isDefault, true, "a refused change changes nothing");

    const saved = await owner.put("/api/v1/follow-up-schedule", { schedule });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.deepEqual(saved.json().schedule.weeks, [4, 8, 12]);
    const due = (await practitioner.get("/api/v1/follow-ups")).json();
    assert.equal(due.length, 1);
    const week4 = due[0].milestones.find((m: { kind: string; week: number }) => m.kind === "milestone" && m.week === 4);
    assert.deepEqual([week4.status, week4.missing], ["due", ["odi"]]);
    const checkIns = due[0].milestones.filter((m: { kind: string }) => m.kind === "check-in");
    assert.deepEqual(checkIns.map((m: { week: number; status: string }) => `${m.week}:${m.status}`).slice(0, 3), ["1:overdue", "2:overdue", "3:overdue"]);
    assert.equal((await frontDesk.get("/api/v1/follow-up-schedule")).statusCode, 200, "anyone signed in may read the schedule");
    const other = await t.newClinic();
    assert.equal((await other.owner.get("/api/v1/follow-up-schedule")).json().isDefault, true, "another clinic keeps its own schedule");

    const restored = await owner.put("/api/v1/follow-up-schedule", { schedule: null });
    assert.equal(restored.json().isDefault, true);
    assert.deepEqual((await practitioner.get("/api/v1/follow-ups")).json(), []);
    const audit = await t.db.query("select 1 from audit_events where entity = 'follow_up_schedule' and user_id = $1", [owner.userId]);
    assert.equal(audit.length, 2);
  });
});
