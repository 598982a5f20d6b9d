/**
 * A clinic set up to book: New York time, two rooms, appointment types,
 * the practitioner and the owner working Monday–Friday 09:00–17:00 with
 * lunch 12:30–13:30 (an example clinic's hours), and patients with a
 * screened episode and a plan.
 */
import assert from "node:assert/strict";
import { RED_FLAGS } from "../../../domain/assessment/redFlags.ts";
import { fromLocal, parseClock } from "../../../domain/scheduling/clinicTime.ts";
import { addDays, type CalendarDate } from "../../../domain/shared/calendarDate.ts";
import { patientBody, type TestClinic, type TestContext } from "../../testing/testClinic.ts";

export const NY = "America/New_York";
const allNo = () => Object.fromEntries(RED_FLAGS.filter((f) => f.id !== "age-over-50-or-under-20").map((f) => [f.id, false]));

/** The instant of a New York wall time, as the API takes it. */
export const at = (date: string, hhmm: string) => fromLocal(date as CalendarDate, parseClock(hhmm)!, NY).toISOString();

/** The n-th Sunday of a month (US DST starts on the second Sunday of March and ends on the first of November, 15 U.S.C. 260a). */
export function nthSunday(year: number, month: number, n: number): CalendarDate {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  return new Date(Date.UTC(year, month - 1, 1 + ((7 - first) % 7) + (n - 1) * 7)).toISOString().slice(0, 10) as CalendarDate;
}

/** Next year's spring-forward Sunday, so the test never books into the past. */
export const springForward = () => nthSunday(new Date().getUTCFullYear() + 1, 3, 2);
export const fallBack = () => nthSunday(new Date().getUTCFullYear() + 1, 11, 1);

const week = ["1", "2", "3", "4", "5"].flatMap((d) => [
  { weekday: Number(d), kind: "work", start: "09:00", end: "17:00" },
  { weekday: Number(d), kind: "break", start: "12:30", end: "13:30" },
]);

export interface BookingClinic extends TestClinic {
  rooms: { id: string; name: string }[];
  followUp: { id: string; minutes: number };
  firstVisit: { id: string; minutes: number };
}

export async function bookingClinic(t: TestContext): Promise<BookingClinic> {
  const clinic = await t.newClinic();
  const { owner } = clinic;
  assert.equal((await owner.put("/api/v1/schedule/time-zone", { timeZone: NY })).statusCode, 200);
  const rooms = [];
  for (const name of ["Room 1", "Room 2"]) {
    const room = await owner.post("/api/v1/rooms", { name });
    assert.equal(room.statusCode, 201, room.body);
    rooms.push(room.json());
  }
  const followUp = (await owner.post("/api/v1/appointment-types", { name: "Follow-up treatment", kind: "follow-up", minutes: 60 })).json();
  const firstVisit = (await owner.post("/api/v1/appointment-types", { name: "First visit with intake", kind: "first-visit", minutes: 90 })).json();
  for (const agent of [clinic.practitioner, owner]) {
    const hours = await owner.put(`/api/v1/practitioners/${agent.userId}/working-hours`, { blocks: week });
    assert.equal(hours.statusCode, 200, hours.body);
  }
  return { ...clinic, rooms, followUp, firstVisit };
}

/** A registered patient with a screened episode and a plan on `schedule` from `startOn`. */
export async function patientWithPlan(
  clinic: TestClinic,
  schedule = "2/week × 3 then 1/week × 4",
  startOn: CalendarDate = addDays(new Date().toISOString().slice(0, 10) as CalendarDate, 1),
  reEvaluations: CalendarDate[] = [],
) {
  // Born 1985: no age red flag (over 50) to acknowledge before the plan.
  const patient = (await clinic.frontDesk.post("/api/v1/patients", patientBody({ birthDate: "1985-03-02" }))).json();
  const episode = (await clinic.practitioner.post(`/api/v1/patients/${patient.id}/episodes`, { onsetDate: "2025-01-05", location: "central", radiation: "none", workStatus: "working" })).json();
  assert.equal((await clinic.practitioner.post(`/api/v1/episodes/${episode.id}/red-flag-screens`, { answers: allNo() })).statusCode, 201);
  const plan = await clinic.practitioner.post(`/api/v1/patients/${patient.id}/plans`, {
    episodeId: episode.id,
    startOn,
    modality: "manual",
    style: "tcm",
    protocolId: "cherkin-2009-standardised",
    schedule,
    reEvaluations,
    goals: [],
    rationale: null,
  });
  assert.equal(plan.statusCode, 201, plan.body);
  return { patient, plan: plan.json() };
}

export async function countAppointments(t: TestContext, clinicId: string): Promise<number> {
  const [row] = await t.db.query<{ n: number }>("select count(*)::int as n from appointments where clinic_id = $1", [clinicId]);
  return row!.n;
}
