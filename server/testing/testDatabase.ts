/**
 * A fresh, migrated database for one test file: in-memory PGlite by default,
 * or a new database on the PostgreSQL server named by ACUBACK_TEST_DATABASE_URL
 * (created here and dropped afterwards), so the same suite proves both engines.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { Database } from "../db/database.ts";
import { connectDatabase, openDatabase } from "../db/openDatabase.ts";

export interface TestDatabase {
  db: Database;
  dispose(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** Which engine; by default PostgreSQL when ACUBACK_TEST_DATABASE_URL is set, else PGlite. */
  engine?: "pglite" | "postgres";
  /** false: an empty database with no schema (a restore's target). */
  migrated?: boolean;
}

export async function openTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const serverUrl = process.env.ACUBACK_TEST_DATABASE_URL;
  const engine = options.engine ?? (serverUrl ? "postgres" : "pglite");
  const open = options.migrated === false ? connectDatabase : openDatabase;
  if (engine === "pglite") {
    const db = await open({ dataDir: null });
    return { db, dispose: () => db.close() };
  }
  if (!serverUrl) throw new Error("A PostgreSQL test database needs ACUBACK_TEST_DATABASE_URL.");
  const name = `acuback_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await open({ databaseUrl: url.toString() });
  return {
    db,
    async dispose() {
      await db.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
