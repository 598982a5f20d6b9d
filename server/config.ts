/**
 * Settings come only from the environment (secrets never from files in the repo).
 * Every variable is listed here and in the README's Configuration table.
 */
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { DEFAULT_DOSE_LIMITS, type DoseLimits } from "../domain/plausibility/medicationDose.ts";
import type { DatabaseLocation } from "./db/openDatabase.ts";
import type { SmtpSettings } from "./notify/mailer.ts";
import type { SessionPolicy } from "./services/signInSessions.ts";

export interface Config {
  database: DatabaseLocation;
  host: string;
  port: number;
  /** The address people open (links and QR codes sent to patients use it); null on a single machine. */
  publicUrl: URL | null;
  /** Certificate and key files for built-in HTTPS; null when serving plain HTTP or behind a proxy. */
  tls: { certFile: string; keyFile: string } | null;
  /** Fastify's trustProxy: which proxies' X-Forwarded-* headers to believe (false: none). */
  trustProxy: boolean | string;
  /** HTTPS is what the browser sees: built-in TLS, or a public address on https (a proxy terminates it). */
  https: boolean;
  /** Send cookies with the Secure flag; on by default when HTTPS is in use. */
  secureCookies: boolean;
  sessions: SessionPolicy;
  /** Login attempts allowed per client address per minute. */
  loginAttemptsPerMinute: number;
  /** Requests one API token may make per minute (ACUBACK_API_TOKEN_REQUESTS_PER_MINUTE). */
  apiTokenRequestsPerMinute: number;
  /** Directory of the built web app (vite build output). */
  webDir: string;
  /** Owners' NPPES uploads from the web: the largest file accepted, and where it waits on disk while it is imported. */
  nppesUpload: { maxBytes: number; tempDir: string };
  /**
   * One opioid entry's MME/day above which it is refused, and above which it
   * must be confirmed: plausibility limits against typing slips, not clinical
   * thresholds (domain/plausibility/medicationDose.ts says why).
   */
  doseLimits: DoseLimits;
  /**
   * FHIR Bulk Data $export: where the NDJSON files are written (beside the
   * data directory, never inside PGlite's own), and how long a finished
   * export's files are kept before they are deleted.
   */
  bulkExport: { dir: string; retentionHours: number };
  /**
   * The clinic's SMTP server for appointment reminders and questionnaire
   * links (ACUBACK_SMTP_URL, ACUBACK_SMTP_FROM); null when e-mail is not
   * configured, and then the front desk is shown the reminders to phone.
   */
  smtp: SmtpSettings | null;
  /** How often the server looks for reminders that are due (ACUBACK_REMINDER_CHECK_MINUTES). */
  reminderCheckMinutes: number;
  /**
   * Backups (server/backup): the folder `acuback backup` writes to by default
   * and automatic backups go to, how many automatic backups are kept, and how
   * many hours apart they are taken. Automatic backups are on by default for
   * the embedded database, which has nothing else to back it up, and on a
   * PostgreSQL server only when ACUBACK_BACKUP_DIR is set (its own tools, such
   * as pg_dump or base backups, usually do this there).
   */
  backups: { dir: string; keep: number; everyHours: number; automatic: boolean };
  /**
   * The key that seals two-factor secrets at rest: ACUBACK_TWO_FACTOR_KEY when
   * set, else the key in `file`, made on first start
   * (server/services/twoFactorKey.ts). Never inside the database.
   */
  twoFactorKey: { key: Buffer | null; file: string };
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  const host = env.HOST ?? "127.0.0.1";
  const publicUrl = env.ACUBACK_PUBLIC_URL ? publicAddress(env.ACUBACK_PUBLIC_URL) : null;
  const tls = tlsFiles(env.ACUBACK_TLS_CERT, env.ACUBACK_TLS_KEY);
  const https = tls !== null || publicUrl?.protocol === "https:";
  return {
    database: env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: resolve(env.ACUBACK_DATA_DIR ?? "data") },
    host,
    port: integer(env.PORT, 3000, "PORT"),
    publicUrl,
    tls,
    trustProxy: trustProxy(env.ACUBACK_TRUST_PROXY),
    https,
    // A Secure cookie is never stored over plain HTTP, so the default follows what the browser sees.
    secureCookies: env.ACUBACK_SECURE_COOKIES ? env.ACUBACK_SECURE_COOKIES === "true" : https,
    sessions: {
      absoluteHours: integer(env.ACUBACK_SESSION_HOURS, 12, "ACUBACK_SESSION_HOURS"),
      idleMinutes: integer(env.ACUBACK_SESSION_IDLE_MINUTES, 60, "ACUBACK_SESSION_IDLE_MINUTES"),
    },
    loginAttemptsPerMinute: integer(env.ACUBACK_LOGIN_ATTEMPTS_PER_MINUTE, 10, "ACUBACK_LOGIN_ATTEMPTS_PER_MINUTE"),
    apiTokenRequestsPerMinute: integer(env.ACUBACK_API_TOKEN_REQUESTS_PER_MINUTE, 600, "ACUBACK_API_TOKEN_REQUESTS_PER_MINUTE"),
    webDir: resolve(env.ACUBACK_WEB_DIR ?? "dist/web"),
    nppesUpload: {
      // The monthly zip is ~1.1 GB (shared/reference/nppes); its unzipped CSV (~10.7 GB) is for the CLI.
      maxBytes: integer(env.ACUBACK_NPPES_UPLOAD_MAX_MB, 2048, "ACUBACK_NPPES_UPLOAD_MAX_MB") * 1024 * 1024,
      tempDir: resolve(env.ACUBACK_UPLOAD_DIR ?? tmpdir()),
    },
    doseLimits: doseLimits(env),
    bulkExport: {
      dir: resolve(env.ACUBACK_BULK_EXPORT_DIR ?? `${env.ACUBACK_DATA_DIR ?? "data"}-exports`),
      retentionHours: integer(env.ACUBACK_BULK_EXPORT_HOURS, 24, "ACUBACK_BULK_EXPORT_HOURS"),
    },
    smtp: smtpSettings(env.ACUBACK_SMTP_URL, env.ACUBACK_SMTP_FROM),
    reminderCheckMinutes: Math.max(1, integer(env.ACUBACK_REMINDER_CHECK_MINUTES, 5, "ACUBACK_REMINDER_CHECK_MINUTES")),
    backups: backupSettings(env),
    twoFactorKey: {
      key: twoFactorKey(env.ACUBACK_TWO_FACTOR_KEY),
      file: resolve(env.ACUBACK_TWO_FACTOR_KEY_FILE ?? join(env.ACUBACK_DATA_DIR ?? "data", "two-factor.key")),
    },
  };
}

