/**
 * A practitioner's calendar feed (issue 16): a secret address their own
 * calendar app subscribes to. Made like an API token (services/apiTokens.ts):
 * random, shown once, only its SHA-256 kept, revocable at once. A
 * practitioner keeps their own feed; an owner keeps anyone's. Creating,
 * revoking and every fetch are audited; a fetch's audit row names whose feed
 * it was and how many appointments it carried, never which patients.
 */
import { randomBytes } from "node:crypto";
import { can } from "../../domain/access/roles.ts";
import { calendarFeed, feedDates } from "../../domain/scheduling/calendarFeed.ts";
import { fromLocal, toLocal } from "../../domain/scheduling/clinicTime.ts";
import type { UserId } from "../../domain/shared/brand.ts";
import type { Database } from "../db/database.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import * as repo from "../db/repositories/calendarFeeds.ts";
import { isUniqueViolation } from "../db/repositories/rows.ts";
import { fail, ok, type Outcome } from "../errors.ts";
import type { Actor } from "./actor.ts";
import { findBookablePractitioner } from "./scheduleSettings.ts";
import { tokenHash } from "./signInSessions.ts";

/** 32 random bytes in base64url: 43 characters, what /ical/<token>.ics accepts. */
export const FEED_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** Owners keep anyone's feed; a practitioner keeps their own. */
function refuseFeed(actor: Actor, practitionerId: string) {
  if (can(actor.role, "clinic.configure")) return null;
  if (can(actor.role, "calendarFeed.own") && actor.userId === practitionerId) return null;
  return fail("FORBIDDEN", can(actor.role, "calendarFeed.own") ? "A practitioner keeps their own calendar feed; an owner can make one for someone else." : `The ${actor.role} role has no calendar feed.`);
}

export async function createCalendarFeed(db: Database, actor: Actor, practitionerId: string): Promise<Outcome<{ token: string; feed: repo.CalendarFeed }>> {
  const refused = refuseFeed(actor, practitionerId);
  if (refused) return refused;
  const token = randomBytes(32).toString("base64url");
  try {
    return await db.transaction(async (tx) => {
      if (!(await findBookablePractitioner(tx, actor.clinicId, practitionerId))) return fail("PRACTITIONER_NOT_FOUND");
      const id = await repo.insertCalendarFeed(tx, actor.clinicId, { practitionerId, tokenHash: tokenHash(token), createdBy: actor.userId });
      await appendAuditEvent(tx, { clinicId: actor.clinicId, userId: actor.userId, action: "create", entity: "calendar_feed", entityId: id, ip: actor.ip, detail: { practitionerId } });
      return ok({ token, feed: (await repo.findCalendarFeed(tx, actor.clinicId, id))! });
    });
  } catch (error) {
    if (isUniqueViolation(error, "calendar_feeds_one_live")) return fail("CALENDAR_FEED_EXISTS");
    throw error;
  }
}

/** Owners see every feed of the clinic; a practitioner sees their own. */
export async function calendarFeedsOf(db: Database, actor: Actor): Promise<Outcome<repo.CalendarFeed[]>> {
  if (can(actor.role, "clinic.configure")) return ok(await repo.listCalendarFeeds(db, actor.clinicId));
  if (can(actor.role, "calendarFeed.own")) return ok(await repo.listCalendarFeeds(db, actor.clinicId, actor.userId));
  return fail("FORBIDDEN", `The ${actor.role} role has no calendar feed.`);
}

export async function revokeCalendarFeed(db: Database, actor: Actor, id: string): Promise<Outcome<repo.CalendarFeed>> {
  return db.transaction(async (tx) => {
    const feed = await repo.findCalendarFeed(tx, actor.clinicId, id);
    if (!feed) return fail("CALENDAR_FEED_NOT_FOUND", "No such calendar feed in this clinic.");
    const refused = refuseFeed(actor, feed.practitionerId);
    if (refused) return refused;
    if (!(await repo.revokeCalendarFeed(tx, actor.clinicId, id, actor.userId))) return fail("CALENDAR_FEED_NOT_FOUND", "This feed is already revoked.");
    await appendAuditEvent(tx, { clinicId: actor.clinicId, userId: actor.userId, action: "delete", entity: "calendar_feed", entityId: id, ip: actor.ip, detail: { practitionerId: feed.practitionerId } });
    return ok((await repo.findCalendarFeed(tx, actor.clinicId, id))!);
  });
}

/**
 * The feed's iCalendar text for whoever holds the address (no session: a
 * calendar app fetches it). A revoked feed, or one whose practitioner left,
 * answers 410 from the moment it is revoked; an unknown token 404.
 */
export async function readCalendarFeed(db: Database, token: string, ip: string | null, now: Date): Promise<Outcome<{ text: string; appointments: number }>> {
  if (!FEED_TOKEN.test(token)) return fail("CALENDAR_FEED_NOT_FOUND");
  const feed = await repo.feedByTokenHash(db, tokenHash(token));
  if (!feed) return fail("CALENDAR_FEED_NOT_FOUND");
  if (!feed.live) return fail("CALENDAR_FEED_REVOKED");
  const dates = feedDates(toLocal(now, feed.timeZone).date);
  const window = { from: fromLocal(dates.from, 0, feed.timeZone), to: fromLocal(dates.to, 0, feed.timeZone) };
  return db.transaction(async (tx) => {
    const appointments = await repo.feedAppointments(tx, feed.clinicId, feed.practitionerId, window);
    const text = calendarFeed({ calendarName: `${feed.practitionerName} · ${feed.clinicName}`, timeZone: feed.timeZone }, appointments);
    // The calendar app fetches for the practitioner, so the row is theirs; it counts the appointments and names none.
    await appendAuditEvent(tx, {
      clinicId: feed.clinicId,
      userId: feed.practitionerId as UserId,
      action: "read",
      entity: "calendar_feed",
      entityId: feed.id,
      ip,
      detail: { practitionerId: feed.practitionerId, appointments: appointments.length },
    });
    await repo.markFeedFetched(tx, feed.clinicId, feed.id);
    return ok({ text, appointments: appointments.length });
  });
}
