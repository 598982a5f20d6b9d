/**
 * What a backup holds, read from the database's own catalogue rather than
 * listed by hand, so a table added by a later migration is backed up without
 * anyone remembering to add it here (the clinic export does the same).
 */
import type { Queryable } from "../db/database.ts";

export interface BackedUpTable {
  name: string;
  /** Columns written back on restore: every column except generated ones. */
  columns: string[];
  /** Primary-key columns: the order rows are written and hashed in, the same on every engine. */
  primaryKey: string[];
  /** Columns of foreign keys that point back into the same table (a merged patient points at the kept one). */
  selfReferences: string[][];
  /**
   * jsonb columns. Their JSON null and SQL NULL look alike in a row's JSON
   * (a self-pay claim's coverage is JSON null in a NOT NULL column), so a
   * present value is written inside a one-element array and read back from it.
   */
  jsonColumns: string[];
}

/** Tables of the public schema, each after every table its foreign keys point at, so a restore can insert them in this order. */
export async function backedUpTables(db: Queryable): Promise<BackedUpTable[]> {
  const tables = await db.query<{ name: string; columns: string[]; json_columns: string[]; primary_key: string[] | null }>(
    `select c.relname as name,
            array(select a.attname::text from pg_attribute a
                   where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.atttypid in ('jsonb'::regtype, 'json'::regtype)
                   order by a.attnum) as json_columns,
            array(select a.attname::text from pg_attribute a
                   where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
                   order by a.attnum) as columns,
            (select array(select a.attname::text from unnest(k.conkey) with ordinality as key(attnum, position)
                           join pg_attribute a on a.attrelid = c.oid and a.attnum = key.attnum order by key.position)
               from pg_constraint k where k.conrelid = c.oid and k.contype = 'p') as primary_key
       from pg_class c
      where c.relkind = 'r' and c.relnamespace = 'public'::regnamespace
        -- unlogged tables hold counters that may be lost in any crash (rate_counts): nothing to keep
        and c.relpersistence = 'p'
      order by c.relname`,
  );
  const foreignKeys = await db.query<{ from_table: string; to_table: string; columns: string[] }>(
    `select k.conrelid::regclass::text as from_table, k.confrelid::regclass::text as to_table,
            array(select a.attname::text from unnest(k.conkey) as key(attnum)
                   join pg_attribute a on a.attrelid = k.conrelid and a.attnum = key.attnum) as columns
       from pg_constraint k
      where k.contype = 'f' and k.connamespace = 'public'::regnamespace`,
  );
  const described = new Map<string, BackedUpTable>();
  for (const table of tables) {
    if (!table.primary_key) throw new Error(`Table ${table.name} has no primary key: a backup could not write its rows in a stable order.`);
    described.set(table.name, {
      name: table.name,
      columns: table.columns,
      primaryKey: table.primary_key,
      selfReferences: [],
      jsonColumns: table.json_columns,
    });
  }
  const dependsOn = new Map<string, Set<string>>([...described.keys()].map((name) => [name, new Set<string>()]));
  for (const key of foreignKeys) {
    if (key.from_table === key.to_table) described.get(key.from_table)?.selfReferences.push(key.columns);
    else dependsOn.get(key.from_table)?.add(key.to_table);
  }
  return dependencyOrder(dependsOn).map((name) => described.get(name)!);
}

/** Kahn's algorithm, alphabetical among equals so two databases of one schema give one order. */
function dependencyOrder(dependsOn: Map<string, Set<string>>): string[] {
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (placed.size < dependsOn.size) {
    const ready = [...dependsOn.keys()].filter((name) => !placed.has(name) && [...dependsOn.get(name)!].every((dep) => placed.has(dep)));
    if (ready.length === 0) {
      const left = [...dependsOn.keys()].filter((name) => !placed.has(name));
      throw new Error(`Foreign keys form a cycle among ${left.join(", ")}: no order can restore them.`);
    }
    for (const name of ready.sort()) {
      ordered.push(name);
      placed.add(name);
    }
  }
  return ordered;
}

export interface SequenceState {
  name: string;
  lastValue: string;
  isCalled: boolean;
}

/** Sequences (identity columns' counters) to set again after a restore, so the next row gets the next number. */
export async function sequenceStates(db: Queryable): Promise<SequenceState[]> {
  const sequences = await db.query<{ name: string }>(
    "select relname as name from pg_class where relkind = 'S' and relnamespace = 'public'::regnamespace order by relname",
  );
  const states: SequenceState[] = [];
  for (const { name } of sequences) {
    const [row] = await db.query<{ last_value: string; is_called: boolean }>(`select last_value::text, is_called from ${quoteName(name)}`);
    states.push({ name, lastValue: row!.last_value, isCalled: row!.is_called });
  }
  return states;
}

/** A catalogue name as an SQL identifier; names come from pg_class, never from a request. */
export function quoteName(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Session settings a backup and its check are read under: the text of a row
 * (to_jsonb) shows times in the session's time zone and bytes as bytea_output
 * says, so both ends fix them and the same row hashes the same on PGlite and
 * on a PostgreSQL server.
 */
export const STABLE_TEXT_SETTINGS = [
  "set local timezone = 'UTC'",
  "set local intervalstyle = 'postgres'",
  "set local bytea_output = 'hex'",
  "set local extra_float_digits = 1",
];

/** The select that reads a table's rows as text, in primary-key order compared byte by byte (collations differ between servers). */
export function rowTextQuery(table: BackedUpTable): string {
  const order = table.primaryKey.map((column) => `t.${quoteName(column)}::text collate "C"`).join(", ");
  const wrapped = table.jsonColumns.map((column) => `'${column.replaceAll("'", "''")}', case when t.${quoteName(column)} is null then null else jsonb_build_array(t.${quoteName(column)}) end`);
  const row = wrapped.length > 0 ? `to_jsonb(t) || jsonb_build_object(${wrapped.join(", ")})` : "to_jsonb(t)";
  return `select (${row})::text as row from ${quoteName(table.name)} t order by ${order}`;
}
