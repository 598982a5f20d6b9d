/**
 * Reading a clinic's audit chain (migration 0032) for verification, and the
 * record of each check. Entries are read a page at a time in chain order, so
 * a log of millions of entries is walked in bounded memory.
 */
import type { ClinicId, UserId } from "../../../domain/shared/brand.ts";
import { CHAINED_ENTRY_COLUMNS, type ChainedAuditEntry } from "../auditEntryHash.ts";
import type { Queryable } from "../database.ts";
import { isoTimestamp } from "./rows.ts";

export interface ChainEnd {
  seq: number;
  hash: string | null;
}

/**
 * Where the clinic's chain ends: its last committed entry, and the head the
 * appends keep. The last entry is read first, so an append that commits in
 * between can only move the head further, never leave it behind the entry.
 */
export async function auditChainEnds(q: Queryable, clinicId: ClinicId): Promise<{ last: ChainEnd | null; head: ChainEnd | null }> {
  const [last] = await q.query<{ seq: string; hash: string | null }>(
    "select chain_seq::text as seq, hash from audit_events where clinic_id = $1 order by chain_seq desc limit 1",
    [clinicId],
  );
  const [head] = await q.query<{ seq: string; hash: string | null }>("select seq::text as seq, hash from audit_chain_heads where clinic_id = $1", [clinicId]);
  const end = (row: { seq: string; hash: string | null } | undefined) => (row ? { seq: Number(row.seq), hash: row.hash } : null);
  return { last: end(last), head: end(head) };
}

/**
 * Up to `limit` entries from position `fromSeq` to `throughSeq`, in chain
 * order. Two rows at one position (only possible once the unique index is
 * dropped) both come, in id order: `afterId` resumes after the last one read.
 */
export async function auditChainPage(
  q: Queryable,
  clinicId: ClinicId,
  page: { fromSeq: number; afterId: string | null; throughSeq: number; limit: number },
): Promise<ChainedAuditEntry[]> {
  return q.query<ChainedAuditEntry>(
    // e.id, not id: the select list's "id" is the text of it, which would sort 10 before 9.
    `select ${CHAINED_ENTRY_COLUMNS} from audit_events e
      where e.clinic_id = $1 and e.chain_seq >= $2 and e.chain_seq <= $3 and (e.chain_seq, e.id) > ($2, $4::bigint)
      order by e.chain_seq, e.id limit ${Number(page.limit)}`,
    [clinicId, page.fromSeq, page.throughSeq, page.afterId ?? "0"],
  );
}

/** Entries of the clinic with no place in the chain (possible only with the triggers and NOT NULL dropped). */
export async function unchainedAuditEntries(q: Queryable, clinicId: ClinicId): Promise<{ count: number; firstId: string | null }> {
  const [row] = await q.query<{ count: number; first_id: string | null }>(
    "select count(*)::int as count, min(id)::text as first_id from audit_events where clinic_id = $1 and (chain_seq is null or hash is null)",
    [clinicId],
  );
  return { count: row!.count, firstId: row!.first_id };
}

/** The entry at one position, for comparing with what an earlier check saw there. */
export async function auditEntryAt(q: Queryable, clinicId: ClinicId, seq: number): Promise<{ id: string; hash: string | null } | null> {
  const [row] = await q.query<{ id: string; hash: string | null }>(
    "select id::text as id, hash from audit_events where clinic_id = $1 and chain_seq = $2 order by id limit 1",
    [clinicId, seq],
  );
  return row ?? null;
}

export type AuditChainFindingKind = "altered" | "relinked" | "missing" | "inserted" | "end" | "changed_since_check";

/** Where a chain breaks: the first position found wrong, the entry there (null when it is gone) and what is wrong, in words. */
export interface AuditChainFinding {
  kind: AuditChainFindingKind;
  seq: number;
  eventId: string | null;
  message: string;
}

export interface AuditChainCheck {
  checkedAt: string;
  /** The owner who asked from the audit page; null for `acuback audit verify`. */
  checkedBy: string | null;
  checkedByName: string | null;
  entriesChecked: number;
  intact: boolean;
  lastSeq: number | null;
  lastHash: string | null;
  finding: AuditChainFinding | null;
  /** The place of the check's own audit entry: entries after it are not checked yet. */
  entrySeq: number;
}

export async function insertAuditChainCheck(
  q: Queryable,
  clinicId: ClinicId,
  check: Omit<AuditChainCheck, "checkedAt" | "checkedBy" | "checkedByName" | "intact"> & { checkedBy: UserId | null },
): Promise<string> {
  const [row] = await q.query<{ checked_at: Date | string }>(
    `insert into audit_chain_checks (clinic_id, checked_by, entries_checked, intact, last_seq, last_hash, finding, entry_seq)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning checked_at`,
    [
      clinicId,
      check.checkedBy,
      check.entriesChecked,
      check.finding === null,
      check.lastSeq,
      check.lastHash,
      check.finding && JSON.stringify(check.finding),
      check.entrySeq,
    ],
  );
  return isoTimestamp(row!.checked_at);
}

/** The clinic's latest check, or the latest that found the chain intact (the reference a new check compares with). */
export async function latestAuditChainCheck(q: Queryable, clinicId: ClinicId, options: { intactOnly: boolean }): Promise<AuditChainCheck | null> {
  const [row] = await q.query<{
    checked_at: Date | string;
    checked_by: string | null;
    checked_by_name: string | null;
    entries_checked: string;
    intact: boolean;
    last_seq: string | null;
    last_hash: string | null;
    finding: AuditChainFinding | string | null;
    entry_seq: string;
  }>(
    `select c.checked_at, c.checked_by, u.display_name as checked_by_name, c.entries_checked::text as entries_checked, c.intact,
            c.last_seq::text as last_seq, c.last_hash, c.finding, c.entry_seq::text as entry_seq
       from audit_chain_checks c left join users u on u.id = c.checked_by
      where c.clinic_id = $1 ${options.intactOnly ? "and c.intact" : ""}
      order by c.id desc limit 1`,
    [clinicId],
  );
  if (!row) return null;
  return {
    checkedAt: isoTimestamp(row.checked_at),
    checkedBy: row.checked_by,
    checkedByName: row.checked_by_name,
    entriesChecked: Number(row.entries_checked),
    intact: row.intact,
    lastSeq: row.last_seq === null ? null : Number(row.last_seq),
    lastHash: row.last_hash,
    finding: typeof row.finding === "string" ? (JSON.parse(row.finding) as AuditChainFinding) : row.finding,
    entrySeq: Number(row.entry_seq),
  };
}
