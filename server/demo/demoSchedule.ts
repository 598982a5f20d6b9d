/**
 * The demo clinic's calendar: its zone (Portland, Oregon: America/Los_Angeles),
 * three rooms, the default appointment types, working hours for its two
 * practitioners (the owner treats too), a recurring afternoon off, a
 * training day and the next two US federal holidays on fixed dates, a booked week around today (one practitioner with two
 * patients at once in two rooms, one no-show), and Maria Alvarez's remaining
 * Cherkin visits booked from her plan, and James Carter, who asked for no
 * appointment reminders (the desk recorded it). Everything goes through the services,
 * so every appointment passed the conflict rules.
 */
import { DEFAULT_APPOINTMENT_TYPES } from "../../domain/scheduling/appointment.ts";
import { fromLocal, mondayOf, parseClock, toLocal, type Weekday } from "../../domain/scheduling/clinicTime.ts";
import type { PatientId } from "../../domain/shared/brand.ts";
import { addDays, type CalendarDate } from "../../domain/shared/calendarDate.ts";
import type { Database } from "../db/database.ts";
import { listPlans } from "../db/repositories/treatmentPlans.ts";
import type { Actor } from "../services/actor.ts";
import { closeAppointment, createAppointment } from "../services/appointments.ts";
import { bookCourse, proposeCourseFor } from "../services/courseBooking.ts";
import { setReminderOptOut } from "../services/reminders.ts";
import { addAppointmentType, addHoliday, addRoom, addTimeOff, replaceWeek, setClinicTimeZone } from "../services/scheduleSettings.ts";
import { must, type DemoTreatmentPatients } from "./demoTreatment.ts";

export const DEMO_TIME_ZONE = "America/Los_Angeles";
export const DEMO_ROOMS = ["Room 1", "Room 2", "Room 3"];

const clock = (hhmm: string) => parseClock(hhmm)!;
const weekdays = (days: Weekday[], from: string, to: string, lunch: [string, string]) =>
  days.flatMap((weekday) => [
    { weekday, kind: "work" as const, start: clock(from), end: clock(to) },
    { weekday, kind: "break" as const, start: clock(lunch[0]), end: clock(lunch[1]) },
  ]);

/** Who sees whom this week: day of the week (0 Monday), local time, practitioner, room, the patient's family name. */
const WEEK: { day: number; time: string; who: "practitioner" | "owner"; room: number; family: string; first?: boolean }[] = [
  { day: 0, time: "09:00", who: "practitioner", room: 0, family: "Nguyen" },
  // Needles retained: Sam Okafor starts a second patient in Room 2 while the first rests in Room 1.
  { day: 0, time: "09:30", who: "practitioner", room: 1, family: "Carter" },
  { day: 0, time: "10:00", who: "owner", room: 2, family: "Brooks" },
  { day: 1, time: "10:00", who: "practitioner", room: 1, family: "Nguyen" },
  { day: 1, time: "14:00", who: "owner", room: 2, family: "Miller", first: true },
  { day: 2, time: "09:00", who: "practitioner", room: 1, family: "Brooks" },
  { day: 2, time: "10:30", who: "owner", room: 2, family: "Nguyen" },
  { day: 3, time: "09:00", who: "owner", room: 2, family: "Carter" },
  { day: 3, time: "15:00", who: "practitioner", room: 1, family: "Brooks" },
  { day: 4, time: "14:30", who: "practitioner", room: 1, family: "Carter" },
];

