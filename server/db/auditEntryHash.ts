/**
 * The hash of one audit entry, computed here in Node rather than by the
 * database's own audit_event_hash() (migration 0032), which is the same
 * serialisation in SQL. A verifier that asked the database to hash would
 * trust a function anyone with the data directory can replace; this one
 * ships with the application.
 */
import { createHash } from "node:crypto";

/** One entry as the chain hashes it: every field as PostgreSQL's text of it (null stays null). */
export interface ChainedAuditEntry {
  id: string;
  clinicId: string;
  chainSeq: string;
  /** UTC with microseconds, `2026-01-02T03:04:05.678901Z`, whatever the session's TimeZone. */
  at: string;
  userId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  patientId: string | null;
  ip: string | null;
  /** jsonb's own text of detail (its key order and spelling of values). */
  detail: string;
  apiTokenId: string | null;
  prevHash: string | null;
  hash: string | null;
}

/** The SQL that reads a row's fields as the hash needs them, for `select … from audit_events`. */
export const CHAINED_ENTRY_COLUMNS = `id::text as id, clinic_id::text as "clinicId", chain_seq::text as "chainSeq",
  to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at, user_id::text as "userId", action, entity,
  entity_id as "entityId", patient_id::text as "patientId", ip, detail::text as detail, api_token_id::text as "apiTokenId",
  prev_hash as "prevHash", hash`;

const VERSION = "acuback-audit-1";

/** Null as "-", else the length in UTF-8 bytes, ":" and the text: no two different rows serialise the same. */
function field(value: string | null): string {
  return value === null ? "-" : `${Buffer.byteLength(value, "utf8")}:${value}`;
}

/** SHA-256 (hex) over the entry's fields and the hash of the entry before it, as migration 0032 defines it. */
export function auditEntryHash(entry: ChainedAuditEntry): string {
  const fields = [
    entry.id,
    entry.clinicId,
    entry.chainSeq,
    entry.at,
    entry.userId,
    entry.action,
    entry.entity,
    entry.entityId,
    entry.patientId,
    entry.ip,
    entry.detail,
    entry.apiTokenId,
    entry.prevHash,
  ];
  return createHash("sha256").update(VERSION + fields.map(field).join(""), "utf8").digest("hex");
}
