/**
 * The backup folder (ACUBACK_BACKUP_DIR): automatic backups and those made
 * with `acuback backup` or the Backups page, named by the moment they were
 * taken, with the last failure kept beside them so a restart does not forget it.
 */
import { mkdirSync } from "node:fs";
import { readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Config } from "../config.ts";
import type { Database } from "../db/database.ts";
import { backupBytes, saveAtomically } from "./backupFile.ts";
import { BackupInProgress } from "./writeBackup.ts";

export type BackupKind = "automatic" | "manual";

export interface BackupFile {
  name: string;
  kind: BackupKind;
  takenAt: string;
  bytes: number;
}

export interface BackupFailure {
  at: string;
  problem: string;
}

const FILE_NAME = /^acuback-(\d{8}T\d{6}Z)(-manual)?\.backup\.gz$/;
const STATUS_FILE = "backup-status.json";

export function backupFileName(at: Date, kind: BackupKind): string {
  const stamp = at.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}Z$/, "Z");
  return `acuback-${stamp}${kind === "manual" ? "-manual" : ""}.backup.gz`;
}

/** The folder's backups, newest first (files of other names are left out). */
export async function listBackups(dir: string): Promise<BackupFile[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const files: BackupFile[] = [];
  for (const name of names) {
    const match = FILE_NAME.exec(name);
    if (!match) continue;
    const stamp = match[1]!;
    const takenAt = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}Z`;
    files.push({ name, kind: match[2] ? "manual" : "automatic", takenAt, bytes: (await stat(join(dir, name))).size });
  }
  return files.sort((a, b) => b.takenAt.localeCompare(a.takenAt) || b.name.localeCompare(a.name));
}

/**
 * Takes a backup into the folder. After an automatic one, automatic backups
 * beyond the newest `keep` are deleted; manual ones stay until someone
 * removes them (one taken before an upgrade should not vanish on a schedule).
 */
export async function takeBackup(db: Database, settings: Config["backups"], kind: BackupKind, at = new Date()): Promise<BackupFile> {
  mkdirSync(settings.dir, { recursive: true, mode: 0o700 });
  const name = backupFileName(at, kind);
  try {
    const bytes = await saveAtomically(join(settings.dir, name), backupBytes(db));
    await rm(join(settings.dir, STATUS_FILE), { force: true });
    if (kind === "automatic") await pruneAutomatic(settings);
    return { name, kind, takenAt: at.toISOString().replace(/\.\d{3}Z$/, "Z"), bytes };
  } catch (error) {
    if (error instanceof BackupInProgress) throw error;
    const failure: BackupFailure = { at: new Date().toISOString(), problem: (error as Error).message };
    await writeFile(join(settings.dir, STATUS_FILE), JSON.stringify(failure)).catch(() => {});
    throw error;
  }
}

async function pruneAutomatic(settings: Config["backups"]): Promise<void> {
  const automatic = (await listBackups(settings.dir)).filter((file) => file.kind === "automatic");
  for (const old of automatic.slice(settings.keep)) await rm(join(settings.dir, old.name), { force: true });
}

/** The last backup that failed, when no backup has succeeded since. */
export async function lastBackupFailure(dir: string): Promise<BackupFailure | null> {
  try {
    return JSON.parse(await readFile(join(dir, STATUS_FILE), "utf8")) as BackupFailure;
  } catch {
    return null;
  }
}
