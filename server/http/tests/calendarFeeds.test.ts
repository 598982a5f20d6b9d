import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { PassThrough } from "node:stream";
import { after, before, describe, it } from "node:test";
import { mondayOf, toLocal } from "../../../domain/scheduling/clinicTime.ts";
import { addDays } from "../../../domain/shared/calendarDate.ts";
import { createTestContext, patientBody, type TestContext } from "../../testing/testClinic.ts";
import { at, bookingClinic, NY, type BookingClinic } from "./appointmentsFixture.ts";

/** Unfolded content lines (RFC 5545 §3.1), for matching whole properties. */
const unfold = (text: string) => text.replace(/\r\n /g, "").split("\r\n");
const fetchFeed = (t: TestContext, path: string, remoteAddress = "127.0.0.1") => t.app.inject({ method: "GET", url: path, remoteAddress });

describe("calendar feeds", () => {
  let t: TestContext;
  const logLines: string[] = [];
  before(async () => {
    const stream = new PassThrough();
    stream.on("data", (chunk: Buffer) => logLines.push(...chunk.toString().split("\n").filter(Boolean)));
    t = await createTestContext({ logStream: stream });
  });
  after(() => t.close());

  async function bookedClinic() {
    const clinic = await bookingClinic(t);
    const nextMonday = addDays(mondayOf(toLocal(new Date(), NY).date), 7);
    const patient = (await clinic.frontDesk.post("/api/v1/patients", patientBody({ givenName: "Zenobia", familyName: "Quarrington" }))).json();
    const other = (await clinic.frontDesk.post("/api/v1/patients", patientBody({ givenName: "Odile", familyName: "Brandvold" }))).json();
    const book = async (patientId: string, practitionerId: string, roomId: string, start: string) => {
      const booked = await clinic.frontDesk.post("/api/v1/appointments", { patientId, practitionerId, roomId, typeId: clinic.followUp.id, start });
      assert.equal(booked.statusCode, 201, booked.body);
      return booked.json().appointment as { id: string; start: string; end: string; version: number };
    };
    const mine = await book(patient.id, clinic.practitioner.userId, clinic.rooms[0]!.id, at(nextMonday, "10:00"));
    const cancelled = await book(other.id, clinic.practitioner.userId, clinic.rooms[1]!.id, at(addDays(nextMonday, 1), "11:00"));
    const cancel = await clinic.frontDesk.post(`/api/v1/appointments/${cancelled.id}/status`, { status: "cancelled", reason: "Patient asked to cancel", version: 1 });
    assert.equal(cancel.statusCode, 200, cancel.body);
    const ownersPatient = await book(other.id, clinic.owner.userId, clinic.rooms[0]!.id, at(addDays(nextMonday, 2), "09:00"));
    // Beyond the 180 days ahead the feed reaches.
    const farAhead = await book(patient.id, clinic.practitioner.userId, clinic.rooms[0]!.id, at(addDays(nextMonday, 189), "10:00"));
    return { clinic, patient, mine, cancelled, ownersPatient, farAhead, nextMonday };
  }

  async function makeFeed(clinic: BookingClinic, practitionerId = clinic.practitioner.userId, by = clinic.practitioner) {
    const created = await by.post(`/api/v1/practitioners/${practitionerId}/calendar-feed`);
    assert.equal(created.statusCode, 201, created.body);
    return created.json() as { feed: { id: string }; path: string; url: string };
  }

  it("serves a practitioner's appointments as iCalendar without a session: UTC times, stable UIDs, initials and record number only", async () => {
    const { clinic, patient, mine, cancelled, ownersPatient, farAhead } = await bookedClinic();
    const { path, url, feed } = await makeFeed(clinic);
    assert.match(path, /^\/ical\/[A-Za-z0-9_-]{43}\.ics$/);
    assert.ok(url.endsWith(path));

    const response = await fetchFeed(t, path);
    assert.equal(response.statusCode, 200, response.body);
    assert.match(String(response.headers["content-type"]), /^text\/calendar; charset=utf-8/);
    assert.match(String(response.headers["cache-control"]), /no-store/);
    const text = response.body;
    assert.ok(text.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Acuback//Calendar feed//EN\r\n"), text.slice(0, 120));
    assert.ok(text.endsWith("END:VCALENDAR\r\n"));
    assert.ok(text.split("\r\n").every((line) => Buffer.byteLength(line) <= 75), "every line folded at 75 octets");
    const lines = unfold(text);
    assert.ok(lines.includes(`X-WR-TIMEZONE:${NY}`));
    assert.equal(lines.filter((l) => l === "BEGIN:VEVENT").length, 2, "the practitioner's two appointments in the window; not the owner's, not the one 189 days ahead");

    // 10:00 in New York, as UTC.
    const utc = (iso: string) => iso.replace(/[-:]/g, "").replace(/\.\d{3}/, "");
    const event = (id: string) => {
      const start = lines.indexOf(`UID:${id}@acuback`);
      return start === -1 ? null : lines.slice(start, lines.indexOf("END:VEVENT", start));
    };
    const first = event(mine.id)!;
    assert.ok(first.includes(`DTSTART:${utc(mine.start)}`), first.join("\n"));
    assert.ok(first.includes(`DTEND:${utc(mine.end)}`));
    assert.ok(["14", "15"].includes(utc(mine.start).slice(9, 11)), "10:00 New York is 14:00Z (summer) or 15:00Z (winter)");
    assert.ok(first.includes(`SUMMARY:Follow-up treatment · Z.Q. #${patient.recordNumber}`), first.join("\n"));
    assert.ok(first.includes("STATUS:CONFIRMED"));
    assert.ok(first.some((l) => /^DTSTAMP:\d{8}T\d{6}Z$/.test(l)));
    assert.ok(event(cancelled.id)!.includes("STATUS:CANCELLED"));
    assert.equal(event(ownersPatient.id), null);
    assert.equal(event(farAhead.id), null);
    for (const secret of ["Zenobia", "Quarrington", "Odile", "Brandvold", "Patient asked to cancel", patient.birthDate]) assert.ok(!text.includes(secret), `${secret} must not leave in a feed`);

    // The same UID on the next fetch, so the calendar app updates rather than duplicates.
    assert.ok(unfold((await fetchFeed(t, path)).body).includes(`UID:${mine.id}@acuback`));

    // Every fetch audited: whose feed and how many appointments, no patient.
    const audit = await t.db.query<{ action: string; user_id: string; patient_id: string | null; detail: Record<string, unknown>; entity_id: string }>(
      "select action, user_id, patient_id, detail, entity_id from audit_events where clinic_id = $1 and entity = 'calendar_feed' order by id",
      [clinic.clinicId],
    );
    assert.deepEqual(audit.map((a) => a.action), ["create", "read", "read"]);
    for (const row of audit.slice(1)) {
      assert.equal(row.user_id, clinic.practitioner.userId);
      assert.equal(row.patient_id, null);
      assert.equal(row.entity_id, feed.id);
      assert.deepEqual(row.detail, { practitionerId: clinic.practitioner.userId, appointments: 2 });
    }
    const stored = await t.db.query<{ token_hash: string }>("select token_hash from calendar_feeds where id = $1", [feed.id]);
    assert.notEqual(stored[0]!.token_hash, path.slice(6, -4), "only the hash is kept");
    assert.equal(stored[0]!.token_hash.length, 64);

    // The token never reaches a log line.
    const token = path.slice("/ical/".length, -".ics".length);
    assert.ok(logLines.some((l) => l.includes('"path":"/ical/[token]"')));
    assert.ok(!logLines.some((l) => l.includes(token)));
  });

  it("never shows another clinic's appointments, and refuses a forged, malformed or revoked address", async () => {
    const a = await bookedClinic();
    const b = await bookedClinic();
    const feedA = await makeFeed(a.clinic);
    const textA = (await fetchFeed(t, feedA.path)).body;
    for (const appointment of [b.mine, b.cancelled, b.ownersPatient]) assert.ok(!textA.includes(appointment.id));
    assert.ok(textA.includes(a.mine.id));

    // Another clinic's owner cannot see or revoke it.
    assert.deepEqual((await b.clinic.owner.get("/api/v1/calendar-feeds")).json(), []);
    assert.equal((await b.clinic.owner.post(`/api/v1/calendar-feeds/${feedA.feed.id}/revoke`)).statusCode, 404);
    assert.equal((await b.clinic.owner.post(`/api/v1/practitioners/${a.clinic.practitioner.userId}/calendar-feed`)).json().code, "PRACTITIONER_NOT_FOUND");

    const forged = await fetchFeed(t, `/ical/${randomBytes(32).toString("base64url")}.ics`);
    assert.equal(forged.statusCode, 404);
    assert.equal(forged.json().code, "CALENDAR_FEED_NOT_FOUND");
    assert.equal((await fetchFeed(t, "/ical/short.ics")).statusCode, 400);
    assert.equal((await fetchFeed(t, feedA.path.replace(".ics", ".txt"))).statusCode, 400);

    const revoked = await a.clinic.practitioner.post(`/api/v1/calendar-feeds/${feedA.feed.id}/revoke`);
    assert.equal(revoked.statusCode, 200, revoked.body);
    assert.ok(revoked.json().revokedAt);
    const gone = await fetchFeed(t, feedA.path);
    assert.equal(gone.statusCode, 410);
    assert.equal(gone.json().code, "CALENDAR_FEED_REVOKED");
    assert.ok(!gone.body.includes("BEGIN:VCALENDAR"));
    assert.equal((await a.clinic.practitioner.post(`/api/v1/calendar-feeds/${feedA.feed.id}/revoke`)).statusCode, 404);
    const audit = await t.db.query<{ action: string }>("select action from audit_events where clinic_id = $1 and entity = 'calendar_feed' order by id", [a.clinic.clinicId]);
    assert.deepEqual(audit.map((r) => r.action), ["create", "read", "delete"], "a refused fetch reads nothing and writes no read row");
  });

  it("lets a practitioner keep their own feed and an owner anyone's, one live feed each, never the front desk", async () => {
    const clinic = await bookingClinic(t);
    const { owner, practitioner, frontDesk } = clinic;
    assert.equal((await practitioner.post(`/api/v1/practitioners/${owner.userId}/calendar-feed`)).statusCode, 403);
    assert.equal((await frontDesk.post(`/api/v1/practitioners/${frontDesk.userId}/calendar-feed`)).statusCode, 403);
    assert.equal((await frontDesk.get("/api/v1/calendar-feeds")).statusCode, 403);
    assert.equal((await owner.post(`/api/v1/practitioners/${frontDesk.userId}/calendar-feed`)).json().code, "PRACTITIONER_NOT_FOUND");

    const byOwner = await makeFeed(clinic, practitioner.userId, owner);
    const again = await practitioner.post(`/api/v1/practitioners/${practitioner.userId}/calendar-feed`);
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().code, "CALENDAR_FEED_EXISTS");
    const ownFeed = await makeFeed(clinic, owner.userId, owner);

    // A practitioner lists their own feeds, the owner all; no address in either list.
    const listed = (await practitioner.get("/api/v1/calendar-feeds")).json();
    assert.deepEqual(listed.map((f: { id: string }) => f.id), [byOwner.feed.id]);
    assert.equal((await owner.get("/api/v1/calendar-feeds")).json().length, 2);
    assert.ok(!JSON.stringify(listed).includes(byOwner.path.slice(6, -4)));
    assert.equal((await practitioner.post(`/api/v1/calendar-feeds/${ownFeed.feed.id}/revoke`)).statusCode, 403);

    // Revoked, a new one can be made; the old address stays dead.
    assert.equal((await practitioner.post(`/api/v1/calendar-feeds/${byOwner.feed.id}/revoke`)).statusCode, 200);
    const fresh = await makeFeed(clinic);
    assert.notEqual(fresh.path, byOwner.path);
    assert.equal((await fetchFeed(t, byOwner.path)).statusCode, 410);
    assert.equal((await fetchFeed(t, fresh.path)).statusCode, 200);

    // A feed dies with its practitioner's access.
    await t.db.query("update users set active = false where id = $1", [practitioner.userId]);
    assert.equal((await fetchFeed(t, fresh.path)).statusCode, 410);
  });

  it("slows down someone guessing addresses like the other public links", async () => {
    const guesses = [];
    for (let i = 0; i < 61; i++) guesses.push((await fetchFeed(t, `/ical/${randomBytes(32).toString("base64url")}.ics`, "10.9.8.7")).statusCode);
    assert.deepEqual([...new Set(guesses.slice(0, 60))], [404]);
    assert.equal(guesses[60], 429);
  });
});
