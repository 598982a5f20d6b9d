/**
 * The requests the schedule settings page sends (web/src/scheduling/settings/),
 * exactly as it sends them: what it saves, and the field each refusal names
 * so the page can say it beside that field.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestContext, type TestContext } from "../../testing/testClinic.ts";
import { bookingClinic } from "./appointmentsFixture.ts";

describe("schedule settings as the page edits them", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(() => t.close());

  it("saves the zone, rooms and types an owner edits, and names the field of each bad value", async () => {
    const { owner, frontDesk, rooms, followUp } = await bookingClinic(t);
    const zone = await owner.put("/api/v1/schedule/time-zone", { timeZone: "Europe/Berlinn" });
    assert.equal(zone.statusCode, 400);
    assert.equal(zone.json().fields.timeZone, "Not a known IANA time zone.");
    assert.equal((await owner.put("/api/v1/schedule/time-zone", { timeZone: "Europe/Berlin" })).statusCode, 200);

    const blankRoom = await owner.post("/api/v1/rooms", { name: "" });
    assert.equal(blankRoom.statusCode, 400);
    assert.ok(blankRoom.json().fields.name);
    assert.equal((await owner.patch(`/api/v1/rooms/${rooms[0]!.id}`, { name: "Room 2" })).json().code, "ROOM_NAME_TAKEN");
    assert.equal((await owner.patch(`/api/v1/rooms/${rooms[0]!.id}`, { name: "Quiet room" })).json().name, "Quiet room");
    assert.equal((await owner.patch(`/api/v1/rooms/${rooms[1]!.id}`, { active: false })).json().active, false);

    // An emptied minutes field goes as null; too long a visit is refused by its field.
    const noMinutes = await owner.post("/api/v1/appointment-types", { name: "Short follow-up", kind: "follow-up", minutes: null });
    assert.equal(noMinutes.statusCode, 400);
    assert.ok(noMinutes.json().fields.minutes);
    assert.ok((await owner.post("/api/v1/appointment-types", { name: "Short follow-up", kind: "follow-up", minutes: 500 })).json().fields.minutes);
    assert.equal((await owner.post("/api/v1/appointment-types", { name: "Short follow-up", kind: "follow-up", minutes: 30 })).statusCode, 201);
    const changed = await owner.patch(`/api/v1/appointment-types/${followUp.id}`, { name: "Follow-up treatment", kind: "follow-up", minutes: 45 });
    assert.equal(changed.json().minutes, 45);
    assert.equal((await owner.patch(`/api/v1/appointment-types/${followUp.id}`, { active: false })).json().active, false);

    const settings = (await frontDesk.get("/api/v1/schedule/settings")).json();
    assert.equal(settings.timeZone, "Europe/Berlin");
    assert.deepEqual(settings.rooms.map((r: { name: string; active: boolean }) => [r.name, r.active]).sort(), [["Quiet room", true], ["Room 2", false]]);
    assert.deepEqual(settings.appointmentTypes.find((a: { id: string }) => a.id === followUp.id), { id: followUp.id, name: "Follow-up treatment", kind: "follow-up", minutes: 45, active: false });
    // The front desk reads them and changes none.
    assert.equal((await frontDesk.patch(`/api/v1/rooms/${rooms[0]!.id}`, { active: false })).statusCode, 403);
    assert.equal((await frontDesk.put("/api/v1/schedule/time-zone", { timeZone: "UTC" })).statusCode, 403);
  });

  it("saves a week, time off and holidays, and names the block, day or date that is wrong", async () => {
    const { owner, practitioner, frontDesk } = await bookingClinic(t);
    // A time field left empty: its block and field are named, so the page marks that input.
    const emptied = await practitioner.put(`/api/v1/practitioners/${practitioner.userId}/working-hours`, {
      blocks: [
        { weekday: 1, kind: "work", start: "09:00", end: "17:00" },
        { weekday: 1, kind: "break", start: "", end: "13:30" },
      ],
    });
    assert.equal(emptied.statusCode, 400);
    assert.ok(emptied.json().fields["blocks.1.start"], emptied.body);
    const week = await practitioner.put(`/api/v1/practitioners/${practitioner.userId}/working-hours`, {
      blocks: [
        { weekday: 2, kind: "work", start: "08:00", end: "12:00" },
        { weekday: 2, kind: "work", start: "13:00", end: "18:00" },
        { weekday: 2, kind: "break", start: "15:00", end: "15:15" },
      ],
    });
    assert.equal(week.statusCode, 200, week.body);

    // Weekly, whole day, until further notice; the reason left empty is stored as none.
    const weekly = await practitioner.post(`/api/v1/practitioners/${practitioner.userId}/time-off`, { fromOn: "2027-02-01", toOn: null, weekday: 3, start: null, end: null, reason: "" });
    assert.equal(weekly.statusCode, 201, weekly.body);
    assert.equal(weekly.json().reason, null);
    const backwards = await practitioner.post(`/api/v1/practitioners/${practitioner.userId}/time-off`, { fromOn: "2027-02-10", toOn: "2027-02-10", weekday: null, start: "13:00", end: "12:00", reason: "dentist" });
    assert.equal(backwards.json().fields.end, "Must be after the start.");
    const noDay = await practitioner.post(`/api/v1/practitioners/${practitioner.userId}/time-off`, { fromOn: "", toOn: null, weekday: null, start: null, end: null, reason: "" });
    assert.equal(noDay.statusCode, 400);
    assert.ok(noDay.json().fields.fromOn);
    const dates = await owner.post(`/api/v1/practitioners/${practitioner.userId}/time-off`, { fromOn: "2027-08-02", toOn: "2027-08-13", weekday: null, start: null, end: null, reason: "Summer leave" });
    assert.equal(dates.statusCode, 201, dates.body);
    assert.equal((await frontDesk.post(`/api/v1/practitioners/${practitioner.userId}/time-off`, { fromOn: "2027-08-02", toOn: "2027-08-02" })).statusCode, 403);

    const blankHoliday = await owner.post("/api/v1/holidays", { on: "", name: "" });
    assert.equal(blankHoliday.statusCode, 400);
    assert.ok(blankHoliday.json().fields.on && blankHoliday.json().fields.name, blankHoliday.body);
    const holiday = await owner.post("/api/v1/holidays", { on: "2027-11-25", name: "Thanksgiving Day" });
    assert.equal(holiday.statusCode, 201);

    const mine = (await frontDesk.get("/api/v1/schedule/settings")).json().practitioners.find((p: { id: string }) => p.id === practitioner.userId);
    assert.deepEqual(mine.hours.map((h: { kind: string; startTime: string; endTime: string }) => `${h.kind} ${h.startTime}–${h.endTime}`).sort(), ["break 15:00–15:15", "work 08:00–12:00", "work 13:00–18:00"]);
    assert.deepEqual(mine.timeOff.map((o: { reason: string | null; weekday: number | null }) => [o.weekday, o.reason]).sort(), [[null, "Summer leave"], [3, null]]);
    assert.equal((await owner.delete(`/api/v1/holidays/${holiday.json().id}`)).statusCode, 200);
    assert.deepEqual((await frontDesk.get("/api/v1/schedule/settings")).json().holidays, []);
  });
});
