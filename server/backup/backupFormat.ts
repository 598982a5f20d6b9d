/**
 * An Acuback backup is one gzip stream of lines, the same on both engines so a
 * clinic can move from the embedded database to a PostgreSQL server and back
 * (decision 0021):
 *
 *   @{"format":"acuback-backup",…,"migrations":[…]}   what wrote it, and the schema it has
 *   @{"table":"patients","columns":[…]}             then one line per row: the row as JSON (to_jsonb)
 *   @{"tableEnd":"patients","rows":N,"sha256":"…"}  the count and hash a restore must reproduce
 *   @{"sequences":[…]}                               identity counters
 *   @{"complete":true,…}                            written last: a file without it is cut short
 *
 * A row's JSON never holds a raw newline and always starts with "{", so
 * lines starting with "@" are the file's own.
 */
import type { SequenceState } from "./backupCatalogue.ts";

export const BACKUP_FORMAT = "acuback-backup";
export const BACKUP_FORMAT_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  createdAt: string;
  engine: "pglite" | "postgres";
  migrations: string[];
}

export interface TableStart {
  table: string;
  columns: string[];
}

export interface TableEnd {
  tableEnd: string;
  rows: number;
  sha256: string;
}

export interface BackupEnd {
  complete: true;
  tables: number;
  rows: number;
}

export type ControlLine = BackupHeader | TableStart | TableEnd | { sequences: SequenceState[] } | BackupEnd;

export function controlLine(line: ControlLine): string {
  return `@${JSON.stringify(line)}\n`;
}

export function isControlLine(line: string): boolean {
  return line.startsWith("@");
}

export function parseControlLine(line: string, lineNumber: number): ControlLine {
  try {
    return JSON.parse(line.slice(1)) as ControlLine;
  } catch {
    throw new BackupFileError(`line ${lineNumber} is not readable`);
  }
}

/** A file that is not an Acuback backup, or one that is damaged or cut short. */
export class BackupFileError extends Error {
  constructor(problem: string) {
    super(`Not a usable Acuback backup: ${problem}.`);
    this.name = "BackupFileError";
  }
}