function backupSettings(env: NodeJS.ProcessEnv): Config["backups"] {
  const everyHours = integer(env.ACUBACK_BACKUP_HOURS, 24, "ACUBACK_BACKUP_HOURS");
  const keep = integer(env.ACUBACK_BACKUP_KEEP, 14, "ACUBACK_BACKUP_KEEP");
  if (keep < 1) throw new Error("ACUBACK_BACKUP_KEEP must be at least 1 (set ACUBACK_BACKUP_HOURS=0 to turn automatic backups off).");
  return {
    dir: resolve(env.ACUBACK_BACKUP_DIR || `${env.ACUBACK_DATA_DIR ?? "data"}-backups`),
    keep,
    everyHours,
    automatic: everyHours > 0 && (!env.DATABASE_URL || Boolean(env.ACUBACK_BACKUP_DIR)),
  };
}

/** 32 bytes, as 64 hex digits or base64. The error never repeats the value: it is a secret. */
function twoFactorKey(value: string | undefined): Buffer | null {
  if (!value) return null;
  const text = value.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, "hex") : Buffer.from(text, "base64");
  if (key.length !== 32 || (!/^[0-9a-fA-F]{64}$/.test(text) && key.toString("base64").replace(/=+$/, "") !== text.replace(/=+$/, ""))) {
    throw new Error("ACUBACK_TWO_FACTOR_KEY must be 32 random bytes written as 64 hex digits or in base64 (e.g. the output of `openssl rand -hex 32`); the value is not repeated here.");
  }
  return key;
}

function doseLimits(env: NodeJS.ProcessEnv): DoseLimits {
  const limits = {
    ceilingMmePerDay: integer(env.ACUBACK_DOSE_CEILING_MME, DEFAULT_DOSE_LIMITS.ceilingMmePerDay, "ACUBACK_DOSE_CEILING_MME"),
    warningMmePerDay: integer(env.ACUBACK_DOSE_WARNING_MME, DEFAULT_DOSE_LIMITS.warningMmePerDay, "ACUBACK_DOSE_WARNING_MME"),
  };
  if (limits.warningMmePerDay > limits.ceilingMmePerDay) {
    throw new Error(`ACUBACK_DOSE_WARNING_MME (${limits.warningMmePerDay}) must not be above ACUBACK_DOSE_CEILING_MME (${limits.ceilingMmePerDay}).`);
  }
  return limits;
}

function integer(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === "") return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`${name} must be a whole number, not "${value}".`);
  return parsed;
}

function publicAddress(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`ACUBACK_PUBLIC_URL must be an address such as https://acuback.example-clinic.lan, not "${value}".`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error(`ACUBACK_PUBLIC_URL must start with https:// or http://, not "${value}".`);
  if (url.pathname !== "/" || url.search || url.hash) throw new Error(`ACUBACK_PUBLIC_URL is the address of the server only, without a path ("${url.origin}").`);
  return url;
}

