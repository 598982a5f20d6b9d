/** What the scheduling API returns (server/http/routes/appointments.ts and scheduleSettings.ts). */
import type { AppointmentKind, AppointmentStatus } from "../../../domain/scheduling/appointment.ts";

export interface Room {
  id: string;
  name: string;
  active: boolean;
}

export interface AppointmentType {
  id: string;
  name: string;
  kind: AppointmentKind;
  minutes: number;
  active: boolean;
}

export interface ScheduleSettings {
  timeZone: string;
  rooms: Room[];
  appointmentTypes: AppointmentType[];
  holidays: { id: string; on: string; name: string }[];
  practitioners: { id: string; name: string; hours: { weekday: number; kind: "work" | "break"; startTime: string; endTime: string }[] }[];
}

export interface Appointment {
  id: string;
  patientId: string;
  practitionerId: string;
  roomId: string;
  typeId: string;
  start: string;
  end: string;
  status: AppointmentStatus;
  statusReason: string | null;
  planId: string | null;
  visitId: string | null;
  version: number;
}

export interface AppointmentListing extends Appointment {
  patientName: string;
  recordNumber: string;
  practitionerName: string;
  roomName: string;
  typeName: string;
  practitionerOverlap?: boolean;
}

export interface CalendarView {
  timeZone: string;
  from: string;
  days: number;
  appointments: AppointmentListing[];
  practitioners: { id: string; name: string; days: { date: string; open: { start: string; end: string }[]; closures: { start: string; end: string; reason: string }[] }[] }[];
  milestones: CalendarMilestone[];
}

/** A re-evaluation or follow-up milestone due that day: a marker, not a booking. */
export interface CalendarMilestone {
  on: string;
  kind: "re-evaluation" | "follow-up";
  patientId: string;
  patientName: string;
  label: string;
}

export interface CourseProposal {
  planId: string;
  schedule: string;
  plannedVisits: number;
  alreadyCounted: number;
  timeZone: string;
  practitionerId: string;
  typeId: string;
  minutes: number;
  visits: { number: number; week: number; start: string; end: string; roomId: string; roomName: string; localDate: string; localTime: string; warnings: string[] }[];
  unplaced: { week: number; message: string }[];
  payer: "medicare" | "plan" | "self-pay" | null;
  warnings: { number: number; message: string }[];
}
