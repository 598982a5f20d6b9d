/**
 * Book the course from the plan: the plan's schedule ("2/week × 3 then
 * 1/week × 4", read by domain/treatment/plan.ts) laid onto the
 * practitioner's free time, week by week from a start date.
 *
 * A proposal never lands outside working hours or in a break, time off or a
 * holiday, never in a room that is taken, never when the patient is already
 * booked, and (unlike a booking made by hand) never over another of the
 * practitioner's appointments: the proposal keeps to their free slots. One
 * visit a day. Visits of a week are spread over it (Monday and Thursday for
 * two a week when the course starts on a Monday), at the time of day of the
 * first proposed visit when it is free, so the patient keeps a routine.
 * A week that cannot hold its visits says so instead of borrowing from the next.
 */
import { addDays, type CalendarDate } from "../shared/calendarDate.ts";
import type { SchedulePhase } from "../treatment/plan.ts";
import type { BookedAppointment } from "./appointment.ts";
import { daySchedule, type PractitionerCalendar } from "./availability.ts";
import { fromLocal, type MinuteOfDay } from "./clinicTime.ts";
import { checkBooking } from "./conflicts.ts";

export interface CourseRequest {
  phases: readonly SchedulePhase[];
  /** The first day of week 1. */
  startOn: CalendarDate;
  /** How many visits to propose at most (the plan's remaining visits); the schedule's total when absent. */
  visits?: number;
  zone: string;
  practitionerId: string;
  practitionerName: string;
  patientId: string;
  calendar: PractitionerCalendar;
  rooms: readonly { id: string; name: string }[];
  /** Every appointment that could clash: the practitioner's, the rooms', the patient's. */
  appointments: readonly BookedAppointment[];
  minutes: number;
  /** Nothing is proposed before this instant (now, for a course starting today). */
  notBefore: Date;
  /** The time of day to try first; the first proposal's time after that. */
  preferredStart?: MinuteOfDay;
  /** Start times are tried on this grid, in minutes. */
  step?: number;
}

export interface ProposedVisit {
  /** 1-based position in the course. */
  number: number;
  /** 1-based week of the course. */
  week: number;
  start: Date;
  end: Date;
  roomId: string;
  localDate: CalendarDate;
}

export interface UnplacedVisit {
  week: number;
  message: string;
}

export interface CourseProposal {
  visits: ProposedVisit[];
  unplaced: UnplacedVisit[];
}

/**
 * The schedule left once `counted` visits are done or booked: the first
 * visits are taken off the front, and a week already partly used keeps its
 * remainder ("2/week × 3 then 1/week × 4" with 3 counted leaves
 * "1/week × 1 then 2/week × 1 then 1/week × 4"), so a course booked
 * mid-way continues where the patient is rather than starting over.
 */
export function remainingSchedule(phases: readonly SchedulePhase[], counted: number): SchedulePhase[] {
  const out: SchedulePhase[] = [];
  let skip = Math.max(0, counted);
  for (const phase of phases) {
    const visits = phase.perWeek * phase.weeks;
    if (skip >= visits) {
      skip -= visits;
      continue;
    }
    const fullWeeksUsed = Math.floor(skip / phase.perWeek);
    const partial = skip % phase.perWeek;
    let weeks = phase.weeks - fullWeeksUsed;
    if (partial > 0) {
      out.push({ perWeek: phase.perWeek - partial, weeks: 1 });
      weeks -= 1;
    }
    if (weeks > 0) out.push({ perWeek: phase.perWeek, weeks });
    skip = 0;
  }
  return out;
}

/** Day offsets in a week for `n` visits, spread evenly from the week's first day. */
export function spreadOverWeek(n: number): number[] {
  return Array.from({ length: n }, (_, i) => Math.floor((i * 7) / n));
}

export function proposeCourse(request: CourseRequest): CourseProposal {
  const step = request.step ?? 15;
  const total = request.visits ?? request.phases.reduce((sum, p) => sum + p.perWeek * p.weeks, 0);
  const taken: BookedAppointment[] = [...request.appointments];
  const visits: ProposedVisit[] = [];
  const unplaced: UnplacedVisit[] = [];
  let preferred = request.preferredStart;
  let week = 0;
  for (const phase of request.phases) {
    for (let w = 0; w < phase.weeks; w++, week++) {
      const weekStart = addDays(request.startOn, week * 7);
      const usedDays = new Set<number>();
      for (const target of spreadOverWeek(phase.perWeek)) {
        if (visits.length >= total) return { visits, unplaced };
        const order = [...range(target, 7), ...range(0, target).reverse()].filter((d) => !usedDays.has(d));
        let placed = false;
        for (const offset of order) {
          const date = addDays(weekStart, offset);
          const slot = firstFreeSlot(request, date, taken, preferred, step);
          if (!slot) continue;
          usedDays.add(offset);
          preferred ??= slot.minute;
          const visit: ProposedVisit = { number: visits.length + 1, week: week + 1, start: slot.start, end: slot.end, roomId: slot.roomId, localDate: date };
          visits.push(visit);
          taken.push({ id: `proposed-${visit.number}`, patientId: request.patientId, practitionerId: request.practitionerId, roomId: slot.roomId, start: slot.start, end: slot.end, status: "booked" });
          placed = true;
          break;
        }
        if (!placed) {
          unplaced.push({ week: week + 1, message: `Week ${week + 1} (from ${weekStart}) has no free ${request.minutes}-minute slot left for ${request.practitionerName} with a free room.` });
        }
      }
    }
  }
  return { visits, unplaced };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}

function firstFreeSlot(
  request: CourseRequest,
  date: CalendarDate,
  taken: readonly BookedAppointment[],
  preferred: MinuteOfDay | undefined,
  step: number,
): { start: Date; end: Date; roomId: string; minute: MinuteOfDay } | null {
  const day = daySchedule(request.calendar, date);
  const starts: MinuteOfDay[] = [];
  if (preferred !== undefined) starts.push(preferred);
  for (const open of day.open) {
    for (let m = open.start; m + request.minutes <= open.end; m += step) if (m !== preferred) starts.push(m);
  }
  for (const minute of starts) {
    const start = fromLocal(date, minute, request.zone);
    if (start < request.notBefore) continue;
    const end = new Date(start.getTime() + request.minutes * 60_000);
    // The proposal keeps to the practitioner's free time, though a booking by hand may overlap in another room.
    const practitionerBusy = taken.some((a) => a.practitionerId === request.practitionerId && (a.status === "booked" || a.status === "done") && a.start < end && start < a.end);
    if (practitionerBusy) continue;
    for (const room of request.rooms) {
      const check = checkBooking(
        { patientId: request.patientId, practitionerId: request.practitionerId, roomId: room.id, start, end },
        { zone: request.zone, calendar: request.calendar, practitionerName: request.practitionerName, appointments: taken, roomName: room.name },
      );
      if (check.conflicts.length === 0) return { start, end, roomId: room.id, minute };
    }
  }
  return null;
}
