import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { lockDataDir } from "./dataDirLock.ts";
import { DurableNodeFS, durableStartParams } from "./durableNodeFs.ts";
import { DATE_OID, type Database, type Queryable } from "./database.ts";

const parsers = { [DATE_OID]: (value: string) => value };

/** PostgreSQL settings given at start-up (`-c name=value`), e.g. { shared_buffers: "16MB" }. */
export type StartSettings = Readonly<Record<string, string>>;

/**
 * For a bulk import in its own process. PGlite's buffer cache is PostgreSQL's
 * default 128 MB of shared_buffers, all of it inside the WebAssembly memory,
 * and it was most of the ~360 MiB the importer held with the database open
 * (bench/README.md); 16 MB holds the directory's working set (one table of
 * ~27,000 rows and its indexes are written once, in order) and cut the
 * resident memory by ~110 MiB at no measured cost in time.
 */
export const IMPORT_SETTINGS: StartSettings = { shared_buffers: "16MB" };

/**
 * Opens PGlite in `dataDir`, or in memory when `dataDir` is null (tests).
 * Committed transactions are synced to disk before they return
 * (durableNodeFs.ts), so neither a kill -9 nor a power cut loses what was
 * acknowledged.
 */
export async function openPgliteDatabase(dataDir: string | null, settings: StartSettings = {}): Promise<Database> {
  let lock: { release(): void } | null = null;
  if (dataDir !== null) {
    mkdirSync(dataDir, { recursive: true });
    lock = await lockDataDir(dataDir);
  }
  let pglite: PGlite;
  try {
    const extraParams = Object.entries(settings).flatMap(([name, value]) => ["-c", `${name}=${value}`]);
    // On disk, commits are synced before they are acknowledged (durableNodeFs.ts); in memory (tests) there is no disk to sync.
    const startParams = dataDir === null ? [...PGlite.defaultStartParams, ...extraParams] : [...durableStartParams(PGlite.defaultStartParams), ...extraParams];
    pglite = await PGlite.create({ parsers, startParams, ...(dataDir !== null && { fs: new DurableNodeFS(dataDir) }) });
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
    async copyFrom(sql: string, csv: string) {
      await target.query(sql, [], { blob: new Blob([csv]) });
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
