/**
 * Restores an Acuback backup into an empty database, PGlite or PostgreSQL,
 * whichever engine wrote it. The schema is rebuilt by the same migrations the
 * backup was taken under, the rows go in within one transaction and each
 * table's count and SHA-256 are checked against the backup before it commits,
 * then this build's newer migrations run: a restore either gives back every
 * row as it was or changes nothing.
 */
import type { Database, Queryable } from "../db/database.ts";
import { listMigrations, migrate } from "../db/migrate.ts";
import { backedUpTables, quoteName, STABLE_TEXT_SETTINGS, type BackedUpTable } from "./backupCatalogue.ts";
import { backupLines, readHeader } from "./backupFile.ts";
import { BackupFileError, isControlLine, parseControlLine, type BackupHeader } from "./backupFormat.ts";
import { streamRows } from "./writeBackup.ts";

const INSERT_ROWS = 1_000;

export class RestoreRefused extends Error {
  override name = "RestoreRefused";
}

export interface RestoreSummary {
  header: BackupHeader;
  tables: number;
  rows: number;
  /** Migrations of this build the backup predates, applied after its rows went in. */
  migratedAfter: string[];
}

export async function restoreBackup(db: Database, path: string, onTable?: (table: string, rows: number) => void): Promise<RestoreSummary> {
  const lines = backupLines(path)[Symbol.asyncIterator]();
  const first = await lines.next();
  if (first.done) throw new BackupFileError("the file is empty");
  const header = readHeader(first.value.line);
  const known = new Set(listMigrations().map((m) => m.version));
  const unknown = header.migrations.filter((version) => !known.has(version));
  if (unknown.length > 0) {
    throw new RestoreRefused(`The backup was made by a newer Acuback (its schema has ${unknown.join(", ")}); restore it with that version or later.`);
  }
  await refuseUnlessEmpty(db, header);
  await migrate(db, header.migrations);
  const loaded = await db.transaction(async (tx) => {
    for (const setting of STABLE_TEXT_SETTINGS) await tx.query(setting);
    // The audit log comes back with its hash chain as it was, not chained again on insert (migration 0032).
    await tx.query("select set_config('acuback.restoring_backup', 'on', true)");
    // The migrations just run recorded themselves; the backup's own records (with their dates) replace them.
    await tx.query("delete from schema_migrations");
    const tables = new Map((await backedUpTables(tx)).map((table) => [table.name, table]));
    let current: TableLoader | null = null;
    let tableCount = 0;
    let rowCount = 0;
    for (let next = await lines.next(); !next.done; next = await lines.next()) {
      const { line, number } = next.value;
      if (!isControlLine(line)) {
        if (!current) throw new BackupFileError(`line ${number} is a row outside any table`);
        await current.add(line);
        continue;
      }
      const control = parseControlLine(line, number);
      if ("table" in control) {
        const table = tables.get(control.table);
        if (!table) throw new BackupFileError(`it holds a table this schema does not have (${control.table})`);
        current = new TableLoader(tx, table);
      } else if ("tableEnd" in control) {
        if (current?.table.name !== control.tableEnd) throw new BackupFileError(`line ${number} ends a table that was not begun`);
        await current.finish();
        const restored = await streamRows(tx, current.table);
        if (restored.rows !== control.rows || restored.sha256 !== control.sha256) {
          throw new BackupFileError(`table ${control.tableEnd} came back with ${restored.rows} rows and a different content hash than the ${control.rows} backed up`);
        }
        onTable?.(control.tableEnd, restored.rows);
        tableCount++;
        rowCount += restored.rows;
        current = null;
      } else if ("sequences" in control) {
        for (const sequence of control.sequences) {
          await tx.query("select setval($1::regclass, $2::bigint, $3)", [quoteName(sequence.name), sequence.lastValue, sequence.isCalled]);
        }
      } else if ("complete" in control) {
        if (control.tables !== tableCount || control.rows !== rowCount) throw new BackupFileError("its last line does not match the tables read");
        return { tables: tableCount, rows: rowCount };
      }
    }
    throw new BackupFileError("it ends before its last line (the backup was cut short); nothing was restored");
  });
  const migratedAfter = await migrate(db);
  return { header, ...loaded, migratedAfter };
}

/** A restore never mixes a backup with rows already there: the target has no rows, and no schema newer than the backup's. */
async function refuseUnlessEmpty(db: Queryable, header: BackupHeader): Promise<void> {
  const tables = await db.query<{ name: string }>(
    "select relname as name from pg_class where relkind = 'r' and relpersistence = 'p' and relnamespace = 'public'::regnamespace",
  );
  for (const { name } of tables) {
    if (name === "schema_migrations") continue;
    const [row] = await db.query<{ used: boolean }>(`select exists (select 1 from ${quoteName(name)}) as used`);
    if (row!.used) throw new RestoreRefused(`The database is not empty (table ${name} has rows). Restore into a new, empty database or data directory.`);
  }
  if (!tables.some((t) => t.name === "schema_migrations")) return;
  const applied = await db.query<{ version: string }>("select version from schema_migrations");
  const newer = applied.map((row) => row.version).filter((version) => !header.migrations.includes(version));
  if (newer.length > 0) {
    throw new RestoreRefused(`The database's schema is newer than the backup's (${newer.join(", ")}). Restore into a new, empty database or data directory.`);
  }
}

/** The value inside a one-element array, SQL NULL when there is none (`-> 0` alone would return a bare scalar itself). */
function wrappedJson(value: string): string {
  return `case when jsonb_typeof(${value}) = 'array' then (${value}) -> 0 end`;
}

/**
 * Inserts one table's rows in batches. Rows that point at another row of the
 * same table (a merged patient at the one kept) wait and go in together as
 * the table's last statement: a foreign key is checked at the end of the
 * statement, so their order among themselves does not matter.
 */
class TableLoader {
  private batch: string[] = [];
  private pointing: string[] = [];
  private readonly insert: string;

  constructor(
    private readonly tx: Queryable,
    readonly table: BackedUpTable,
  ) {
    const columns = table.columns.map(quoteName).join(", ");
    // jsonb values come out of their one-element array (backupCatalogue.ts says why); the rest as jsonb_populate_record types them.
    const values = table.columns
      .map((column) => (table.jsonColumns.includes(column) ? wrappedJson(`r.v -> '${column.replaceAll("'", "''")}'`) : `p.${quoteName(column)}`))
      .join(", ");
    this.insert =
      `insert into ${quoteName(table.name)} (${columns}) overriding system value ` +
      `select ${values} from jsonb_array_elements($1::jsonb) as r(v), jsonb_populate_record(null::${quoteName(table.name)}, r.v) as p`;
  }

  async add(row: string): Promise<void> {
    if (this.table.selfReferences.length > 0 && this.pointsIntoTable(row)) {
      this.pointing.push(row);
      return;
    }
    this.batch.push(row);
    if (this.batch.length >= INSERT_ROWS) await this.flush();
  }

  async finish(): Promise<void> {
    await this.flush();
    if (this.pointing.length > 0) await this.tx.query(this.insert, [`[${this.pointing.join(",")}]`]);
    this.pointing = [];
  }

  private pointsIntoTable(row: string): boolean {
    const values = JSON.parse(row) as Record<string, unknown>;
    return this.table.selfReferences.some((columns) => columns.every((column) => values[column] != null));
  }

  private async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    await this.tx.query(this.insert, [`[${this.batch.join(",")}]`]);
    this.batch = [];
  }
}
