/**
 * Calendar feeds (migration 0029) and the little of each appointment a feed
 * may carry: the feed's query selects no more than domain/scheduling/
 * calendarFeed.ts prints, so a full name is never even read for it.
 */
import type { ClinicId, UserId } from "../../../domain/shared/brand.ts";
import type { FeedAppointment } from "../../../domain/scheduling/calendarFeed.ts";
import type { AppointmentStatus } from "../../../domain/scheduling/appointment.ts";
import type { Queryable } from "../database.ts";
import { isoTimestamp } from "./rows.ts";

export interface CalendarFeed {
  id: string;
  practitionerId: string;
  practitionerName: string;
  createdByName: string | null;
  createdAt: string;
  lastFetchedAt: string | null;
  revokedAt: string | null;
}

interface Row {
  id: string;
  practitioner_id: string;
  practitioner_name: string;
  created_by_name: string | null;
  created_at: Date;
  last_fetched_at: Date | null;
  revoked_at: Date | null;
}

const SELECT = `select f.id, f.practitioner_id, p.display_name as practitioner_name, c.display_name as created_by_name, f.created_at, f.last_fetched_at, f.revoked_at
  from calendar_feeds f join users p on p.clinic_id = f.clinic_id and p.id = f.practitioner_id left join users c on c.id = f.created_by`;

const toFeed = (row: Row): CalendarFeed => ({
  id: row.id,
  practitionerId: row.practitioner_id,
  practitionerName: row.practitioner_name,
  createdByName: row.created_by_name,
  createdAt: isoTimestamp(row.created_at),
  lastFetchedAt: row.last_fetched_at ? isoTimestamp(row.last_fetched_at) : null,
  revokedAt: row.revoked_at ? isoTimestamp(row.revoked_at) : null,
});

export async function insertCalendarFeed(q: Queryable, clinicId: ClinicId, feed: { practitionerId: string; tokenHash: string; createdBy: UserId }): Promise<string> {
  const [row] = await q.query<{ id: string }>("insert into calendar_feeds (clinic_id, practitioner_id, token_hash, created_by) values ($1, $2, $3, $4) returning id", [
    clinicId,
    feed.practitionerId,
    feed.tokenHash,
    feed.createdBy,
  ]);
  return row!.id;
}

/** The clinic's feeds, or one practitioner's; live ones first. */
export async function listCalendarFeeds(q: Queryable, clinicId: ClinicId, practitionerId?: string): Promise<CalendarFeed[]> {
  const rows = await q.query<Row>(`${SELECT} where f.clinic_id = $1 and ($2::uuid is null or f.practitioner_id = $2) order by f.revoked_at nulls first, f.created_at desc`, [
    clinicId,
    practitionerId ?? null,
  ]);
  return rows.map(toFeed);
}

export async function findCalendarFeed(q: Queryable, clinicId: ClinicId, id: string): Promise<CalendarFeed | null> {
  const [row] = await q.query<Row>(`${SELECT} where f.clinic_id = $1 and f.id = $2`, [clinicId, id]);
  return row ? toFeed(row) : null;
}

export async function revokeCalendarFeed(q: Queryable, clinicId: ClinicId, id: string, by: UserId): Promise<boolean> {
  const rows = await q.query("update calendar_feeds set revoked_at = now(), revoked_by = $3 where clinic_id = $1 and id = $2 and revoked_at is null returning id", [clinicId, id, by]);
  return rows.length > 0;
}

/** Whose feed a token hash opens: live (not revoked, its practitioner still active) or not; null when no feed has the hash. */
export interface FeedHolder {
  id: string;
  clinicId: ClinicId;
  clinicName: string;
  timeZone: string;
  practitionerId: UserId;
  practitionerName: string;
  live: boolean;
}

export async function feedByTokenHash(q: Queryable, tokenHash: string): Promise<FeedHolder | null> {
  const [row] = await q.query<{ id: string; clinic_id: ClinicId; clinic_name: string; time_zone: string; practitioner_id: UserId; practitioner_name: string; live: boolean }>(
    `select f.id, f.clinic_id, c.name as clinic_name, c.time_zone, f.practitioner_id, u.display_name as practitioner_name,
            (f.revoked_at is null and u.active) as live
       from calendar_feeds f join clinics c on c.id = f.clinic_id join users u on u.clinic_id = f.clinic_id and u.id = f.practitioner_id
      where f.token_hash = $1`,
    [tokenHash],
  );
  return row
    ? { id: row.id, clinicId: row.clinic_id, clinicName: row.clinic_name, timeZone: row.time_zone, practitionerId: row.practitioner_id, practitionerName: row.practitioner_name, live: row.live }
    : null;
}

export async function markFeedFetched(q: Queryable, clinicId: ClinicId, id: string): Promise<void> {
  await q.query("update calendar_feeds set last_fetched_at = now() where clinic_id = $1 and id = $2", [clinicId, id]);
}

/** One practitioner's appointments starting in [from, to), with only what a feed event shows. */
export async function feedAppointments(q: Queryable, clinicId: ClinicId, practitionerId: string, window: { from: Date; to: Date }): Promise<FeedAppointment[]> {
  const rows = await q.query<{
    id: string;
    starts_at: Date | string;
    ends_at: Date | string;
    status: AppointmentStatus;
    version: number;
    updated_at: Date | string;
    type_name: string;
    room_name: string;
    given_name: string;
    family_name: string;
    record_number: string;
  }>(
    `select a.id, a.starts_at, a.ends_at, a.status, a.version, a.updated_at, t.name as type_name, r.name as room_name,
            p.given_name, p.family_name, p.record_number
       from appointments a
       join patients p on p.clinic_id = a.clinic_id and p.id = a.patient_id
       join rooms r on r.clinic_id = a.clinic_id and r.id = a.room_id
       join appointment_types t on t.clinic_id = a.clinic_id and t.id = a.type_id
      where a.clinic_id = $1 and a.practitioner_id = $2 and a.starts_at >= $3 and a.starts_at < $4
      order by a.starts_at`,
    [clinicId, practitionerId, window.from.toISOString(), window.to.toISOString()],
  );
  return rows.map((r) => ({
    id: r.id,
    start: new Date(isoTimestamp(r.starts_at)),
    end: new Date(isoTimestamp(r.ends_at)),
    status: r.status,
    version: Number(r.version),
    updatedAt: new Date(isoTimestamp(r.updated_at)),
    typeName: r.type_name,
    roomName: r.room_name,
    givenName: r.given_name,
    familyName: r.family_name,
    recordNumber: r.record_number,
  }));
}
