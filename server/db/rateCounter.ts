/**
 * Counting hits in fixed time windows, for every rate limit in the server
 * (wrong sign-ins, API tokens, the public routes). In this process's memory
 * on the embedded database, which only one process can open; in the database
 * on a PostgreSQL server, so several `acuback serve` processes behind a load
 * balancer share one count (migration 0034).
 */
import { createHash } from "node:crypto";
import type { Database } from "./database.ts";

export interface WindowCount {
  count: number;
  /** Milliseconds until the window ends and the count starts again. */
  resetInMs: number;
}

export interface RateCounter {
  /** Counts one hit for `key` and returns the window's count including it. */
  hit(key: string, windowMs: number): Promise<WindowCount>;
  /** The window's count, without counting. */
  peek(key: string, windowMs: number): Promise<WindowCount>;
  /** Forgets the key's count in the current window. */
  clear(key: string, windowMs: number): Promise<void>;
}

function windowOf(windowMs: number, now: number) {
  const start = Math.floor(now / windowMs) * windowMs;
  return { start, resetInMs: start + windowMs - now };
}

/** One process's counts, with old windows dropped as the map grows so made-up keys cannot fill memory. */
export function memoryRateCounter(): RateCounter {
  const counts = new Map<string, { start: number; hits: number }>();
  const current = (key: string, windowMs: number, now: number) => {
    const window = windowOf(windowMs, now);
    const entry = counts.get(`${windowMs} ${key}`);
    return { window, hits: entry && entry.start === window.start ? entry.hits : 0 };
  };
  return {
    async hit(key, windowMs) {
      const now = Date.now();
      const { window, hits } = current(key, windowMs, now);
      counts.set(`${windowMs} ${key}`, { start: window.start, hits: hits + 1 });
      if (counts.size > 20_000) for (const [k, entry] of counts) if (now - entry.start > 3_600_000) counts.delete(k);
      return { count: hits + 1, resetInMs: window.resetInMs };
    },
    async peek(key, windowMs) {
      const { window, hits } = current(key, windowMs, Date.now());
      return { count: hits, resetInMs: window.resetInMs };
    },
    async clear(key, windowMs) {
      counts.delete(`${windowMs} ${key}`);
    },
  };
}

const hashOf = (key: string, windowMs: number) => createHash("sha256").update(`${windowMs} ${key}`).digest("hex");

/** Counts in the rate_counts table: one upsert per hit, the same count whichever process answers. */
export function databaseRateCounter(db: Database): RateCounter {
  return {
    async hit(key, windowMs) {
      const window = windowOf(windowMs, Date.now());
      const [row] = await db.query<{ hits: number }>(
        `insert into rate_counts (key_hash, window_start, hits) values ($1, $2, 1)
         on conflict (key_hash, window_start) do update set hits = rate_counts.hits + 1 returning hits`,
        [hashOf(key, windowMs), new Date(window.start)],
      );
      return { count: row!.hits, resetInMs: window.resetInMs };
    },
    async peek(key, windowMs) {
      const window = windowOf(windowMs, Date.now());
      const [row] = await db.query<{ hits: number }>("select hits from rate_counts where key_hash = $1 and window_start = $2", [hashOf(key, windowMs), new Date(window.start)]);
      return { count: row?.hits ?? 0, resetInMs: window.resetInMs };
    },
    async clear(key, windowMs) {
      await db.query("delete from rate_counts where key_hash = $1", [hashOf(key, windowMs)]);
    },
  };
}

export function rateCounterFor(db: Database): RateCounter {
  return db.engine === "postgres" ? databaseRateCounter(db) : memoryRateCounter();
}
