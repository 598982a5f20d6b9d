/** What the reminders API returns (server/http/routes/reminders.ts). */
import { formatDate } from "../../../domain/shared/dateWords.ts";
import { localClock, localDate } from "./clinicClock.ts";

export interface SentMessage {
  id: string;
  patientId: string;
  patientName: string;
  channel: "email";
  purpose: "reminder" | "report-link";
  appointmentId: string | null;
  appointmentStart: string | null;
  reportLinkId: string | null;
  outcome: "sending" | "sent" | "failed";
  errorCode: string | null;
  sentByName: string | null;
  sentAt: string;
}

export interface DueReminders {
  emailConfigured: boolean;
  leadHours: number;
  timeZone: string;
  optedOut: number;
  due: {
    appointmentId: string;
    patientId: string;
    patientName: string;
    recordNumber: string;
    phone: string | null;
    start: string;
    practitionerName: string;
    action: "email" | "call";
    reason: string;
  }[];
}

export interface ReminderPreference {
  optedOut: boolean;
  changedAt: string | null;
  changedByName: string | null;
  hasEmail: boolean;
  emailConfigured: boolean;
  messages: SentMessage[];
}

export const PURPOSE_LABELS: Record<SentMessage["purpose"], string> = { reminder: "Appointment reminder", "report-link": "Questionnaire link" };

/** How a message ended, in words; a failure names the SMTP code for whoever looks after the mail server. */
export function outcomeWords(message: Pick<SentMessage, "outcome" | "errorCode">): string {
  if (message.outcome === "sent") return "Sent";
  if (message.outcome === "failed") return `Failed (${message.errorCode})`;
  return "Not confirmed (the server stopped while sending)";
}

/** "Mar 16, 2027 10:00" in the clinic's zone: the app's one date format and the Schedule's 24-hour clock. */
export function clinicMoment(iso: string, timeZone: string): string {
  return `${formatDate(localDate(iso, timeZone))} ${localClock(iso, timeZone)}`;
}
