/**
 * The owner's view of backups: what the backup folder holds, when the last
 * one succeeded or failed, and a backup on demand. A backup holds every
 * clinic on this server, so the page shows file names, times and sizes only;
 * the files themselves stay with whoever runs the server.
 */
import type { Config } from "../config.ts";
import type { Database } from "../db/database.ts";
import { appendAuditEvent } from "../db/repositories/auditEvents.ts";
import { fail, ok, type Outcome } from "../errors.ts";
import { lastBackupFailure, listBackups, takeBackup, type BackupFailure, type BackupFile } from "../backup/backupFolder.ts";
import { BackupInProgress } from "../backup/writeBackup.ts";
import { denied, type Actor } from "./actor.ts";

export interface BackupsOverview {
  automatic: boolean;
  everyHours: number;
  keep: number;
  folder: string;
  engine: Database["engine"];
  backups: BackupFile[];
  lastSuccessAt: string | null;
  /** Shown only when nothing has succeeded since. */
  lastFailure: BackupFailure | null;
}

export async function backupsOverview(db: Database, settings: Config["backups"], actor: Actor): Promise<Outcome<BackupsOverview>> {
  const refused = denied(actor, "clinic.configure");
  if (refused) return refused;
  return ok(await overview(db, settings));
}

/** What a monitor is told too (/health/ready), without the folder's path. */
export async function overview(db: Database, settings: Config["backups"]): Promise<BackupsOverview> {
  const backups = await listBackups(settings.dir);
  return {
    automatic: settings.automatic,
    everyHours: settings.everyHours,
    keep: settings.keep,
    folder: settings.dir,
    engine: db.engine,
    backups,
    lastSuccessAt: backups[0]?.takenAt ?? null,
    lastFailure: await lastBackupFailure(settings.dir),
  };
}

export async function backUpNow(db: Database, settings: Config["backups"], actor: Actor): Promise<Outcome<BackupFile>> {
  const refused = denied(actor, "clinic.configure");
  if (refused) return refused;
  try {
    const file = await takeBackup(db, settings, "manual");
    await appendAuditEvent(db, { clinicId: actor.clinicId, userId: actor.userId, action: "create", entity: "backup", entityId: file.name, ip: actor.ip, detail: { bytes: file.bytes } });
    return ok(file);
  } catch (error) {
    if (error instanceof BackupInProgress) return fail("BACKUP_IN_PROGRESS");
    return fail("BACKUP_FAILED", (error as Error).message);
  }
}
