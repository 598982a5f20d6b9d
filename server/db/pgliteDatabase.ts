import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { lockDataDir } from "./dataDirLock.ts";
import { DATE_OID, type Database, type Queryable } from "./database.ts";

const parsers = { [DATE_OID]: (value: string) => value };

/**
 * Opens PGlite in `dataDir`, or in memory when `dataDir` is null (tests).
 * Committed transactions are flushed to the directory before they return, so a
 * kill -9 loses nothing that was acknowledged.
 */
export async function openPgliteDatabase(dataDir: string | null): Promise<Database> {
  let lock: { release(): void } | null = null;
  if (dataDir !== null) {
    mkdirSync(dataDir, { recursive: true });
    lock = lockDataDir(dataDir);
  }
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(dataDir ?? undefined, { parsers });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const asQueryable = (target: Pick<PGlite, "query" | "exec">): Queryable => ({
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await target.query<Row>(sql, params as unknown[]);
      return result.rows;
    },
    async exec(script: string) {
      await target.exec(script);
    },
  });
  return {
    engine: "pglite",
    ...asQueryable(pglite),
    transaction: (work) => pglite.transaction((tx) => work(asQueryable(tx))),
    async close() {
      try {
        await pglite.close();
      } finally {
        lock?.release();
      }
    },
  };
}
