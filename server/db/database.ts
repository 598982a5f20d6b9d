/**
 * The one database interface the server uses, over either PGlite (embedded,
 * default) or a PostgreSQL server (DATABASE_URL). Repositories write plain
 * PostgreSQL 15 SQL with $1 parameters, which both engines run unchanged.
 */
export interface Queryable {
  query<Row>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
  /**
   * PGlite only: runs `copy … from '/dev/blob'` with `csv` as the data, the
   * fastest way into an embedded table (bulk imports). Absent on PostgreSQL,
   * where callers insert instead.
   */
  copyFrom?(sql: string, csv: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly engine: "pglite" | "postgres";
  /** Runs `work` in one transaction: all of its writes commit together or none do. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Column types we read as text rather than as JS Dates: a SQL `date` is a
 * calendar day, and turning it into a Date at local midnight shifts it by a day
 * in some time zones.
 */
export const DATE_OID = 1082;
