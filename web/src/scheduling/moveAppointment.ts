/**
 * The one way the calendar moves an appointment, shared by drag and drop and
 * the keyboard's Move form: a new local date and time in the clinic's zone
 * (the time kept when only the day changes), optionally another practitioner
 * or room. The server checks it like a booking and refuses with the reasons.
 */
import { fromLocal, toLocal, type MinuteOfDay } from "../../../domain/scheduling/clinicTime.ts";
import type { CalendarDate } from "../../../domain/shared/calendarDate.ts";
import { api } from "../api.ts";
import type { Appointment } from "./types.ts";

export interface MoveTarget {
  date: CalendarDate;
  minute?: MinuteOfDay;
  practitionerId?: string;
  roomId?: string;
}

export async function moveAppointment(appointment: Appointment, to: MoveTarget, zone: string): Promise<void> {
  const minute = to.minute ?? toLocal(new Date(appointment.start), zone).minute;
  await api("PATCH", `/api/v1/appointments/${appointment.id}`, {
    start: fromLocal(to.date, minute, zone).toISOString(),
    version: appointment.version,
    ...(to.practitionerId && { practitionerId: to.practitionerId }),
    ...(to.roomId && { roomId: to.roomId }),
  });
}

/** What a drag carries: the appointment's id (its version is read from the calendar on drop). */
export const DRAG_TYPE = "application/x-acuback-appointment";
