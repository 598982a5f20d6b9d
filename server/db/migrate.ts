/**
 * Applies server/db/migrations/NNNN_name.sql in order, each in its own
 * transaction, recording what ran in schema_migrations. The same files run on
 * PGlite and PostgreSQL 15. Migrations are never edited once committed: a change
 * is a new file.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Database } from "./database.ts";

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), "migrations");
/** Any fixed number: serialises concurrent migrators on one PostgreSQL server. */
const MIGRATION_LOCK_KEY = 4_127_001;

export interface Migration {
  version: string;
  sql: string;
}

export function listMigrations(): Migration[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((name) => /^\d{4}_[a-z0-9_]+\.sql$/.test(name))
    .sort()
    .map((name) => ({ version: name.replace(/\.sql$/, ""), sql: readFileSync(join(MIGRATIONS_DIR, name), "utf8") }));
}

/**
 * Returns the versions it applied (empty when the schema was current).
 * `only` limits it to those versions: a restore first rebuilds the schema the
 * backup was taken with, loads the rows, then applies the rest.
 */
export async function migrate(db: Database, only?: readonly string[]): Promise<string[]> {
  await db.exec(
    "create table if not exists schema_migrations (version text primary key, applied_at timestamptz not null default now())",
  );
  const applied: string[] = [];
  for (const migration of listMigrations().filter((m) => !only || only.includes(m.version))) {
    const ran = await db.transaction(async (tx) => {
      if (db.engine === "postgres") await tx.query("select pg_advisory_xact_lock($1)", [MIGRATION_LOCK_KEY]);
      const done = await tx.query("select 1 from schema_migrations where version = $1", [migration.version]);
      if (done.length > 0) return false;
      await tx.exec(migration.sql);
      await tx.query("insert into schema_migrations (version) values ($1)", [migration.version]);
      return true;
    });
    if (ran) applied.push(migration.version);
  }
  return applied;
}
