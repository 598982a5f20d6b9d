import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { toLocal } from "../../../domain/scheduling/clinicTime.ts";
import { addDays } from "../../../domain/shared/calendarDate.ts";
import { createTestContext, patientBody, type TestContext } from "../../testing/testClinic.ts";
import { at, bookingClinic, NY, patientWithPlan } from "./appointmentsFixture.ts";

/** Every day 00:00–23:45, so an appointment can be booked today whatever the weekday the test runs on. */
const allWeek = Array.from({ length: 7 }, (_, i) => ({ weekday: i + 1, kind: "work", start: "00:00", end: "23:45" }));

describe("opening an appointment's visit chart", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(() => t.close());

  async function clinicBookingToday() {
    const clinic = await bookingClinic(t);
    assert.equal((await clinic.owner.put(`/api/v1/practitioners/${clinic.practitioner.userId}/working-hours`, { blocks: allWeek })).statusCode, 200);
    const today = toLocal(new Date(), NY).date;
    const book = (patientId: string, date: string, planId: string | null = null) =>
      clinic.frontDesk.post("/api/v1/appointments", { patientId, practitionerId: clinic.practitioner.userId, roomId: clinic.rooms[0]!.id, typeId: clinic.followUp.id, start: at(date, "00:00"), planId });
    return { clinic, today, book };
  }

  it("starts the plan's chart dated the appointment's local day, marks it attended, and opens the same chart again", async () => {
    const { clinic, today, book } = await clinicBookingToday();
    const { patient, plan } = await patientWithPlan(clinic, "2/week × 3 then 1/week × 4", today);
    const appointment = (await book(patient.id, today, plan.id)).json().appointment;

    // The front desk books but does not chart.
    assert.equal((await clinic.frontDesk.post(`/api/v1/appointments/${appointment.id}/visit`, {})).statusCode, 403);
    const opened = await clinic.practitioner.post(`/api/v1/appointments/${appointment.id}/visit`, {});
    assert.equal(opened.statusCode, 200, opened.body);
    assert.equal(opened.json().started, true);
    const visit = (await clinic.practitioner.get(`/api/v1/visits/${opened.json().visitId}`)).json();
    assert.equal(visit.chart.visitOn, today);
    assert.equal(visit.planId, plan.id);
    assert.ok(visit.chart.treatment.sites.length > 0, "the plan's protocol points are carried into the chart");

    const listed = (await clinic.frontDesk.get(`/api/v1/patients/${patient.id}/appointments`)).json().appointments[0];
    assert.equal(listed.status, "done");
    assert.equal(listed.visitId, visit.id);
    const again = await clinic.practitioner.post(`/api/v1/appointments/${appointment.id}/visit`, {});
    assert.deepEqual(again.json(), { visitId: visit.id, started: false });
    const [audit] = await t.db.query<{ n: number }>("select count(*)::int as n from audit_events where clinic_id = $1 and entity = 'appointment' and entity_id = $2 and detail->>'visitId' = $3", [
      clinic.clinicId,
      appointment.id,
      visit.id,
    ]);
    assert.equal(audit!.n, 1);

    // Discarding the draft books the appointment again, so it can be charted or closed as missed.
    assert.equal((await clinic.practitioner.delete(`/api/v1/visits/${visit.id}`)).statusCode, 200);
    const reopened = (await clinic.frontDesk.get(`/api/v1/patients/${patient.id}/appointments`)).json().appointments[0];
    assert.equal(reopened.status, "booked");
    assert.equal(reopened.visitId, null);
    const fresh = await clinic.practitioner.post(`/api/v1/appointments/${appointment.id}/visit`, {});
    assert.equal(fresh.json().started, true);
    assert.notEqual(fresh.json().visitId, visit.id);
  });

  it("refuses a later day's appointment, a closed one and another clinic's, and writes nothing when it refuses", async () => {
    const { clinic, today, book } = await clinicBookingToday();
    const { patient } = await patientWithPlan(clinic, "1/week × 4", today);
    const tomorrow = (await book(patient.id, addDays(today, 1))).json().appointment;
    const later = await clinic.practitioner.post(`/api/v1/appointments/${tomorrow.id}/visit`, {});
    assert.equal(later.statusCode, 409);
    assert.equal(later.json().code, "APPOINTMENT_NOT_YET");
    assert.match(later.json().detail, /opens on that day/);

    const todays = (await book(patient.id, today)).json().appointment;
    assert.equal((await clinic.frontDesk.post(`/api/v1/appointments/${todays.id}/status`, { status: "no-show", reason: "Did not come", version: 1 })).statusCode, 200);
    assert.equal((await clinic.practitioner.post(`/api/v1/appointments/${todays.id}/visit`, {})).json().code, "APPOINTMENT_NOT_BOOKED");

    const other = await t.newClinic();
    assert.equal((await other.practitioner.post(`/api/v1/appointments/${tomorrow.id}/visit`, {})).statusCode, 404);
    assert.deepEqual((await clinic.practitioner.get(`/api/v1/patients/${patient.id}/visits`)).json(), []);
  });

  it("starts a patient's first chart blank when there is no plan, from the modality given", async () => {
    const { clinic, today, book } = await clinicBookingToday();
    const { patient } = await patientWithPlan(clinic, "1/week × 4", today);
    const appointment = (await book(patient.id, today)).json().appointment;
    const opened = await clinic.practitioner.post(`/api/v1/appointments/${appointment.id}/visit`, { start: { from: "blank", modality: "electro" } });
    assert.equal(opened.statusCode, 200, opened.body);
    const visit = (await clinic.practitioner.get(`/api/v1/visits/${opened.json().visitId}`)).json();
    assert.equal(visit.chart.treatment.modality, "electro");
    assert.equal(visit.planId, null);
  });

  it("cancels a patient's booked appointments, with the reason, when the record is registered in error", async () => {
    const { clinic, today, book } = await clinicBookingToday();
    const patient = (await clinic.frontDesk.post("/api/v1/patients", patientBody({ givenName: "Typo" }))).json();
    const booked = [(await book(patient.id, addDays(today, 1))).json().appointment, (await book(patient.id, addDays(today, 2))).json().appointment];
    assert.equal((await clinic.frontDesk.post(`/api/v1/patients/${patient.id}/registered-in-error`, { reason: "Training entry" })).statusCode, 200);
    const rows = await t.db.query<{ status: string; status_reason: string }>("select status, status_reason from appointments where clinic_id = $1 and patient_id = $2", [clinic.clinicId, patient.id]);
    assert.deepEqual(
      rows.map((r) => [r.status, r.status_reason]),
      booked.map(() => ["cancelled", "Patient record registered in error"]),
    );
    // The room is free again for someone else.
    const someoneElse = (await clinic.frontDesk.post("/api/v1/patients", patientBody({ givenName: "Real" }))).json();
    assert.equal((await book(someoneElse.id, addDays(today, 1))).statusCode, 201);
  });
});
