/**
 * Appointment reminders against a real SMTP server on loopback
 * (smtp-server), read back as a mail client would (mailparser): what
 * arrives, to whom, with which calendar file, and what is logged and audited.
 */
import assert from "node:assert/strict";
import { PassThrough } from "node:stream";
import { after, before, describe, it } from "node:test";
import { weekdayOf } from "../../../domain/scheduling/clinicTime.ts";
import { readCalendar } from "../../../domain/scheduling/icalendarReader.ts";
import { addDays, type CalendarDate } from "../../../domain/shared/calendarDate.ts";
import type { Mailer } from "../../notify/mailer.ts";
import { smtpMailer } from "../../notify/smtpMailer.ts";
import { MAX_REMINDER_ATTEMPTS, sendDueReminders } from "../../services/reminders.ts";
import { startSmtpCatcher, type SmtpCatcher } from "../../testing/smtpCatcher.ts";
import { createTestContext, patientBody, type TestContext } from "../../testing/testClinic.ts";
import { at, bookingClinic, type BookingClinic } from "./appointmentsFixture.ts";

/** Words that would tell an inbox's reader why the patient sees an acupuncturist. */
const CLINICAL_WORDS = /pain|back|spine|sciatica|needle|acupunct|diagnos|treatment|follow-up|intake|episode|questionnaire|oswestry|nrs|peg/i;

/** A weekday at least `days` days after today (New York dates), for bookings inside the clinic's hours. */
function weekdayAfter(days: number): CalendarDate {
  let date = addDays(new Date().toISOString().slice(0, 10) as CalendarDate, days);
  while (weekdayOf(date) > 5) date = addDays(date, 1);
  return date;
}

const hours = (n: number) => n * 3_600_000;

