import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import type { CalendarDate } from "../shared/calendarDate.ts";
import type { BookedAppointment } from "./appointment.ts";
import { daySchedule, type PractitionerCalendar, type WeeklyBlock } from "./availability.ts";
import { fromLocal, toLocal, type Weekday } from "./clinicTime.ts";
import { checkBooking } from "./conflicts.ts";

const NY = "America/New_York";
const d = (s: string) => s as CalendarDate;
const at = (date: string, hhmm: string) => fromLocal(d(date), Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)), NY);

/** Monday to Friday 09:00–17:00 with lunch 12:30–13:30: an example clinic's hours, not a rule. */
export function weekdayHours(practitionerId: string): WeeklyBlock[] {
  const blocks: WeeklyBlock[] = [];
  for (const weekday of [1, 2, 3, 4, 5] as Weekday[]) {
    blocks.push({ practitionerId, weekday, kind: "work", start: 540, end: 1020 });
    blocks.push({ practitionerId, weekday, kind: "break", start: 750, end: 810 });
  }
  return blocks;
}

const calendar: PractitionerCalendar = {
  blocks: weekdayHours("p1"),
  timeOff: [
    { practitionerId: "p1", fromOn: d("2026-03-16"), toOn: d("2026-03-17"), weekday: null, start: null, end: null, reason: "course" },
    { practitionerId: "p1", fromOn: d("2026-01-01"), toOn: null, weekday: 3, start: 780, end: 1440, reason: null },
  ],
  holidays: [{ on: d("2026-05-25"), name: "Memorial Day" }],
};
const ctx = (appointments: BookedAppointment[] = []) => ({ zone: NY, calendar, practitionerName: "Dr Lee", appointments, roomName: "Room 1" });
const booking = (date: string, from: string, to: string, extra: Partial<BookedAppointment> = {}) => ({
  patientId: "pat1",
  practitionerId: "p1",
  roomId: "r1",
  start: at(date, from),
  end: at(date, to),
  ...extra,
});

