/**
 * Settings come only from the environment (secrets never from files in the repo).
 * Every variable is listed here and in the README's Configuration table.
 */
import { resolve } from "node:path";
import type { DatabaseLocation } from "./db/openDatabase.ts";
import type { SessionPolicy } from "./services/signInSessions.ts";

export interface Config {
  database: DatabaseLocation;
  host: string;
  port: number;
  /** Send cookies with the Secure flag; on by default unless serving plain http on loopback. */
  secureCookies: boolean;
  sessions: SessionPolicy;
  /** Login attempts allowed per client address per minute. */
  loginAttemptsPerMinute: number;
  /** Directory of the built web app (vite build output). */
  webDir: string;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  const host = env.HOST ?? "127.0.0.1";
  return {
    database: env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: resolve(env.ACUBACK_DATA_DIR ?? "data") },
    host,
    port: integer(env.PORT, 3000, "PORT"),
    secureCookies: env.ACUBACK_SECURE_COOKIES ? env.ACUBACK_SECURE_COOKIES === "true" : !isLoopback(host),
    sessions: {
      absoluteHours: integer(env.ACUBACK_SESSION_HOURS, 12, "ACUBACK_SESSION_HOURS"),
      idleMinutes: integer(env.ACUBACK_SESSION_IDLE_MINUTES, 60, "ACUBACK_SESSION_IDLE_MINUTES"),
    },
    loginAttemptsPerMinute: integer(env.ACUBACK_LOGIN_ATTEMPTS_PER_MINUTE, 10, "ACUBACK_LOGIN_ATTEMPTS_PER_MINUTE"),
    webDir: resolve(env.ACUBACK_WEB_DIR ?? "dist/web"),
  };
}

function integer(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === "") return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`${name} must be a whole number, not "${value}".`);
  return parsed;
}

function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || host.startsWith("127.");
}

/** Where the database is, said without credentials (for start-up messages). */
export function describeDatabase(location: DatabaseLocation): string {
  if ("databaseUrl" in location) {
    const url = new URL(location.databaseUrl);
    return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
  }
  return location.dataDir ? `embedded PGlite in ${location.dataDir}` : "embedded PGlite in memory";
}
