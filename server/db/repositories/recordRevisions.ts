/**
 * Revisions of clinical entries (migration 0017): append-only, each holding the
 * entry's values before and after the change by column name. The *_current
 * views lay the latest revision over the entry as first made.
 */
import type { CorrectableKind, RevisionAction } from "../../../domain/shared/correction.ts";
import type { ClinicId, PatientId, UserId } from "../../../domain/shared/brand.ts";
import type { Queryable } from "../database.ts";
import { isoTimestamp } from "./rows.ts";

export type Columns = Record<string, unknown>;

export interface RevisionInput {
  patientId: PatientId;
  kind: CorrectableKind;
  recordId: string;
  action: RevisionAction;
  reason: string | null;
  before: Columns;
  after: Columns;
  authorId: UserId;
}

export interface RevisionRecord {
  id: string;
  recordId: string;
  action: RevisionAction;
  reason: string | null;
  before: Columns;
  after: Columns;
  authorName: string | null;
  at: string;
}

export async function insertRevision(q: Queryable, clinicId: ClinicId, revision: RevisionInput): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    // clock_timestamp: two revisions in one transaction keep their order in time as in seq
    `insert into record_revisions (clinic_id, patient_id, record_kind, record_id, action, reason, before, after, entered_in_error, author_id, at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, clock_timestamp()) returning id`,
    [
      clinicId,
      revision.patientId,
      revision.kind,
      revision.recordId,
      revision.action,
      revision.reason,
      JSON.stringify(revision.before),
      JSON.stringify(revision.after),
      revision.action === "entered-in-error",
      revision.authorId,
    ],
  );
  return row!.id;
}

const json = (value: Columns | string): Columns => (typeof value === "string" ? (JSON.parse(value) as Columns) : value);

/** The revisions of the given entries, oldest first. */
export async function listRevisions(q: Queryable, clinicId: ClinicId, kind: CorrectableKind, recordIds: readonly string[]): Promise<RevisionRecord[]> {
  if (recordIds.length === 0) return [];
  const rows = await q.query<{
    id: string;
    record_id: string;
    action: RevisionAction;
    reason: string | null;
    before: Columns | string;
    after: Columns | string;
    author_name: string | null;
    at: Date;
  }>(
    `select r.id, r.record_id, r.action, r.reason, r.before, r.after, u.display_name as author_name, r.at
       from record_revisions r left join users u on u.id = r.author_id
      where r.clinic_id = $1 and r.record_kind = $2 and r.record_id = any($3::uuid[])
      order by r.seq`,
    [clinicId, kind, recordIds],
  );
  return rows.map((row) => ({
    id: row.id,
    recordId: row.record_id,
    action: row.action,
    reason: row.reason,
    before: json(row.before),
    after: json(row.after),
    authorName: row.author_name,
    at: isoTimestamp(row.at),
  }));
}

export type EntryTable = "pain_scores" | "instrument_responses" | "medications" | "episodes";

/**
 * The patient of an entry of this clinic (null when there is none); with
 * `lock`, the entry as first made is locked for the transaction, so two
 * corrections of one entry are applied one after the other.
 */
export async function entryPatient(q: Queryable, clinicId: ClinicId, table: EntryTable, id: string, lock = false): Promise<PatientId | null> {
  const [row] = await q.query<{ patient_id: PatientId }>(`select patient_id from ${table} where clinic_id = $1 and id = $2${lock ? " for update" : ""}`, [clinicId, id]);
  return row?.patient_id ?? null;
}
