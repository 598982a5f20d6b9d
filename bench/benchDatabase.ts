/**
 * A database of its own for one bench run: PGlite in a temporary data
 * directory (commits reach the disk, as in `acuback serve`), or, with
 * DATABASE_URL, a new database on that PostgreSQL server. `dispose` removes it.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { Database } from "../server/db/database.ts";
import { openDatabase, type DatabaseLocation } from "../server/db/openDatabase.ts";

export interface BenchDatabase {
  db: Database;
  engine: string;
  location: DatabaseLocation;
  /** The environment that points `acuback` at the same database. */
  env: Record<string, string>;
  /** Removes the database; close `db` first. */
  dispose(): Promise<void>;
}

export async function openBenchDatabase(): Promise<BenchDatabase> {
  const serverUrl = process.env.DATABASE_URL || null;
  if (!serverUrl) {
    const dir = mkdtempSync(join(tmpdir(), "acuback-bench-"));
    return {
      db: await openDatabase({ dataDir: dir }),
      engine: "PGlite (data directory)",
      location: { dataDir: dir },
      env: { ACUBACK_DATA_DIR: dir, DATABASE_URL: "" },
      dispose: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `acuback_bench_${randomBytes(4).toString("hex")}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  await admin(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    db: await openDatabase({ databaseUrl: url.toString() }),
    engine: "PostgreSQL",
    location: { databaseUrl: url.toString() },
    env: { DATABASE_URL: url.toString() },
    dispose: () => admin(`drop database ${name} with (force)`),
  };
}
