import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestContext, type TestContext } from "../../testing/testClinic.ts";
import { bookingClinic, patientWithPlan } from "./appointmentsFixture.ts";

describe("courses the front desk books", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(() => t.close());

  it("lists a running plan's scheduling facts only, lets the front desk book it, and keeps other clinics out", async () => {
    const clinic = await bookingClinic(t);
    const { patient, plan } = await patientWithPlan(clinic);
    // The front desk cannot read the plan itself…
    assert.equal((await clinic.frontDesk.get(`/api/v1/patients/${patient.id}/plans`)).statusCode, 403);
    // …but sees what booking needs.
    const listed = await clinic.frontDesk.get(`/api/v1/patients/${patient.id}/courses`);
    assert.equal(listed.statusCode, 200, listed.body);
    assert.deepEqual(listed.json(), [{ planId: plan.id, startOn: plan.startOn, schedule: "2/week × 3 then 1/week × 4", plannedVisits: 10, signedVisits: 0, practitionerId: clinic.practitioner.userId }]);
    const [audit] = await t.db.query<{ n: number }>("select count(*)::int as n from audit_events where clinic_id = $1 and entity = 'treatment_plan' and action = 'read' and patient_id = $2 and user_id = $3", [
      clinic.clinicId,
      patient.id,
      clinic.frontDesk.userId,
    ]);
    assert.equal(audit!.n, 1);

    const proposal = (await clinic.frontDesk.post(`/api/v1/plans/${plan.id}/course-proposal`, { practitionerId: clinic.practitioner.userId, typeId: clinic.followUp.id, startOn: plan.startOn })).json();
    assert.equal(proposal.visits.length, 10);
    const booked = await clinic.frontDesk.post(`/api/v1/plans/${plan.id}/course-booking`, { practitionerId: clinic.practitioner.userId, typeId: clinic.followUp.id, visits: proposal.visits.map((v: { start: string; roomId: string }) => ({ start: v.start, roomId: v.roomId })) });
    assert.equal(booked.statusCode, 201, booked.body);

    const other = await t.newClinic();
    assert.equal((await other.frontDesk.get(`/api/v1/patients/${patient.id}/courses`)).statusCode, 404);
  });
});