const SMTP_EXAMPLE = "smtp://user:password@mail.example-clinic.lan:587 (STARTTLS) or smtps://user:password@mail.example-clinic.lan:465";
/** "Name <address>" or a bare address. */
const FROM_ADDRESS = /^(?:[^<>\r\n]*<[^<>\s@]+@[^<>\s@]+\.[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+\.[^<>\s@]+)$/;

/**
 * The SMTP server's address. An error never repeats the value given: it
 * holds the server's password.
 */
function smtpSettings(urlText: string | undefined, from: string | undefined): Config["smtp"] {
  if (!urlText) {
    if (from) throw new Error("ACUBACK_SMTP_FROM is set but ACUBACK_SMTP_URL is not: give the clinic's SMTP server too, or unset both.");
    return null;
  }
  let url: URL;
  try {
    url = new URL(urlText);
  } catch {
    throw new Error(`ACUBACK_SMTP_URL is not an address Acuback can read (the value is not repeated here: it may hold a password). Write it as ${SMTP_EXAMPLE}; a password with @, : or / in it must be percent-encoded.`);
  }
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") throw new Error(`ACUBACK_SMTP_URL must start with smtp:// or smtps://, not ${url.protocol}//. Write it as ${SMTP_EXAMPLE}.`);
  if (!url.hostname) throw new Error(`ACUBACK_SMTP_URL names no server. Write it as ${SMTP_EXAMPLE}.`);
  if ((url.pathname !== "" && url.pathname !== "/") || url.hash) throw new Error(`ACUBACK_SMTP_URL is the server's address only, without a path. Write it as ${SMTP_EXAMPLE}.`);
  if (!from) throw new Error('ACUBACK_SMTP_URL is set but ACUBACK_SMTP_FROM is not: give the address reminders come from, e.g. "Riverside Acupuncture <front-desk@riverside.example>".');
  if (!FROM_ADDRESS.test(from.trim())) throw new Error(`ACUBACK_SMTP_FROM must be an e-mail address, or a name and an address in angle brackets ("Riverside Acupuncture <front-desk@riverside.example>"), not "${from}".`);
  return { url, from: from.trim() };
}

function tlsFiles(cert: string | undefined, key: string | undefined): Config["tls"] {
  if (!cert && !key) return null;
  if (!cert || !key) throw new Error("Built-in HTTPS needs both ACUBACK_TLS_CERT and ACUBACK_TLS_KEY (PEM files).");
  return { certFile: resolve(cert), keyFile: resolve(key) };
}

/** "true" (any proxy), or the proxies' addresses or CIDRs ("127.0.0.1,10.0.0.0/8"), as Fastify's trustProxy takes them. */
function trustProxy(value: string | undefined): Config["trustProxy"] {
  if (value === undefined || value === "" || value === "false") return false;
  if (value === "true") return true;
  return value;
}

/**
 * What stops Acuback from serving as configured, said before it starts: a
 * network without the public address patients' links need, or an https
 * address with nothing to answer HTTPS.
 */
export function servingProblems(config: Config): string[] {
  const problems: string[] = [];
  if (!isLoopback(config.host) && !config.publicUrl) {
    problems.push(
      `Serving the network (HOST=${config.host}) needs ACUBACK_PUBLIC_URL: the address your devices and patients' phones open, e.g. https://acuback.example-clinic.lan:${config.port}. Report links and QR codes use it.`,
    );
  }
  if (config.publicUrl?.protocol === "https:" && !config.tls && config.trustProxy === false) {
    problems.push(
      "ACUBACK_PUBLIC_URL is https:// but nothing here answers HTTPS: set ACUBACK_TLS_CERT and ACUBACK_TLS_KEY, or, behind a reverse proxy that terminates HTTPS, set ACUBACK_TRUST_PROXY to its address.",
    );
  }
  return problems;
}

/** The address to tell people to open. */
export function addressToOpen(config: Config, listening: string): string {
  if (config.publicUrl) return config.publicUrl.origin;
  return listening.replace("127.0.0.1", "localhost");
}

export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || host.startsWith("127.");
}

/** The backup schedule in a sentence, for the start-up message. */
export function describeBackups(backups: Config["backups"]): string {
  if (!backups.automatic) return "Automatic backups: off (acuback backup takes one).";
  return `Automatic backups: every ${backups.everyHours} h to ${backups.dir}, keeping ${backups.keep}.`;
}

/** Where the database is, said without credentials (for start-up messages). */
export function describeDatabase(location: DatabaseLocation): string {
  if ("databaseUrl" in location) {
    const url = new URL(location.databaseUrl);
    return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
  }
  return location.dataDir ? `embedded PGlite in ${location.dataDir}` : "embedded PGlite in memory";
}

/** Where e-mail goes, said without credentials (for start-up messages). */
export function describeSmtp(smtp: Config["smtp"]): string {
  if (!smtp) return "e-mail not configured (reminders are listed for the front desk to call)";
  return `e-mail through ${smtp.url.hostname}:${smtp.url.port || (smtp.url.protocol === "smtps:" ? 465 : 587)}`;
}
