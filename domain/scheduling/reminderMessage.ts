/**
 * The words of an appointment reminder and of a questionnaire link sent by
 * e-mail. An e-mail passes through servers the clinic does not run and sits
 * in inboxes others may read, so it says only what the patient needs to turn
 * up: the clinic, the day and time in the clinic's zone, the practitioner,
 * and the patient's first name. Never the appointment type, the room, the
 * reason for the visit, the questionnaires' names or anything clinical.
 */
import { vcalendar, vevent } from "./icalendar.ts";

export interface ReminderFacts {
  appointmentId: string;
  /** The appointment's version: a moved appointment's new copy replaces the old one in the patient's calendar. */
  version: number;
  start: Date;
  end: Date;
  timeZone: string;
  clinicName: string;
  clinicPhone: string | null;
  practitionerName: string;
  givenName: string;
}

export interface ReminderMessage {
  subject: string;
  text: string;
  /** The appointment as an iCalendar file to attach (RFC 5545). */
  ics: string;
}

/** "Tuesday, March 16, 2027" and "10:00 AM EDT" in the clinic's zone. */
export function clinicDayAndTime(instant: Date, timeZone: string): { day: string; time: string } {
  const day = new Intl.DateTimeFormat("en-US", { timeZone, weekday: "long", month: "long", day: "numeric", year: "numeric" }).format(instant);
  const time = new Intl.DateTimeFormat("en-US", { timeZone, hour: "numeric", minute: "2-digit", timeZoneName: "short" }).format(instant);
  return { day, time };
}

/** Header fields must stay one line: a name with a line break in it cannot add a header. */
const oneLine = (text: string) => text.replace(/[\r\n]+/g, " ").trim();

export function reminderMessage(facts: ReminderFacts, now: Date): ReminderMessage {
  const { day, time } = clinicDayAndTime(facts.start, facts.timeZone);
  const clinic = oneLine(facts.clinicName);
  const callUs = facts.clinicPhone ? `please call us on ${oneLine(facts.clinicPhone)}` : "please let us know";
  const text = [
    `Hello ${oneLine(facts.givenName)},`,
    "",
    `This is a reminder of your appointment at ${clinic}:`,
    "",
    `  ${day} at ${time}`,
    `  with ${oneLine(facts.practitionerName)}`,
    "",
    "The attached calendar file adds it to your calendar.",
    `If you cannot come, ${callUs} as soon as you can.`,
    "",
    clinic,
    "",
    "You receive this because you have an appointment with us. To stop these reminders, tell the clinic.",
  ].join("\n");
  const ics = vcalendar({ prodId: "-//Acuback//Appointment reminder//EN", method: "PUBLISH" }, [
    vevent({
      uid: `${facts.appointmentId}@acuback`,
      sequence: facts.version,
      stamp: now,
      start: facts.start,
      end: facts.end,
      summary: `Appointment at ${clinic}`,
      location: clinic,
      description: `With ${oneLine(facts.practitionerName)}`,
    }),
  ]);
  return { subject: `Reminder: your appointment at ${clinic} on ${day.replace(/, \d{4}$/, "")} at ${time}`, text, ics };
}

export interface LinkFacts {
  clinicName: string;
  givenName: string;
  url: string;
  expiresAt: Date;
  timeZone: string;
}

/** The questionnaire link: who asks, the link, until when it works. What it asks about is on the page behind the link. */
export function reportLinkMessage(facts: LinkFacts): { subject: string; text: string } {
  const clinic = oneLine(facts.clinicName);
  const { day } = clinicDayAndTime(facts.expiresAt, facts.timeZone);
  return {
    subject: `${clinic}: a few questions before your next visit`,
    text: [
      `Hello ${oneLine(facts.givenName)},`,
      "",
      `${clinic} asks you to answer a few short questions about how you are doing. It takes a few minutes on your phone or computer:`,
      "",
      `  ${facts.url}`,
      "",
      `The link works once, until ${day}. Please do not forward it: it is meant for you only.`,
      "",
      clinic,
    ].join("\n"),
  };
}
