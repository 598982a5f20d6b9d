import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { addDays } from "../../../domain/shared/calendarDate.ts";
import { patientBody, createTestContext, type TestContext } from "../../testing/testClinic.ts";
import { at, bookingClinic, countAppointments, fallBack, patientWithPlan, springForward } from "./appointmentsFixture.ts";

describe("appointments", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(() => t.close());

  it("keeps the clinic's zone, rooms, types, hours, time off and holidays, each change by the right role and audited", async () => {
    const clinic = await bookingClinic(t);
    const { owner, practitioner, frontDesk } = clinic;
    const settings = (await frontDesk.get("/api/v1/schedule/settings")).json();
    assert.equal(settings.timeZone, "America/New_York");
    assert.deepEqual(settings.rooms.map((r: { name: string }) => r.name), ["Room 1", "Room 2"]);
    const mine = settings.practitioners.find((p: { id: string }) => p.id === practitioner.userId);
    assert.deepEqual(mine.hours.slice(0, 2).map((h: { startTime: string; endTime: string; kind: string }) => [h.kind, h.startTime, h.endTime]), [["work", "09:00", "17:00"], ["break", "12:30", "13:30"]]);

    // Owners configure the clinic; the front desk and practitioners do not.
    assert.equal((await frontDesk.post("/api/v1/rooms", { name: "Room 3" })).statusCode, 403);
    assert.equal((await practitioner.post("/api/v1/holidays", { on: "2027-07-05", name: "Independence Day (observed)" })).statusCode, 403);
    assert.equal((await owner.put("/api/v1/schedule/time-zone", { timeZone: "Mars/Olympus" })).json().code, "VALIDATION_FAILED");
    assert.equal((await owner.post("/api/v1/rooms", { name: "Room 1" })).json().code, "ROOM_NAME_TAKEN");
    assert.equal((await owner.post("/api/v1/appointment-types", { name: "Long", kind: "other", minutes: 600 })).statusCode, 400);

    // A practitioner keeps their own hours, not someone else's; the front desk keeps none.
    const own = await practitioner.put(`/api/v1/practitioners/${practitioner.userId}/working-hours`, { blocks: [{ weekday: 1, kind: "work", start: "08:00", end: "12:00" }, { weekday: 1, kind: "break", start: "13:00", end: "14:00" }] });
    assert.equal(own.statusCode, 400);
    assert.match(own.json().detail, /Monday: a break must fall inside the working hours/);
    assert.equal((await practitioner.put(`/api/v1/practitioners/${owner.userId}/working-hours`, { blocks: [] })).statusCode, 403);
    assert.equal((await frontDesk.put(`/api/v1/practitioners/${frontDesk.userId}/working-hours`, { blocks: [] })).statusCode, 403);
    assert.equal((await owner.put(`/api/v1/practitioners/${frontDesk.userId}/working-hours`, { blocks: [] })).json().code, "PRACTITIONER_NOT_FOUND");
    assert.equal((await owner.put(`/api/v1/practitioners/${owner.userId}/working-hours`, { blocks: [{ weekday: 1, kind: "work", start: "9:00", end: "17:00" }] })).statusCode, 400);

    const off = await practitioner.post(`/api/v1/practitioners/${practitioner.userId}/time-off`, { fromOn: "2027-01-01", weekday: 3, start: "13:00", end: "17:00", reason: "teaching" });
    assert.equal(off.statusCode, 201, off.body);
    assert.deepEqual([off.json().toOn, off.json().start, off.json().end], [null, "13:00", "17:00"]);
    assert.equal((await practitioner.post(`/api/v1/practitioners/${practitioner.userId}/time-off`, { fromOn: "2027-01-01" })).json().fields.toOn, "Give the last day.");
    const holiday = await owner.post("/api/v1/holidays", { on: "2027-07-05", name: "Independence Day (observed)" });
    assert.equal(holiday.statusCode, 201);
    assert.equal((await owner.post("/api/v1/holidays", { on: "2027-07-05", name: "again" })).json().code, "HOLIDAY_EXISTS");

    // Another clinic cannot touch any of it.
    const other = await t.newClinic();
    assert.equal((await other.owner.patch(`/api/v1/rooms/${clinic.rooms[0]!.id}`, { name: "Mine" })).statusCode, 404);
    assert.equal((await other.owner.delete(`/api/v1/time-off/${off.json().id}`)).statusCode, 404);
    assert.equal((await other.owner.delete(`/api/v1/holidays/${holiday.json().id}`)).statusCode, 404);
    assert.deepEqual((await other.owner.get("/api/v1/schedule/settings")).json().rooms, []);

    assert.equal((await practitioner.delete(`/api/v1/time-off/${off.json().id}`)).statusCode, 200);
    const audit = await t.db.query<{ action: string; entity: string }>("select action, entity from audit_events where clinic_id = $1 and entity in ('room', 'time_off', 'clinic_holiday', 'working_hours', 'clinic_time_zone') order by id", [clinic.clinicId]);
    assert.deepEqual(
      audit.map((a) => `${a.action} ${a.entity}`),
      ["update clinic_time_zone", "create room", "create room", "update working_hours", "update working_hours", "create time_off", "create clinic_holiday", "delete time_off"],
    );
  });

  it("books in the practitioner's hours, refuses a taken room, the same patient twice, breaks, time off and holidays, and changes nothing when it refuses", async () => {
    const clinic = await bookingClinic(t);
    const { owner, practitioner, frontDesk, rooms, followUp } = clinic;
    const [a, b] = [(await frontDesk.post("/api/v1/patients", patientBody())).json(), (await frontDesk.post("/api/v1/patients", patientBody({ givenName: "Bea" }))).json()];
    const monday = addDays(springForward(), 1);
    const book = (patientId: string, start: string, extra: Record<string, unknown> = {}) =>
      frontDesk.post("/api/v1/appointments", { patientId, practitionerId: practitioner.userId, roomId: rooms[0]!.id, typeId: followUp.id, start, ...extra });

    const first = await book(a.id, at(monday, "10:00"));
    assert.equal(first.statusCode, 201, first.body);
    // The Monday after the spring change: 10:00 New York is 14:00 UTC (it was 15:00 UTC the Friday before).
    assert.equal(first.json().appointment.start, `${monday}T14:00:00.000Z`);
    assert.equal(first.json().appointment.end, `${monday}T15:00:00.000Z`);
    const friday = addDays(springForward(), -2);
    assert.equal((await book(b.id, `${friday}T15:00:00.000Z`)).json().appointment.start, `${friday}T15:00:00.000Z`);
    // 13:00 UTC is 09:00 on the Monday, but 08:00 on the Friday before: outside hours.
    const early = await book(b.id, `${friday}T13:00:00.000Z`);
    assert.equal(early.statusCode, 409);
    assert.equal(early.json().conflicts[0].kind, "outside-hours");
    assert.match(early.json().conflicts[0].message, /08:00–09:00 on .* is outside practitioner .*'s working hours that day \(09:00–17:00\)/);

    const before = await countAppointments(t, clinic.clinicId);
    const taken = await book(b.id, at(monday, "10:30"));
    assert.equal(taken.statusCode, 409);
    assert.equal(taken.json().code, "APPOINTMENT_CONFLICT");
    assert.deepEqual(taken.json().conflicts.map((c: { kind: string; appointmentId: string }) => [c.kind, c.appointmentId]), [["room-taken", first.json().appointment.id]]);
    assert.match(taken.json().detail, /Room 1 is already booked from 10:00 to 11:00\./);

    // The same practitioner in another room at the same time: allowed, and said.
    const overlap = await book(b.id, at(monday, "10:30"), { roomId: rooms[1]!.id });
    assert.equal(overlap.statusCode, 201, overlap.body);
    assert.deepEqual(overlap.json().practitionerOverlaps, [first.json().appointment.id]);

    // The same patient twice at once, even with another practitioner in another room.
    const twice = await book(a.id, at(monday, "10:15"), { roomId: rooms[1]!.id, practitionerId: owner.userId });
    assert.deepEqual(twice.json().conflicts.map((c: { kind: string }) => c.kind).sort(), ["patient-busy", "room-taken"]);

    assert.equal((await book(b.id, at(monday, "12:00"))).json().conflicts[0].kind, "break");
    await practitioner.post(`/api/v1/practitioners/${practitioner.userId}/time-off`, { fromOn: addDays(monday, 1), toOn: addDays(monday, 1), reason: "conference" });
    const off = (await book(b.id, at(addDays(monday, 1), "10:00"))).json().conflicts[0];
    assert.equal(off.kind, "time-off");
    assert.match(off.message, /time off \(conference\)/);
    await owner.post("/api/v1/holidays", { on: addDays(monday, 2), name: "Staff training day" });
    assert.equal((await book(b.id, at(addDays(monday, 2), "10:00"))).json().conflicts[0].message, `The clinic is closed on ${addDays(monday, 2)} (Staff training day).`);
    assert.equal((await book(b.id, at(addDays(monday, 5), "10:00"))).json().conflicts[0].kind, "outside-hours");
    assert.equal(await countAppointments(t, clinic.clinicId), before + 1);

    // Bad input is refused at the boundary.
    assert.equal((await book(b.id, "next monday")).statusCode, 400);
    assert.equal((await book(b.id, at(monday, "15:00"), { typeId: rooms[0]!.id })).json().code, "APPOINTMENT_TYPE_NOT_FOUND");

    // Booking and reading are audited with the patient; the calendar list names the patients shown.
    const day = await frontDesk.get(`/api/v1/appointments?from=${monday}&days=1`);
    assert.equal(day.statusCode, 200);
    const listed = day.json();
    assert.equal(listed.timeZone, "America/New_York");
    assert.deepEqual(listed.appointments.map((x: { roomName: string; practitionerOverlap: boolean }) => [x.roomName, x.practitionerOverlap]), [["Room 1", true], ["Room 2", true]]);
    assert.equal(listed.appointments[0].patientName, "Patientson, Testa");
    const mine = listed.practitioners.find((p: { id: string }) => p.id === practitioner.userId);
    assert.deepEqual(mine.days[0].open, [{ start: "09:00", end: "12:30" }, { start: "13:30", end: "17:00" }]);
    const byRoom = (await frontDesk.get(`/api/v1/appointments?from=${monday}&days=1&roomId=${rooms[1]!.id}`)).json();
    assert.deepEqual(byRoom.appointments.map((x: { patientId: string }) => x.patientId), [b.id]);
    const weekView = (await frontDesk.get(`/api/v1/appointments?from=${friday}&days=7&practitionerId=${practitioner.userId}`)).json();
    assert.equal(weekView.appointments.length, 3);
    assert.equal(weekView.practitioners.length, 1);
    const audit = await t.db.query<{ action: string; patient_id: string | null; detail: { shown?: string[] } }>(
      "select action, patient_id, detail from audit_events where clinic_id = $1 and entity = 'appointment' order by id",
      [clinic.clinicId],
    );
    assert.deepEqual(audit.filter((e) => e.action === "create").map((e) => e.patient_id), [a.id, b.id, b.id]);
    assert.deepEqual(new Set(audit.find((e) => e.action === "list")!.detail.shown), new Set([a.id, b.id]));
  });

  it("keeps DST weeks in local time: 09:00 is 09:00 before and after the November change", async () => {
    const clinic = await bookingClinic(t);
    const patient = (await clinic.frontDesk.post("/api/v1/patients", patientBody())).json();
    const sunday = fallBack();
    const book = (start: string) => clinic.frontDesk.post("/api/v1/appointments", { patientId: patient.id, practitionerId: clinic.practitioner.userId, roomId: clinic.rooms[0]!.id, typeId: clinic.followUp.id, start });
    const fri = addDays(sunday, -2);
    const mon = addDays(sunday, 1);
    assert.equal((await book(`${fri}T13:00:00.000Z`)).statusCode, 201);
    assert.equal((await book(`${mon}T14:00:00.000Z`)).statusCode, 201);
    // 13:00 UTC on the Monday after is 08:00 local.
    assert.equal((await book(`${mon}T13:00:00.000Z`)).json().conflicts[0].kind, "outside-hours");
    const week = (await clinic.frontDesk.get(`/api/v1/appointments?from=${fri}&days=7`)).json();
    assert.deepEqual(week.appointments.map((a: { start: string }) => a.start), [`${fri}T13:00:00.000Z`, `${mon}T14:00:00.000Z`]);
  });

  it("moves, cancels and marks no-show with a reason; a closed appointment frees its room and counts as missed", async () => {
    const clinic = await bookingClinic(t);
    const { frontDesk, practitioner, rooms, followUp } = clinic;
    const [a, b] = [(await frontDesk.post("/api/v1/patients", patientBody())).json(), (await frontDesk.post("/api/v1/patients", patientBody({ givenName: "Bea" }))).json()];
    const monday = addDays(springForward(), 8);
    const book = (patientId: string, hhmm: string) =>
      frontDesk.post("/api/v1/appointments", { patientId, practitionerId: practitioner.userId, roomId: rooms[0]!.id, typeId: followUp.id, start: at(monday, hhmm) });
    const x = (await book(a.id, "09:00")).json().appointment;
    const y = (await book(b.id, "11:00")).json().appointment;

    const clash = await frontDesk.patch(`/api/v1/appointments/${x.id}`, { start: at(monday, "11:30"), version: 1 });
    assert.equal(clash.json().conflicts[0].kind, "room-taken");
    const moved = await frontDesk.patch(`/api/v1/appointments/${x.id}`, { start: at(monday, "14:00"), version: 1 });
    assert.equal(moved.statusCode, 200, moved.body);
    assert.equal(moved.json().appointment.version, 2);
    assert.equal(moved.json().appointment.start, at(monday, "14:00"));
    assert.equal((await frontDesk.patch(`/api/v1/appointments/${x.id}`, { start: at(monday, "15:00"), version: 1 })).json().code, "APPOINTMENT_VERSION_CONFLICT");

    const noReason = await frontDesk.post(`/api/v1/appointments/${y.id}/status`, { status: "cancelled", version: 1 });
    assert.equal(noReason.statusCode, 400);
    assert.equal(noReason.json().fields.reason, "Give the reason.");
    const cancelled = await frontDesk.post(`/api/v1/appointments/${y.id}/status`, { status: "late-cancel", reason: "Called an hour before: car trouble", version: 1 });
    assert.equal(cancelled.json().status, "late-cancel");
    assert.equal((await frontDesk.patch(`/api/v1/appointments/${y.id}`, { start: at(monday, "15:00"), version: 2 })).json().code, "APPOINTMENT_NOT_BOOKED");
    // The room is free again at 11:00.
    assert.equal((await book(a.id, "11:00")).statusCode, 201);
    const noShow = await frontDesk.post(`/api/v1/appointments/${x.id}/status`, { status: "no-show", reason: "Did not come; no answer by phone", version: 2 });
    assert.equal(noShow.statusCode, 200);
    assert.equal((await frontDesk.get(`/api/v1/patients/${a.id}/appointments`)).json().missed, 1);
    assert.equal((await frontDesk.get(`/api/v1/patients/${b.id}/appointments`)).json().missed, 1);

    const other = await t.newClinic();
    assert.equal((await other.owner.patch(`/api/v1/appointments/${x.id}`, { start: at(monday, "15:00"), version: 3 })).statusCode, 404);
    assert.equal((await other.owner.post(`/api/v1/appointments/${x.id}/status`, { status: "done", version: 3 })).statusCode, 404);
    assert.equal((await other.owner.get(`/api/v1/patients/${a.id}/appointments`)).statusCode, 404);
    assert.deepEqual((await other.owner.get(`/api/v1/appointments?from=${monday}&days=7`)).json().appointments, []);
    // Another clinic cannot book this clinic's patient, nor into its rooms.
    const mine = (await other.frontDesk.post("/api/v1/patients", patientBody())).json();
    const cross = await other.frontDesk.post("/api/v1/appointments", { patientId: a.id, practitionerId: other.practitioner.userId, roomId: rooms[0]!.id, typeId: followUp.id, start: at(monday, "16:00") });
    assert.equal(cross.json().code, "PATIENT_NOT_FOUND");
    const intoRoom = await other.frontDesk.post("/api/v1/appointments", { patientId: mine.id, practitionerId: practitioner.userId, roomId: rooms[0]!.id, typeId: followUp.id, start: at(monday, "16:00") });
    assert.equal(intoRoom.json().code, "PRACTITIONER_NOT_FOUND");
  });

  it("moves a duplicate's appointments to the record kept when the two are merged", async () => {
    const clinic = await bookingClinic(t);
    const kept = (await clinic.frontDesk.post("/api/v1/patients", patientBody({ givenName: "Kept" }))).json();
    const duplicate = (await clinic.frontDesk.post("/api/v1/patients", patientBody({ givenName: "Twice" }))).json();
    const booked = await clinic.frontDesk.post("/api/v1/appointments", { patientId: duplicate.id, practitionerId: clinic.practitioner.userId, roomId: clinic.rooms[0]!.id, typeId: clinic.followUp.id, start: at(addDays(springForward(), 22), "10:00") });
    assert.equal(booked.statusCode, 201, booked.body);
    const merged = await clinic.practitioner.post(`/api/v1/patients/${duplicate.id}/merge`, { intoId: kept.id, reason: "Registered twice at the front desk" });
    assert.equal(merged.statusCode, 200, merged.body);
    assert.deepEqual((await clinic.frontDesk.get(`/api/v1/patients/${kept.id}/appointments`)).json().appointments.map((a: { id: string }) => a.id), [booked.json().appointment.id]);
    assert.deepEqual((await clinic.frontDesk.get(`/api/v1/patients/${duplicate.id}/appointments`)).json().appointments, []);
  });

  it("proposes the plan's course on free slots without writing, books it all or nothing, and does not propose it twice", async () => {
    const clinic = await bookingClinic(t);
    const { frontDesk, practitioner, followUp } = clinic;
    const monday = addDays(springForward(), -6);
    const { patient, plan } = await patientWithPlan(clinic, "2/week × 3 then 1/week × 4", monday);
    const body = { practitionerId: practitioner.userId, typeId: followUp.id, startOn: monday, preferredTime: "10:00" };
    const proposed = await frontDesk.post(`/api/v1/plans/${plan.id}/course-proposal`, body);
    assert.equal(proposed.statusCode, 200, proposed.body);
    const proposal = proposed.json();
    assert.equal(proposal.visits.length, 10);
    assert.deepEqual(proposal.unplaced, []);
    assert.ok(proposal.visits.every((v: { localTime: string }) => v.localTime === "10:00"));
    // Across the spring change the UTC hour moves and the local one does not.
    assert.deepEqual([...new Set(proposal.visits.map((v: { start: string }) => v.start.slice(11, 16)))], ["15:00", "14:00"]);
    assert.equal(proposal.payer, null);
    assert.deepEqual(proposal.warnings, []);
    assert.equal(await countAppointments(t, clinic.clinicId), 0);

    // Someone books visit 5's slot meanwhile: the whole course is refused, naming visit 5, and nothing is written.
    const intruder = (await frontDesk.post("/api/v1/patients", patientBody({ givenName: "Ivo" }))).json();
    const v5 = proposal.visits[4];
    assert.equal((await frontDesk.post("/api/v1/appointments", { patientId: intruder.id, practitionerId: clinic.owner.userId, roomId: v5.roomId, typeId: followUp.id, start: v5.start })).statusCode, 201);
    const visits = proposal.visits.map((v: { start: string; roomId: string }) => ({ start: v.start, roomId: v.roomId }));
    const refused = await frontDesk.post(`/api/v1/plans/${plan.id}/course-booking`, { practitionerId: practitioner.userId, typeId: followUp.id, visits });
    assert.equal(refused.statusCode, 409);
    assert.deepEqual(refused.json().conflicts.map((c: { visit: number; kind: string }) => [c.visit, c.kind]), [[5, "room-taken"]]);
    assert.match(refused.json().conflicts[0].message, /^Visit 5: Room 1 is already booked/);
    assert.equal(await countAppointments(t, clinic.clinicId), 1);

    // Two visits of the list on top of each other are refused too.
    const doubled = await frontDesk.post(`/api/v1/plans/${plan.id}/course-booking`, { practitionerId: practitioner.userId, typeId: followUp.id, visits: [visits[0], visits[0]] });
    assert.deepEqual(doubled.json().conflicts.map((c: { visit: number }) => c.visit), [2]);

    // The front desk moves visit 5 to Room 2 and confirms in one step.
    visits[4] = { ...visits[4], roomId: clinic.rooms[1]!.id };
    const booked = await frontDesk.post(`/api/v1/plans/${plan.id}/course-booking`, { practitionerId: practitioner.userId, typeId: followUp.id, visits });
    assert.equal(booked.statusCode, 201, booked.body);
    assert.equal(booked.json().appointments.length, 10);
    assert.ok(booked.json().appointments.every((a: { planId: string; patientId: string }) => a.planId === plan.id && a.patientId === patient.id));
    assert.equal(await countAppointments(t, clinic.clinicId), 11);

    const again = (await frontDesk.post(`/api/v1/plans/${plan.id}/course-proposal`, body)).json();
    assert.equal(again.alreadyCounted, 10);
    assert.deepEqual(again.visits, []);
    const audit = await t.db.query<{ action: string; detail: { appointments?: string[]; proposed?: number } }>(
      "select action, detail from audit_events where clinic_id = $1 and entity = 'course_booking' order by id",
      [clinic.clinicId],
    );
    assert.deepEqual(audit.map((e) => e.action), ["read", "create", "read"]);
    assert.equal(audit[1]!.detail.appointments!.length, 10);

    // Another clinic can neither see the proposal nor book the plan.
    const other = await t.newClinic();
    assert.equal((await other.frontDesk.post(`/api/v1/plans/${plan.id}/course-proposal`, body)).json().code, "PLAN_NOT_FOUND");
  });

  it("warns a Medicare patient's booking past visit 12 without documented improvement (NCD 30.3.3)", async () => {
    const clinic = await bookingClinic(t);
    const monday = addDays(springForward(), 15);
    const { patient, plan } = await patientWithPlan(clinic, "2/week × 7", monday);
    const coverage = await clinic.frontDesk.put(`/api/v1/patients/${patient.id}/coverage`, { payer: "medicare", memberId: "1EG4-TE5-MK73", supervisorId: null });
    assert.equal(coverage.statusCode, 200, coverage.body);
    const proposal = (await clinic.frontDesk.post(`/api/v1/plans/${plan.id}/course-proposal`, { practitionerId: clinic.practitioner.userId, typeId: clinic.followUp.id, startOn: monday })).json();
    assert.equal(proposal.payer, "medicare");
    assert.equal(proposal.visits.length, 14);
    assert.deepEqual(proposal.warnings.map((w: { number: number }) => w.number), [13, 14]);
    assert.match(proposal.visits[12].warnings[0], /Visit 13 in 90 days .*NCD 30\.3\.3 covers visits 13–20 only with documented improvement/);
    assert.deepEqual(proposal.visits[11].warnings, []);
  });
});
