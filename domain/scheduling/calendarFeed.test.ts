import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { CalendarDate } from "../shared/calendarDate.ts";
import { calendarFeed, feedDates, feedSummary, initials, type FeedAppointment } from "./calendarFeed.ts";

const appointment = (over: Partial<FeedAppointment> = {}): FeedAppointment => ({
  id: "7d3c1a52-5b1e-4b8e-9a51-0d4f3c2b1a00",
  start: new Date("2026-03-09T13:00:00Z"),
  end: new Date("2026-03-09T14:00:00Z"),
  status: "booked",
  version: 1,
  updatedAt: new Date("2026-03-01T08:00:00Z"),
  typeName: "Follow-up treatment",
  roomName: "Room 2",
  givenName: "María",
  familyName: "Álvarez",
  recordNumber: "0042",
  ...over,
});

describe("calendar feed", () => {
  it("names a patient by initials and record number only", () => {
    assert.equal(initials("María", "Álvarez"), "M.Á.");
    assert.equal(initials(" ana ", "de la Cruz"), "A.D.");
    assert.equal(initials("", ""), "");
    assert.equal(feedSummary(appointment()), "Follow-up treatment · M.Á. #0042");
    assert.equal(feedSummary(appointment({ givenName: "", familyName: "" })), "Follow-up treatment · #0042");
  });

  it("covers 30 days back to 180 ahead of the clinic's today", () => {
    assert.deepEqual(feedDates("2026-03-09" as CalendarDate), { from: "2026-02-07", to: "2026-09-06" });
  });

  it("writes one event per appointment with a stable UID, the name never in it, a cancelled one marked CANCELLED", () => {
    const text = calendarFeed({ calendarName: "Dana Whitfield · Acuback", timeZone: "America/New_York" }, [appointment(), appointment({ id: "b2", status: "cancelled", version: 3 })]);
    assert.equal(text.match(/BEGIN:VEVENT/g)?.length, 2);
    assert.match(text, /UID:7d3c1a52-5b1e-4b8e-9a51-0d4f3c2b1a00@acuback\r\n/);
    assert.match(text, /SUMMARY:Follow-up treatment · M.Á. #0042\r\n/);
    assert.match(text, /UID:b2@acuback\r\nDTSTAMP:20260301T080000Z\r\nDTSTART:20260309T130000Z\r\nDTEND:20260309T140000Z\r\nSUMMARY:[^\r]+\r\nLOCATION:Room 2\r\nSTATUS:CANCELLED\r\nSEQUENCE:2\r\n/);
    assert.match(text, /X-WR-TIMEZONE:America\/New_York\r\n/);
    assert.doesNotMatch(text, /María|Álvarez/);
  });
});
