import type { Database } from "./database.ts";
import { migrate } from "./migrate.ts";
import { openPgliteDatabase } from "./pgliteDatabase.ts";
import { openPostgresDatabase } from "./postgresDatabase.ts";

export type DatabaseLocation = { databaseUrl: string } | { dataDir: string | null };

/** Connects to the configured database as it is (the `migrate` command applies migrations itself). */
export function connectDatabase(location: DatabaseLocation): Promise<Database> {
  return "databaseUrl" in location ? openPostgresDatabase(location.databaseUrl) : openPgliteDatabase(location.dataDir);
}

/** Connects and brings the schema up to date: what the server and every other command use. */
export async function openDatabase(location: DatabaseLocation): Promise<Database> {
  const db = await connectDatabase(location);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
