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

/** `migrated: false` leaves the schema empty, for a test that applies the migrations itself (an upgrade from an older schema). */
export async function openTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const open = options.migrated === false ? connectDatabase : openDatabase;
  const serverUrl = process.env.ACUBACK_TEST_DATABASE_URL;
  if (!serverUrl) {
    const db = await open({ dataDir: null });
    return { db, dispose: () => db.close() };
  }
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