describe("e-mail reminders through a real SMTP server", () => {
  let t: TestContext;
  let smtp: SmtpCatcher;
  let mailer: Mailer;
  const logs: string[] = [];
  before(async () => {
    smtp = await startSmtpCatcher();
    mailer = smtpMailer(smtp.settings);
    const logStream = new PassThrough();
    logStream.on("data", (chunk: Buffer) => logs.push(chunk.toString()));
    t = await createTestContext({ config: { smtp: smtp.settings }, logStream });
  });
  after(async () => {
    mailer.close();
    await t.close();
    await smtp.close();
  });

  const arrivedFor = (address: string) => smtp.received.filter((m) => m.to && !Array.isArray(m.to) && m.to.value.some((v) => v.address === address));

  async function patientWithEmail(clinic: BookingClinic, email: string | null, givenName = "Ana") {
    const created = await clinic.frontDesk.post("/api/v1/patients", patientBody({ givenName, familyName: "Reyes-Quintana", email }));
    assert.equal(created.statusCode, 201, created.body);
    return created.json() as { id: string };
  }

  const book = async (clinic: BookingClinic, patientId: string, start: string) => {
    const booked = await clinic.frontDesk.post("/api/v1/appointments", { patientId, practitionerId: clinic.practitioner.userId, roomId: clinic.rooms[0]!.id, typeId: clinic.followUp.id, start });
    assert.equal(booked.statusCode, 201, booked.body);
    return booked.json().appointment as { id: string; start: string; end: string; version: number };
  };

  it("sends one reminder the lead time before, with the clinic's words only and an .ics of the right UTC times; a second run sends nothing", async () => {
    const clinic = await bookingClinic(t);
    const clinicName = (await t.db.query<{ name: string }>("select name from clinics where id = $1", [clinic.clinicId]))[0]!.name;
    const patient = await patientWithEmail(clinic, "ana.reyes@patient.test");
    const day = weekdayAfter(9);
    const appointment = await book(clinic, patient.id, at(day, "10:00"));
    const start = new Date(appointment.start);

    // 25 hours before, outside the default 24: nothing yet.
    await sendDueReminders(t.db, mailer, new Date(start.getTime() - hours(25)));
    assert.equal(arrivedFor("ana.reyes@patient.test").length, 0);
    await sendDueReminders(t.db, mailer, new Date(start.getTime() - hours(23)));
    await sendDueReminders(t.db, mailer, new Date(start.getTime() - hours(22)));
    const [mail, ...more] = arrivedFor("ana.reyes@patient.test");
    assert.ok(mail, "the reminder arrived");
    assert.equal(more.length, 0, "sent once");

    assert.deepEqual(mail.from?.value.map((v) => [v.name, v.address]), [["Test Clinic", "desk@clinic.test"]]);
    assert.match(mail.subject ?? "", new RegExp(`^Reminder: your appointment at ${clinicName} on \\w+day, \\w+ \\d+ at 10:00 AM E[SD]T$`));
    assert.match(mail.text ?? "", /^Hello Ana,/);
    assert.match(mail.text ?? "", /at 10:00 AM E[SD]T/, "the time is the clinic's (New York), not UTC");
    assert.match(mail.text ?? "", new RegExp(`with practitioner ${clinic.practitioner.email.split("@")[0]!.split("-")[1]}`));
    assert.ok(!(mail.text ?? "").includes("Reyes-Quintana"), "the first name only");
    assert.ok(!CLINICAL_WORDS.test(`${mail.subject} ${mail.text}`), `no clinical words: ${mail.subject}\n${mail.text}`);
    assert.equal(mail.html, false, "plain text only");

    assert.equal(mail.attachments.length, 1);
    const ics = mail.attachments[0]!;
    assert.equal(ics.contentType, "text/calendar");
    assert.equal(ics.filename, "appointment.ics");
    const calendar = readCalendar(ics.content.toString("utf8"));
    assert.equal(calendar.events.length, 1);
    const [event] = calendar.events;
    assert.equal(event!.start!.toISOString(), appointment.start);
    assert.equal(event!.end!.toISOString(), appointment.end);
    assert.equal(event!.properties.LOCATION, clinicName);
    assert.equal(event!.properties.UID, `${appointment.id}@acuback`);
    const shown = [event!.properties.SUMMARY, event!.properties.LOCATION, event!.properties.DESCRIPTION].join(" ");
    assert.match(shown, /^Appointment at .+ With practitioner /);
    assert.ok(!CLINICAL_WORDS.test(shown), shown);

    // Logged without its content, and audited once.
    const rows = await t.db.query<Record<string, unknown>>("select * from sent_messages where clinic_id = $1", [clinic.clinicId]);
    assert.equal(rows.length, 1);
    assert.deepEqual([rows[0]!.channel, rows[0]!.purpose, rows[0]!.outcome, rows[0]!.error_code, rows[0]!.appointment_id], ["email", "reminder", "sent", null, appointment.id]);
    assert.ok(!JSON.stringify(rows).includes("ana.reyes"), "no address in the log");
    const audit = await t.db.query<{ user_id: string | null; patient_id: string; detail: Record<string, unknown> }>("select user_id, patient_id, detail from audit_events where clinic_id = $1 and entity = 'sent_message' and action = 'create'", [clinic.clinicId]);
    assert.equal(audit.length, 1);
    assert.deepEqual([audit[0]!.user_id, audit[0]!.patient_id, audit[0]!.detail.outcome, audit[0]!.detail.purpose], [null, patient.id, "sent", "reminder"]);

    const sent = (await clinic.frontDesk.get("/api/v1/reminders/sent")).json();
    assert.deepEqual(sent.map((m: { outcome: string; patientName: string }) => [m.outcome, m.patientName]), [["sent", "Reyes-Quintana, Ana"]]);
    assert.equal((await (await t.newClinic()).frontDesk.get("/api/v1/reminders/sent")).json().length, 0, "another clinic sees none");
  });

  it("reminds a moved appointment again of its new time, and a cancelled one never", async () => {
    const clinic = await bookingClinic(t);
    const moving = await patientWithEmail(clinic, "moving@patient.test", "Mo");
    const cancelling = await patientWithEmail(clinic, "cancelling@patient.test", "Cy");
    const day = weekdayAfter(10);
    const a = await book(clinic, moving.id, at(day, "09:00"));
    const b = await book(clinic, cancelling.id, at(day, "11:00"));
    const cancelled = await clinic.frontDesk.post(`/api/v1/appointments/${b.id}/status`, { status: "cancelled", reason: "Patient called to cancel", version: 1 });
    assert.equal(cancelled.statusCode, 200, cancelled.body);
    await sendDueReminders(t.db, mailer, new Date(new Date(a.start).getTime() - hours(2)));
    assert.equal(arrivedFor("moving@patient.test").length, 1);
    assert.equal(arrivedFor("cancelling@patient.test").length, 0, "a cancelled appointment is not reminded");

    const moved = await clinic.frontDesk.patch(`/api/v1/appointments/${a.id}`, { start: at(day, "15:00"), version: 1 });
    assert.equal(moved.statusCode, 200, moved.body);
    await sendDueReminders(t.db, mailer, new Date(new Date(a.start).getTime() - hours(1)));
    const [, second] = arrivedFor("moving@patient.test");
    assert.ok(second, "the new time is reminded");
    const [event] = readCalendar(second.attachments[0]!.content.toString("utf8")).events;
    assert.equal(event!.start!.toISOString(), at(day, "15:00"));
    assert.equal(event!.properties.SEQUENCE, "2", "the calendar app replaces the old copy");
    assert.equal(event!.properties.UID, `${a.id}@acuback`);
  });

  it("sends nothing to a patient who opted out; the opt-out is shown with who and when, and each change audited", async () => {
    const clinic = await bookingClinic(t);
    const patient = await patientWithEmail(clinic, "opted.out@patient.test", "Olga");
    const url = `/api/v1/patients/${patient.id}/reminders`;
    assert.deepEqual((await clinic.frontDesk.get(url)).json(), { optedOut: false, changedAt: null, changedByName: null, hasEmail: true, emailConfigured: true, messages: [] });
    const out = await clinic.frontDesk.put(url, { optedOut: true });
    assert.equal(out.statusCode, 200, out.body);
    assert.equal(out.json().optedOut, true);
    assert.match(out.json().changedByName, /^front_desk /);
    assert.ok(Date.now() - Date.parse(out.json().changedAt) < 60_000);
    assert.equal((await clinic.frontDesk.put(url, { optedOut: "yes" })).statusCode, 400);
    assert.equal((await (await t.newClinic()).frontDesk.put(url, { optedOut: false })).statusCode, 404, "another clinic cannot change it");

    const appointment = await book(clinic, patient.id, at(weekdayAfter(11), "10:00"));
    await sendDueReminders(t.db, mailer, new Date(new Date(appointment.start).getTime() - hours(3)));
    assert.equal(arrivedFor("opted.out@patient.test").length, 0);
    assert.equal((await t.db.query("select 1 from sent_messages where clinic_id = $1", [clinic.clinicId])).length, 0);

    assert.equal((await clinic.frontDesk.put(url, { optedOut: false })).json().optedOut, false);
    const audit = await t.db.query<{ detail: { optedOut: boolean } }>("select detail from audit_events where clinic_id = $1 and entity = 'reminder_preference' and action = 'update' order by id", [clinic.clinicId]);
    assert.deepEqual(audit.map((a) => a.detail.optedOut), [true, false]);
  });

  it("records a refused recipient as 'failed' with the SMTP code only, changes nothing else, and retries a few times before leaving it to the desk", async () => {
    const clinic = await bookingClinic(t);
    const patient = await patientWithEmail(clinic, "refused@patient.test", "Rita");
    const appointment = await book(clinic, patient.id, at(weekdayAfter(12), "10:00"));
    const now = new Date(new Date(appointment.start).getTime() - hours(4));
    const before = await t.db.query("select * from appointments where id = $1", [appointment.id]);
    const patientBefore = await t.db.query("select * from patients where id = $1", [patient.id]);
    smtp.refuseRecipients(true);
    try {
      await sendDueReminders(t.db, mailer, now);
      const rows = await t.db.query<{ outcome: string; error_code: string }>("select outcome, error_code from sent_messages where clinic_id = $1", [clinic.clinicId]);
      assert.deepEqual(rows, [{ outcome: "failed", error_code: "550" }]);
      assert.deepEqual(await t.db.query("select * from appointments where id = $1", [appointment.id]), before);
      assert.deepEqual(await t.db.query("select * from patients where id = $1", [patient.id]), patientBefore);
      assert.equal(arrivedFor("refused@patient.test").length, 0);
      const [audited] = await t.db.query<{ detail: Record<string, unknown> }>("select detail from audit_events where clinic_id = $1 and entity = 'sent_message' and action = 'create'", [clinic.clinicId]);
      assert.deepEqual([audited!.detail.outcome, audited!.detail.errorCode], ["failed", "550"]);

      const due = (await clinic.frontDesk.get("/api/v1/reminders/due")).json();
      // The real now is days before: the appointment is outside the 24-hour lead, so not listed yet.
      assert.equal(due.emailConfigured, true);
      assert.equal((await clinic.owner.put("/api/v1/reminders/settings", { leadHours: 336 })).statusCode, 200);
      const listed = (await clinic.frontDesk.get("/api/v1/reminders/due")).json().due;
      assert.deepEqual(listed.map((d: { action: string; reason: string }) => [d.action, d.reason]), [["email", "Will be e-mailed at the next check (failed 1 time so far, last: 550)."]]);

      for (let attempt = 2; attempt <= MAX_REMINDER_ATTEMPTS + 1; attempt += 1) await sendDueReminders(t.db, mailer, now);
      assert.equal((await t.db.query("select 1 from sent_messages where clinic_id = $1", [clinic.clinicId])).length, MAX_REMINDER_ATTEMPTS, "no more attempts after the last");
      const toCall = (await clinic.frontDesk.get("/api/v1/reminders/due")).json().due;
      assert.deepEqual(toCall.map((d: { action: string; reason: string }) => [d.action, d.reason]), [["call", `E-mail failed ${MAX_REMINDER_ATTEMPTS} times (last: 550): phone the patient.`]]);
    } finally {
      smtp.refuseRecipients(false);
    }
  });

  it("sends a questionnaire link by e-mail at creation, logged and audited; refuses before creating anything when the patient has no address", async () => {
    const clinic = await bookingClinic(t);
    const patient = await patientWithEmail(clinic, "links@patient.test", "Lia");
    const created = await clinic.frontDesk.post(`/api/v1/patients/${patient.id}/report-links`, { instruments: ["nrs"], sendByEmail: true });
    assert.equal(created.statusCode, 201, created.body);
    assert.deepEqual(created.json().email, { outcome: "sent", errorCode: null });
    const [mail] = arrivedFor("links@patient.test");
    assert.ok(mail);
    assert.ok((mail.text ?? "").includes(created.json().url), "the link is in the message");
    assert.match(mail.text ?? "", /^Hello Lia,/);
    assert.ok(!CLINICAL_WORDS.test(`${mail.subject} ${(mail.text ?? "").replace(created.json().url, "")}`), mail.text);
    const [row] = await t.db.query<{ purpose: string; report_link_id: string; sent_by: string; outcome: string }>("select purpose, report_link_id, sent_by, outcome from sent_messages where clinic_id = $1", [clinic.clinicId]);
    assert.deepEqual(row, { purpose: "report-link", report_link_id: created.json().id, sent_by: clinic.frontDesk.userId, outcome: "sent" });
    const audited = await t.db.query("select 1 from audit_events where clinic_id = $1 and entity = 'sent_message' and action = 'create' and user_id = $2", [clinic.clinicId, clinic.frontDesk.userId]);
    assert.equal(audited.length, 1);

    const noAddress = await patientWithEmail(clinic, null, "Nia");
    const refused = await clinic.frontDesk.post(`/api/v1/patients/${noAddress.id}/report-links`, { instruments: ["nrs"], sendByEmail: true });
    assert.equal(refused.json().code, "PATIENT_HAS_NO_EMAIL");
    assert.equal((await t.db.query("select 1 from report_links where patient_id = $1", [noAddress.id])).length, 0, "a refused request creates no link");
    assert.deepEqual((await clinic.frontDesk.get(`/api/v1/patients/${patient.id}/reminders`)).json().messages.map((m: { purpose: string }) => m.purpose), ["report-link"]);

    // No address, subject or link reached the server's log.
    const logged = logs.join("");
    assert.ok(logged.length > 0, "the log was captured");
    for (const secret of ["links@patient.test", "ana.reyes@patient.test", created.json().url, "/r/"]) assert.ok(!logged.includes(secret), `the log holds ${secret}`);
  });
});

