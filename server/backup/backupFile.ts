/**
 * Backup files on disk. A backup is written beside its final name and renamed
 * into place only once complete and synced, so a crash mid-backup leaves the
 * previous backup (and any file of that name) as it was.
 */
import { createReadStream, createWriteStream } from "node:fs";
import { open, rename, rm, stat } from "node:fs/promises";
import { dirname } from "node:path";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import type { Database } from "../db/database.ts";
import { BACKUP_FORMAT, BackupFileError, isControlLine, parseControlLine, type BackupEnd, type BackupHeader } from "./backupFormat.ts";
import { writeBackup } from "./writeBackup.ts";

/** The backup as gzip bytes, produced as they are read. */
export function backupBytes(db: Database): Readable {
  const gzip = createGzip();
  writeBackup(db, gzip).then(
    () => gzip.end(),
    (error: unknown) => gzip.destroy(error as Error),
  );
  return gzip;
}

/**
 * Writes `source` to `path` through a temporary name, syncs file and folder,
 * then renames; returns the size in bytes. The file is read back through to
 * its last line before it takes the name, so a backup cut short on the way
 * (a server that died mid-stream) never replaces a good one.
 */
export async function saveAtomically(path: string, source: Readable): Promise<number> {
  const partial = `${path}.partial`;
  try {
    await pipeline(source, createWriteStream(partial, { mode: 0o600 }));
    await syncPath(partial);
    await inspectBackupFile(partial);
    await rename(partial, path);
    await syncPath(dirname(path));
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return (await stat(path)).size;
}

async function syncPath(path: string): Promise<void> {
  const handle = await open(path, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export interface BackupFileSummary {
  header: BackupHeader;
  end: BackupEnd;
}

/** Reads a backup file through to its last line: proves it is whole (gzip and our own end line) and says what it holds. */
export async function inspectBackupFile(path: string): Promise<BackupFileSummary> {
  let header: BackupHeader | null = null;
  let end: BackupEnd | null = null;
  for await (const { line, number } of backupLines(path)) {
    if (number === 1) header = readHeader(line);
    else if (isControlLine(line)) {
      const control = parseControlLine(line, number);
      if ("complete" in control) end = control;
    }
  }
  if (!header) throw new BackupFileError("the file is empty");
  if (!end) throw new BackupFileError("it ends before its last line (the backup was cut short)");
  return { header, end };
}

/** The file's lines, numbered from 1; gzip damage or a cut-short file surfaces as a BackupFileError. */
export async function* backupLines(path: string): AsyncGenerator<{ line: string; number: number }> {
  const gunzip = createGunzip();
  const file = createReadStream(path);
  file.on("error", (error) => gunzip.destroy(error));
  const lines = createInterface({ input: file.pipe(gunzip), crlfDelay: Infinity });
  let number = 0;
  try {
    for await (const line of lines) yield { line, number: ++number };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw error;
    throw new BackupFileError(`the file is damaged after line ${number} (${(error as Error).message})`);
  } finally {
    file.destroy();
  }
}

export function readHeader(line: string): BackupHeader {
  const header = isControlLine(line) ? (parseControlLine(line, 1) as Partial<BackupHeader>) : null;
  if (!header || header.format !== BACKUP_FORMAT || !Array.isArray(header.migrations)) {
    throw new BackupFileError("its first line is not an Acuback backup header");
  }
  return header as BackupHeader;
}