describe("booking conflicts", () => {
  it("books inside working hours on both sides of the March DST change", () => {
    assert.deepEqual(checkBooking(booking("2026-03-06", "09:00", "10:00"), ctx()).conflicts, []);
    assert.deepEqual(checkBooking(booking("2026-03-09", "09:00", "10:00"), ctx()).conflicts, []);
    // 08:00 local on the Monday after the change is 12:00Z, which was 07:00 local the week before: still outside.
    const early = checkBooking(booking("2026-03-09", "08:00", "09:00"), ctx()).conflicts;
    assert.equal(early[0]?.kind, "outside-hours");
    assert.match(early[0]!.message, /08:00–09:00 on 2026-03-09 is outside Dr Lee's working hours that day \(09:00–17:00\)/);
  });

  it("refuses a break, time off, recurring time off, a holiday and a weekend, each with its reason", () => {
    const lunch = checkBooking(booking("2026-03-10", "12:00", "13:00"), ctx()).conflicts;
    assert.equal(lunch[0]?.kind, "break");
    assert.match(lunch[0]!.message, /a break \(12:30–13:30\)/);
    const off = checkBooking(booking("2026-03-16", "10:00", "11:00"), ctx()).conflicts;
    assert.equal(off[0]?.kind, "time-off");
    assert.match(off[0]!.message, /time off \(course\)/);
    // Every Wednesday afternoon off (recurring).
    assert.equal(checkBooking(booking("2026-03-11", "14:00", "15:00"), ctx()).conflicts[0]?.kind, "time-off");
    assert.deepEqual(checkBooking(booking("2026-03-11", "10:00", "11:00"), ctx()).conflicts, []);
    const holiday = checkBooking(booking("2026-05-25", "10:00", "11:00"), ctx()).conflicts;
    assert.equal(holiday[0]?.message, "The clinic is closed on 2026-05-25 (Memorial Day).");
    assert.match(checkBooking(booking("2026-03-14", "10:00", "11:00"), ctx()).conflicts[0]!.message, /does not work on 2026-03-14/);
    assert.equal(checkBooking(booking("2026-03-10", "16:30", "17:30"), ctx()).conflicts[0]?.kind, "outside-hours");
  });

  it("refuses the same room twice and the same patient twice, but allows the practitioner in two rooms", () => {
    const first: BookedAppointment = { id: "a1", status: "booked", ...booking("2026-03-10", "10:00", "11:00", { patientId: "pat2" }) };
    const room = checkBooking(booking("2026-03-10", "10:30", "11:30", { practitionerId: "p1" }), ctx([first]));
    assert.deepEqual(room.conflicts.map((c) => [c.kind, c.appointmentId]), [["room-taken", "a1"]]);
    assert.match(room.conflicts[0]!.message, /Room 1 is already booked from 10:00 to 11:00/);

    const otherRoom = checkBooking(booking("2026-03-10", "10:30", "11:30", { roomId: "r2" }), ctx([first]));
    assert.deepEqual(otherRoom.conflicts, []);
    assert.deepEqual(otherRoom.practitionerOverlaps, ["a1"]);

    const samePatient: BookedAppointment = { ...first, patientId: "pat1", roomId: "r3", practitionerId: "p2" };
    const twice = checkBooking(booking("2026-03-10", "10:30", "11:30", { roomId: "r2" }), ctx([samePatient]));
    assert.deepEqual(twice.conflicts.map((c) => c.kind), ["patient-busy"]);

    // Back to back is not an overlap; a cancelled or missed appointment frees its time.
    assert.deepEqual(checkBooking(booking("2026-03-10", "11:00", "12:00"), ctx([first])).conflicts, []);
    for (const status of ["cancelled", "no-show", "late-cancel"] as const) {
      assert.deepEqual(checkBooking(booking("2026-03-10", "10:30", "11:30"), ctx([{ ...first, status }])).conflicts, []);
    }
    // Moving an appointment does not clash with itself.
    assert.deepEqual(checkBooking({ ...booking("2026-03-10", "10:30", "11:30"), id: "a1" }, ctx([first])).conflicts, []);
  });

  it("refuses an appointment that ends before it starts", () => {
    assert.equal(checkBooking(booking("2026-03-10", "11:00", "10:00"), ctx()).conflicts[0]?.kind, "invalid-time");
  });

  it("lays out a day's open time", () => {
    assert.deepEqual(daySchedule(calendar, d("2026-03-11")).open, [{ start: 540, end: 750 }]);
    assert.deepEqual(daySchedule(calendar, d("2026-03-10")).open, [{ start: 540, end: 750 }, { start: 810, end: 1020 }]);
    assert.deepEqual(daySchedule(calendar, d("2026-05-25")).open, []);
  });

  it("property: bookings accepted one after another never share a room or a patient, and stay in working hours, through the March DST week", () => {
    const week = ["2026-03-06", "2026-03-09", "2026-03-10", "2026-03-11", "2026-03-12", "2026-03-13", "2026-03-14"];
    const request = fc.record({
      day: fc.constantFrom(...week),
      quarter: fc.integer({ min: 28, max: 76 }), // 07:00 to 19:00 local, inside and outside the hours
      quarters: fc.integer({ min: 1, max: 8 }),
      room: fc.constantFrom("r1", "r2", "r3"),
      patient: fc.constantFrom("pat1", "pat2", "pat3", "pat4"),
    });
    fc.assert(
      fc.property(fc.array(request, { maxLength: 40 }), (requests) => {
        const accepted: BookedAppointment[] = [];
        for (const [i, r] of requests.entries()) {
          const start = fromLocal(d(r.day), r.quarter * 15, NY);
          const candidate = { patientId: r.patient, practitionerId: "p1", roomId: r.room, start, end: new Date(start.getTime() + r.quarters * 15 * 60_000) };
          if (checkBooking(candidate, ctx(accepted)).conflicts.length === 0) accepted.push({ id: `a${i}`, status: "booked", ...candidate });
        }
        for (const a of accepted) {
          const local = toLocal(a.start, NY);
          const open = daySchedule(calendar, local.date).open;
          const startMinute = local.minute;
          const endMinute = startMinute + (a.end.getTime() - a.start.getTime()) / 60_000;
          assert.ok(open.some((o) => o.start <= startMinute && endMinute <= o.end), `${a.id} at ${local.date} ${startMinute} is inside the open hours`);
          for (const b of accepted) {
            if (a === b || !(a.start < b.end && b.start < a.end)) continue;
            assert.notEqual(a.roomId, b.roomId, "one room is never booked twice at once");
            assert.notEqual(a.patientId, b.patientId, "one patient is never in two places at once");
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
