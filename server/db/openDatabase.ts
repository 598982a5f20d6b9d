import type { Database } from "./database.ts";
import { migrate } from "./migrate.ts";
import { IMPORT_SETTINGS, openPgliteDatabase } from "./pgliteDatabase.ts";
import { openPostgresDatabase } from "./postgresDatabase.ts";

export type DatabaseLocation = { databaseUrl: string } | { dataDir: string | null };

export interface OpenOptions {
  /**
   * "import": a one-shot bulk import (`acuback import nppes`), which opens the
   * embedded database with a small buffer cache to keep the process's memory
   * low (pgliteDatabase.ts). A PostgreSQL server keeps its own settings.
   */
  purpose?: "serve" | "import";
}

/** Connects to the configured database as it is (the `migrate` command applies migrations itself). */
export function connectDatabase(location: DatabaseLocation, options: OpenOptions = {}): Promise<Database> {
  return "databaseUrl" in location
    ? openPostgresDatabase(location.databaseUrl)
    : openPgliteDatabase(location.dataDir, options.purpose === "import" ? IMPORT_SETTINGS : {});
}

/** Connects and brings the schema up to date: what the server and every other command use. */
export async function openDatabase(location: DatabaseLocation, options: OpenOptions = {}): Promise<Database> {
  const db = await connectDatabase(location, options);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
