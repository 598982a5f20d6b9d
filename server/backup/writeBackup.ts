import { createHash } from "node:crypto";
import { once } from "node:events";
import type { Writable } from "node:stream";
import type { Database, Queryable } from "../db/database.ts";
import { backedUpTables, quoteName, rowTextQuery, sequenceStates, STABLE_TEXT_SETTINGS, type BackedUpTable } from "./backupCatalogue.ts";
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, controlLine, type TableEnd } from "./backupFormat.ts";

/** Rows fetched from the cursor at a time: large enough to keep round trips few, small enough to keep memory flat. */
const FETCH_ROWS = 2_000;

/** Any fixed number: one backup at a time per PostgreSQL database, whichever server process starts it. */
const BACKUP_LOCK_KEY = 4_127_002;

/** Another process is writing a backup of this database right now. */
export class BackupInProgress extends Error {
  override name = "BackupInProgress";
  constructor() {
    super("Another Acuback process is taking a backup of this database right now.");
  }
}

export interface BackupSummary {
  createdAt: string;
  engine: Database["engine"];
  tables: TableEnd[];
  rows: number;
}

/**
 * Writes every table of the database to `out` (uncompressed lines; the caller
 * gzips) from one read-only repeatable-read transaction: one consistent
 * moment, even while a PostgreSQL server keeps taking writes. On PGlite the
 * transaction holds its only connection, so requests wait while it runs.
 */
export async function writeBackup(db: Database, out: Writable): Promise<BackupSummary> {
  return db.transaction(async (tx) => {
    await tx.query("set transaction isolation level repeatable read, read only");
    if (db.engine === "postgres") {
      const [lock] = await tx.query<{ taken: boolean }>("select pg_try_advisory_xact_lock($1) as taken", [BACKUP_LOCK_KEY]);
      if (!lock!.taken) throw new BackupInProgress();
    }
    for (const setting of STABLE_TEXT_SETTINGS) await tx.query(setting);
    const createdAt = new Date().toISOString();
    const migrations = (await tx.query<{ version: string }>("select version from schema_migrations order by version")).map((row) => row.version);
    await send(out, controlLine({ format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, createdAt, engine: db.engine, migrations }));
    const ends: TableEnd[] = [];
    for (const table of await backedUpTables(tx)) {
      await send(out, controlLine({ table: table.name, columns: table.columns }));
      const end = await streamRows(tx, table, (row) => send(out, `${row}\n`));
      await send(out, controlLine(end));
      ends.push(end);
    }
    await send(out, controlLine({ sequences: await sequenceStates(tx) }));
    const rows = ends.reduce((sum, end) => sum + end.rows, 0);
    await send(out, controlLine({ complete: true, tables: ends.length, rows }));
    return { createdAt, engine: db.engine, tables: ends, rows };
  });
}

/**
 * Reads a table's rows as text in primary-key order, handing each to `onRow`,
 * and returns their count and SHA-256: what a restore must reproduce. The same
 * function checks the restored copy, so both ends hash alike by construction.
 */
export async function streamRows(tx: Queryable, table: BackedUpTable, onRow?: (row: string) => Promise<void> | void): Promise<TableEnd> {
  const hash = createHash("sha256");
  const cursor = quoteName(`backup_${table.name}`);
  await tx.query(`declare ${cursor} no scroll cursor for ${rowTextQuery(table)}`);
  let rows = 0;
  for (;;) {
    const page = await tx.query<{ row: string }>(`fetch ${FETCH_ROWS} from ${cursor}`);
    for (const { row } of page) {
      hash.update(row).update("\n");
      rows++;
      if (onRow) await onRow(row);
    }
    if (page.length < FETCH_ROWS) break;
  }
  await tx.query(`close ${cursor}`);
  return { tableEnd: table.name, rows, sha256: hash.digest("hex") };
}

async function send(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, "drain");
}
