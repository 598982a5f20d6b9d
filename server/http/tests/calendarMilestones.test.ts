import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { addDays, type CalendarDate } from "../../../domain/shared/calendarDate.ts";
import { createTestContext, type TestContext } from "../../testing/testClinic.ts";
import { bookingClinic, patientWithPlan } from "./appointmentsFixture.ts";

describe("re-evaluations and follow-up milestones on the calendar", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(() => t.close());

  it("marks a plan's re-evaluation and the follow-up week-4 milestone on their days, for the whole clinic's view, and audits the patients shown", async () => {
    const clinic = await bookingClinic(t);
    const startOn = addDays(new Date().toISOString().slice(0, 10) as CalendarDate, 1);
    const reEvaluation = addDays(startOn, 21);
    const { patient } = await patientWithPlan(clinic, "2/week × 3 then 1/week × 4", startOn, [reEvaluation]);
    // The default follow-up schedule asks for NRS at week 4 from the episode's intake (today).
    const [{ intake_on }] = (await t.db.query<{ intake_on: string }>("select intake_on::text from episodes where patient_id = $1", [patient.id])) as [{ intake_on: string }];
    const week4 = addDays(intake_on as CalendarDate, 28);

    const from = addDays(reEvaluation, -1);
    const week = await clinic.frontDesk.get(`/api/v1/appointments?from=${from}&days=31`);
    assert.equal(week.statusCode, 200, week.body);
    const marks = week.json().milestones.filter((m: { patientId: string }) => m.patientId === patient.id);
    assert.deepEqual(
      marks.map((m: { on: string; kind: string; label: string }) => [m.on, m.kind, m.label]).sort(),
      [
        [reEvaluation, "re-evaluation", "Re-evaluation (plan)"],
        [week4, "follow-up", "Follow-up week 4: NRS"],
      ].sort(),
    );
    const [audit] = await t.db.query<{ detail: { shown: string[] } }>("select detail from audit_events where clinic_id = $1 and action = 'list' and entity = 'appointment' order by id desc limit 1", [clinic.clinicId]);
    assert.ok(audit!.detail.shown.includes(patient.id));

    // A day without either has none; one practitioner's calendar is about its appointments only.
    assert.deepEqual((await clinic.frontDesk.get(`/api/v1/appointments?from=${addDays(reEvaluation, 1)}&days=1`)).json().milestones.filter((m: { patientId: string }) => m.patientId === patient.id), []);
    assert.deepEqual((await clinic.frontDesk.get(`/api/v1/appointments?from=${from}&days=31&practitionerId=${clinic.practitioner.userId}`)).json().milestones, []);
    // Another clinic's calendar never shows them.
    const other = await t.newClinic();
    assert.deepEqual((await other.frontDesk.get(`/api/v1/appointments?from=${from}&days=31`)).json().milestones, []);
  });
});