describe("reminders without e-mail configured", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext();
  });
  after(() => t.close());

  it("lists the due reminders for the front desk to phone, says e-mail is not configured, and refuses to e-mail a link", async () => {
    assert.equal(t.config.smtp, null);
    const clinic = await bookingClinic(t);
    const { frontDesk, owner } = clinic;
    const patient = (await frontDesk.post("/api/v1/patients", patientBody({ givenName: "Pat", familyName: "Caller", phone: "555-0142", email: "pat@patient.test" }))).json();
    const opted = (await frontDesk.post("/api/v1/patients", patientBody({ givenName: "Quinn", familyName: "Quiet" }))).json();
    await frontDesk.put(`/api/v1/patients/${opted.id}/reminders`, { optedOut: true });
    const day = weekdayAfter(2);
    for (const [p, hhmm] of [[patient.id, "10:00"], [opted.id, "11:00"]] as const) {
      const booked = await frontDesk.post("/api/v1/appointments", { patientId: p, practitionerId: clinic.practitioner.userId, roomId: clinic.rooms[0]!.id, typeId: clinic.followUp.id, start: at(day, hhmm) });
      assert.equal(booked.statusCode, 201, booked.body);
    }
    assert.equal((await frontDesk.put("/api/v1/reminders/settings", { leadHours: 336 })).statusCode, 403, "owners set the lead time");
    assert.equal((await owner.put("/api/v1/reminders/settings", { leadHours: 0 })).statusCode, 400);
    assert.equal((await owner.put("/api/v1/reminders/settings", { leadHours: 336 })).json().leadHours, 336);

    const due = await frontDesk.get("/api/v1/reminders/due");
    assert.equal(due.statusCode, 200, due.body);
    const body = due.json();
    assert.deepEqual([body.emailConfigured, body.leadHours, body.timeZone, body.optedOut], [false, 336, "America/New_York", 1]);
    assert.deepEqual(
      body.due.map((d: { patientName: string; phone: string; start: string; action: string; reason: string }) => [d.patientName, d.phone, d.start, d.action, d.reason]),
      [["Caller, Pat", "555-0142", at(day, "10:00"), "call", "E-mail is not configured: phone the patient."]],
    );
    const listAudit = await t.db.query<{ detail: { shown: string[] } }>("select detail from audit_events where clinic_id = $1 and entity = 'sent_message' and action = 'list'", [clinic.clinicId]);
    assert.deepEqual(listAudit.at(-1)!.detail.shown, [patient.id]);
    assert.deepEqual((await (await t.newClinic()).frontDesk.get("/api/v1/reminders/due")).json().due, [], "another clinic sees none");

    const refused = await frontDesk.post(`/api/v1/patients/${patient.id}/report-links`, { instruments: ["nrs"], sendByEmail: true });
    assert.equal(refused.statusCode, 409);
    assert.equal(refused.json().code, "EMAIL_NOT_CONFIGURED");
    assert.equal((await t.db.query("select 1 from report_links where patient_id = $1", [patient.id])).length, 0);
    assert.equal((await frontDesk.post(`/api/v1/patients/${patient.id}/report-links`, { instruments: ["nrs"] })).json().email, null, "without asking, a link is made as before");
  });
});
