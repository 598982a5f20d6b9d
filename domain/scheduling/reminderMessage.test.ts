import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readCalendar } from "./icalendarReader.ts";
import { clinicDayAndTime, reminderMessage, reportLinkMessage } from "./reminderMessage.ts";

const facts = {
  appointmentId: "0b5f3f8e-9a43-4d4e-bf0e-4b1f7b0f9c11",
  version: 3,
  // 10:00 in New York on a summer day (EDT, UTC−4).
  start: new Date("2027-07-13T14:00:00Z"),
  end: new Date("2027-07-13T15:00:00Z"),
  timeZone: "America/New_York",
  clinicName: "Riverside Acupuncture",
  clinicPhone: "503-555-0100",
  practitionerName: "Sam Okafor, L.Ac.",
  givenName: "Maria",
};

describe("reminder words", () => {
  it("say the day and time in the clinic's zone, the clinic, the practitioner and the first name", () => {
    const m = reminderMessage(facts, new Date("2027-07-12T14:00:00Z"));
    assert.equal(m.subject, "Reminder: your appointment at Riverside Acupuncture on Tuesday, July 13 at 10:00 AM EDT");
    assert.match(m.text, /^Hello Maria,\n/);
    assert.match(m.text, /  Tuesday, July 13, 2027 at 10:00 AM EDT\n  with Sam Okafor, L\.Ac\.\n/);
    assert.match(m.text, /please call us on 503-555-0100/);
    assert.equal(clinicDayAndTime(new Date("2027-01-12T15:00:00Z"), "America/New_York").time, "10:00 AM EST", "winter is EST");
  });

  it("carry the appointment in the .ics: UID stable across versions, SEQUENCE the version, times in UTC", () => {
    const [event] = readCalendar(reminderMessage(facts, new Date("2027-07-12T14:00:00Z")).ics).events;
    assert.equal(event!.properties.UID, `${facts.appointmentId}@acuback`);
    assert.equal(event!.properties.SEQUENCE, "3");
    assert.equal(event!.properties.DTSTART, "20270713T140000Z");
    assert.equal(event!.properties.DTSTAMP, "20270712T140000Z");
    assert.equal(event!.properties.LOCATION, "Riverside Acupuncture");
    assert.equal(event!.properties.DESCRIPTION, "With Sam Okafor, L.Ac.");
  });

  it("keep names on one line, so a name cannot add a header or a line to the message", () => {
    const m = reminderMessage({ ...facts, clinicName: "Evil\r\nBcc: all@example.test", givenName: "Ma\nria", clinicPhone: null }, new Date());
    assert.ok(!/[\r\n]/.test(m.subject));
    assert.match(m.subject, /Evil Bcc: all@example\.test/);
    assert.match(m.text, /^Hello Ma ria,/);
    assert.match(m.text, /please let us know/);
  });

  it("a questionnaire link names who asks and until when, not what it asks", () => {
    const m = reportLinkMessage({ clinicName: "Riverside Acupuncture", givenName: "Maria", url: "https://acuback.clinic.lan/r/abc", expiresAt: new Date("2027-07-20T03:00:00Z"), timeZone: "America/Los_Angeles" });
    assert.equal(m.subject, "Riverside Acupuncture: a few questions before your next visit");
    assert.match(m.text, /https:\/\/acuback\.clinic\.lan\/r\/abc/);
    assert.match(m.text, /until Monday, July 19, 2027/, "the last day in the clinic's zone");
  });
});
