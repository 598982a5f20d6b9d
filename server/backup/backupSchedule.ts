/**
 * Automatic backups while the server runs: a backup when the newest in the
 * folder is `everyHours` old, looked for every hour (and soon after start, so a
 * server that was down at backup time catches up).
 */
import type { Config } from "../config.ts";
import type { Database } from "../db/database.ts";
import { listBackups, takeBackup, type BackupFile } from "./backupFolder.ts";
import { BackupInProgress } from "./writeBackup.ts";

const HOUR_MS = 3_600_000;

export interface BackupScheduleOptions {
  firstCheckMs?: number;
  checkEveryMs?: number;
  onBackup?: (file: BackupFile) => void;
  onError?: (error: unknown) => void;
}

/** Whether a backup is due now. */
export async function backupDue(settings: Config["backups"], now = new Date()): Promise<boolean> {
  const newest = (await listBackups(settings.dir))[0];
  return !newest || now.getTime() - Date.parse(newest.takenAt) >= settings.everyHours * HOUR_MS;
}

/** Starts the schedule; the returned function stops it and waits for a backup in progress. */
export function scheduleBackups(db: Database, settings: Config["backups"], options: BackupScheduleOptions = {}): () => Promise<void> {
  let running: Promise<void> | null = null;
  const check = () => {
    running ??= (async () => {
      if (await backupDue(settings)) options.onBackup?.(await takeBackup(db, settings, "automatic"));
    })()
      // Several server processes on one PostgreSQL each keep the schedule; the one that finds a backup running leaves it be.
      .catch((error: unknown) => (error instanceof BackupInProgress ? undefined : options.onError?.(error)))
      .finally(() => {
        running = null;
      });
  };
  const first = setTimeout(check, options.firstCheckMs ?? 60_000);
  const timer = setInterval(check, options.checkEveryMs ?? Math.min(HOUR_MS, settings.everyHours * HOUR_MS));
  first.unref();
  timer.unref();
  return async () => {
    clearTimeout(first);
    clearInterval(timer);
    await running;
  };
}
