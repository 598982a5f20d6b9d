/**
 * Housekeeping the server does on a schedule:
 * - expired sessions are deleted (they already stop working when they expire);
 * - rate-limit counts older than an hour are deleted (migration 0034);
 * - on PGlite, VACUUM ANALYZE. PGlite runs PostgreSQL in single-user mode, where
 *   autovacuum never runs: the planner would keep the statistics of an empty
 *   database (measured: a full sort for the patient list, 3.4 ms instead of
 *   0.8 ms at 2,000 patients) and dead rows would pile up. A PostgreSQL server
 *   has autovacuum for that.
 */
import type { Database, Queryable } from "./database.ts";
import { deleteExpiredSessions } from "./repositories/signInSessions.ts";

export const MAINTENANCE_INTERVAL_MS = 6 * 3_600_000;

/** Any fixed number: with several server processes on one PostgreSQL, one of them does each round. */
const MAINTENANCE_LOCK_KEY = 4_127_003;

export async function maintainDatabase(db: Database): Promise<void> {
  if (db.engine === "pglite") {
    await sweep(db);
    await db.exec("vacuum analyze");
    return;
  }
  await db.transaction(async (tx) => {
    const [lock] = await tx.query<{ taken: boolean }>("select pg_try_advisory_xact_lock($1) as taken", [MAINTENANCE_LOCK_KEY]);
    if (lock!.taken) await sweep(tx);
  });
}

/** What goes: sessions past their end, and rate-limit counts of windows long closed. */
async function sweep(q: Queryable): Promise<void> {
  await deleteExpiredSessions(q);
  await q.query("delete from rate_counts where window_start < now() - interval '1 hour'");
}

/** Runs maintenance now and then every `intervalMs`; returns a function that stops the schedule. */
export function scheduleMaintenance(db: Database, intervalMs = MAINTENANCE_INTERVAL_MS, onError: (error: unknown) => void): () => void {
  let running: Promise<void> | null = null;
  const run = () => {
    running ??= maintainDatabase(db)
      .catch(onError)
      .finally(() => {
        running = null;
      });
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