export async function loadDemoSchedule(
  db: Database,
  actors: { owner: Actor; practitioner: Actor; frontDesk: Actor },
  patients: DemoTreatmentPatients,
  now: Date,
): Promise<void> {
  const { owner, practitioner, frontDesk } = actors;
  must(await setClinicTimeZone(db, owner, DEMO_TIME_ZONE), "demo time zone");
  const rooms = [];
  for (const name of DEMO_ROOMS) rooms.push(must(await addRoom(db, owner, name), name));
  const types = [];
  for (const type of DEFAULT_APPOINTMENT_TYPES) types.push(must(await addAppointmentType(db, owner, type), type.name));
  const followUp = types.find((t) => t.kind === "follow-up")!;
  const firstVisit = types.find((t) => t.kind === "first-visit")!;

  // Example hours, the clinic's own choice: Sam Okafor Monday–Friday, Dana Whitfield Monday–Thursday with Wednesday afternoons off.
  must(await replaceWeek(db, owner, practitioner.userId, weekdays([1, 2, 3, 4, 5], "09:00", "17:00", ["12:30", "13:30"])), "practitioner's hours");
  must(await replaceWeek(db, owner, owner.userId, weekdays([1, 2, 3, 4], "08:00", "16:00", ["12:00", "12:30"])), "owner's hours");
  const today = toLocal(now, DEMO_TIME_ZONE).date;
  const monday = mondayOf(today);
  must(
    await addTimeOff(db, owner, { practitionerId: owner.userId, fromOn: addDays(monday, -28), toOn: null, weekday: 3, start: clock("13:00"), end: clock("16:00"), reason: "clinic management" }),
    "owner's afternoon off",
  );
  const trainingDay = addDays(monday, 21);
  must(await addHoliday(db, owner, { on: trainingDay, name: "Staff training day" }), "training day");
  for (const holiday of publicHolidaysAfter(addDays(monday, 6))) {
    if (holiday.on !== trainingDay) must(await addHoliday(db, owner, holiday), holiday.name);
  }

  for (const slot of WEEK) {
    const patient = patients[slot.family];
    if (!patient) throw new Error(`Demo schedule: no demo patient ${slot.family}`);
    const date = addDays(monday, slot.day);
    const start = fromLocal(date, clock(slot.time), DEMO_TIME_ZONE);
    const booked = must(
      await createAppointment(db, frontDesk, {
        patientId: patient.patientId,
        practitionerId: actors[slot.who].userId,
        roomId: rooms[slot.room]!.id,
        typeId: (slot.first ? firstVisit : followUp).id,
        start,
        planId: null,
      }),
      `appointment for ${slot.family} on ${date}`,
    ).appointment;
    if (booked.end <= now) {
      const missed = slot.family === "Brooks" && slot.day === 2;
      must(
        await closeAppointment(db, frontDesk, booked.id, missed ? { status: "no-show", reason: "Did not come; voicemail left", version: 1 } : { status: "done", reason: null, version: 1 }),
        "closing a past appointment",
      );
    }
  }
  await bookMariasCourse(db, frontDesk, practitioner, patients["Alvarez"]?.patientId, followUp.id, today, now);
  const carter = patients["Carter"];
  if (!carter) throw new Error("Demo schedule: no James Carter");
  must(await setReminderOptOut(db, frontDesk, carter.patientId, true), "James Carter's reminder opt-out");
}

/**
 * The next New Year's Day and Independence Day after `after` (two US federal
 * holidays on fixed dates, 5 U.S.C. 6103), as an owner would enter them: after
 * the demo's booked week, so no booked appointment falls on one.
 */
export function publicHolidaysAfter(after: CalendarDate): { on: CalendarDate; name: string }[] {
  const year = Number(after.slice(0, 4));
  const next = (monthDay: string) => {
    const thisYear = `${year}-${monthDay}` as CalendarDate;
    return thisYear > after ? thisYear : (`${year + 1}-${monthDay}` as CalendarDate);
  };
  return [
    { on: next("01-01"), name: "New Year's Day" },
    { on: next("07-04"), name: "Independence Day" },
  ].sort((a, b) => a.on.localeCompare(b.on));
}

/** Her remaining Cherkin visits, proposed from tomorrow at 11:00 and confirmed as proposed. */
async function bookMariasCourse(db: Database, frontDesk: Actor, practitioner: Actor, patientId: PatientId | undefined, typeId: string, today: CalendarDate, now: Date) {
  if (!patientId) throw new Error("Demo schedule: no Maria Alvarez");
  const [plan] = await listPlans(db, frontDesk.clinicId, patientId);
  if (!plan) throw new Error("Demo schedule: Maria Alvarez has no plan");
  const proposal = must(await proposeCourseFor(db, frontDesk, plan.id, { practitionerId: practitioner.userId, typeId, startOn: addDays(today, 1), preferredStart: clock("11:00") }, now), "Maria's proposal");
  if (proposal.visits.length === 0) return;
  must(
    await bookCourse(db, frontDesk, plan.id, { practitionerId: practitioner.userId, typeId, visits: proposal.visits.map((v) => ({ start: new Date(v.start), roomId: v.roomId })) }),
    "Maria's course",
  );
}
