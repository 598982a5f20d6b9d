/**
 * A fingerprint of everything the database keeps, to show that a rejected
 * request changed nothing: each public table's row count and a digest of its
 * rows (so an update shows too, not only an insert or delete).
 */
import type { Database } from "../db/database.ts";

/**
 * Tables a rejected request may change by design, and why:
 * - audit_events: a refused or failed attempt on patient data is itself audited (deniedAccessAudit.ts);
 * - audit_chain_heads: and every audit entry moves its clinic's chain head (migration 0032).
 * - sessions: every request carrying a session refreshes its last use (idle timeout).
 * - rate_counts: a refused sign-in or a rate-limited request is counted, on PostgreSQL in this table (migration 0034).
 * - schema_migrations: written by migrations only; left out so the digest is not of the schema.
 */
export const BOOKKEEPING_TABLES = ["audit_events", "audit_chain_heads", "sessions", "rate_counts", "schema_migrations"] as const;

export async function tableNames(db: Database): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name",
  );
  return rows.map((r) => r.name).filter((name) => !(BOOKKEEPING_TABLES as readonly string[]).includes(name));
}

/** One query over all tables: "table count digest" lines. */
export async function fingerprint(db: Database, tables: string[]): Promise<Map<string, string>> {
  const sql = tables
    .map((name) => `select '${name}' as name, count(*)::text || ' ' || md5(coalesce(string_agg(t::text, ',' order by t::text), '')) as print from "${name}" t`)
    .join(" union all ");
  const rows = await db.query<{ name: string; print: string }>(sql);
  return new Map(rows.map((r) => [r.name, r.print]));
}

/** The tables whose fingerprint differs. */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...before.keys()].filter((name) => before.get(name) !== after.get(name));
}
