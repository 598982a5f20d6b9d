import type { Database } from "./database.ts";
import { migrate } from "./migrate.ts";
import { openPgliteDatabase } from "./pgliteDatabase.ts";
import { openPostgresDatabase } from "./postgresDatabase.ts";

export type DatabaseLocation = { databaseUrl: string } | { dataDir: string | null };

/** Opens the configured database and brings its schema up to date. */
export async function openDatabase(location: DatabaseLocation): Promise<Database> {
  const db =
    "databaseUrl" in location
      ? await openPostgresDatabase(location.databaseUrl)
      : await openPgliteDatabase(location.dataDir);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
