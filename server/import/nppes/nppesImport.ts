/**
 * `acuback import nppes`: reads an NPPES provider file into the directory in
 * one transaction, so an interrupted or failed import leaves the previous
 * directory exactly as it was. Memory stays flat: lines stream through the
 * byte scanner, and only candidate rows are parsed (csv-parse) and written in
 * batches. Rules (shared/reference/nppes/README.md): keep records with
 * 171100000X in any of the 15 slots; remove deactivated NPIs unless
 * reactivated; a record replaces the stored one only when its Last Update Date
 * is not older; a full (monthly) file also removes providers it no longer lists.
 */
import { createHash } from "node:crypto";
import { availableParallelism } from "node:os";
import { parse } from "csv-parse/sync";
import { ACUPUNCTURIST_TAXONOMY, findNppesColumns, type NppesColumns } from "../../../domain/directory/nppesColumns.ts";
import { readNppesRow } from "../../../domain/directory/nppesRecord.ts";
import { zip5, type DirectoryProvider } from "../../../domain/directory/provider.ts";
import type { Database, Queryable } from "../../db/database.ts";
import { deleteProviders, insertNewProviders, recordImport, storedRecords, upsertProviders, type PlacedProvider } from "../../db/repositories/directoryProviders.ts";
import { placeZip } from "../../directory/zipCentroids.ts";
import { fail, ok, type Outcome } from "../../errors.ts";
import { candidateLines, candidateLinesInWorkers, type ScanProgress } from "./lineScanner.ts";
import type { NppesSource } from "./nppesSource.ts";

/** The scan workers' read size (bench/README.md: measured against 256 KiB–16 MiB). */
const SCAN_CHUNK = 1 << 20;

export type ImportMode = "full" | "weekly";

/** The monthly full-replacement file is npidata_pfile_20050523-YYYYMMDD.csv: it starts at NPPES's first day. */
export function modeOfFileName(name: string): ImportMode {
  return /npidata_pfile_20050523-\d{8}/i.test(name) ? "full" : "weekly";
}

export interface MalformedRow {
  line: number;
  reason: string;
}

export interface NppesImportReport {
  file: string;
  mode: ImportMode;
  bytesRead: number;
  rowsRead: number;
  /** Rows carrying 171100000X in any slot. */
  matched: number;
  imported: number;
  updated: number;
  removed: number;
  skipped: { unchanged: number; olderThanStored: number; deactivated: number };
  removedBy: { deactivated: number; taxonomyDropped: number; absentFromFullFile: number };
  locationApproximate: number;
  malformed: { count: number; rows: MalformedRow[] };
  seconds: number;
}

export interface ImportProgress extends ScanProgress {
  totalBytes: number;
  elapsedMs: number;
}

// Rows per write: larger batches made no measured difference with COPY (500 vs 5,000).
const BATCH = 1000;
/** Enough line numbers to find the damage; the count says how many more. */
const MALFORMED_LISTED = 100;

/**
 * CMS quotes every value and replaces quotes inside values with single quotes
 * (README of the data dissemination file), so a row in that exact form splits
 * on `","` with no ambiguity. The benchmark showed csv-parse at ~60–110 µs a
 * row, most of the time left after the byte scan; rows in CMS's exact form
 * take the split, and anything else (a stray quote, an unquoted field, a BOM)
 * goes to csv-parse, which reads it or says why it cannot.
 */
export function parseLine(bytes: Buffer): string[] | string {
  const text = bytes.toString("utf8");
  if (text.length >= 2 && text.charCodeAt(0) === 0x22 && text.charCodeAt(text.length - 1) === 0x22) {
    const fields = text.slice(1, -1).split('","');
    if (!fields.some((field) => field.includes('"'))) return fields;
  }
  try {
    // The delimiter is given: csv-parse otherwise searches for one on every call, 7× the parse itself.
    const records = parse(bytes, { relax_column_count: true, bom: true, record_delimiter: "\n" }) as string[][];
    if (records.length !== 1) return `${records.length} records on one line`;
    return records[0]!;
  } catch (error) {
    return `not valid CSV (${(error as { code?: string }).code ?? (error as Error).message})`;
  }
}

function place(provider: DirectoryProvider): PlacedProvider {
  const where = placeZip(zip5(provider.practice.postalCode));
  return { provider, at: where.at, locationApproximate: where.approximate, recordHash: createHash("sha256").update(JSON.stringify(provider)).digest("base64url") };
}

export async function importNppes(
  db: Database,
  source: NppesSource,
  options: {
    mode?: ImportMode;
    onProgress?: (progress: ImportProgress) => void;
    /** Scan threads for a plain file (default: one per core, at most two); 0 scans in this thread. */
    scanThreads?: number;
  } = {},
): Promise<Outcome<NppesImportReport>> {
  const started = Date.now();
  const mode = options.mode ?? modeOfFileName(source.name);
  const report: NppesImportReport = {
    file: source.name, mode, bytesRead: 0, rowsRead: 0, matched: 0, imported: 0, updated: 0, removed: 0,
    skipped: { unchanged: 0, olderThanStored: 0, deactivated: 0 },
    removedBy: { deactivated: 0, taxonomyDropped: 0, absentFromFullFile: 0 },
    locationApproximate: 0, malformed: { count: 0, rows: [] }, seconds: 0,
  };
  const progress: ScanProgress = { bytesRead: 0, linesRead: 0 };
  let lastProgress = 0;
  const tick = () => {
    if (!options.onProgress || Date.now() - lastProgress < 200) return;
    lastProgress = Date.now();
    options.onProgress({ ...progress, totalBytes: source.size, elapsedMs: lastProgress - started });
  };

  try {
    return await db.transaction(async (tx) => {
      const stored = await storedRecords(tx);
      const watched = new Set<number>([...stored.keys()].map(Number));
      const seen = new Set<string>();
      const pending = new Map<string, PlacedProvider>();
      const removals: string[] = [];
      let columns: NppesColumns | null = null;

      // NPIs with a row in the table now: new ones go in by the bulk insert, the rest by the upsert.
      const inTable = new Set(stored.keys());
      const flush = async (q: Queryable) => {
        // Removals first, so a provider removed and then listed again within one batch stays.
        const removed = removals.splice(0);
        await deleteProviders(q, removed);
        for (const npi of removed) inTable.delete(npi);
        const fresh: PlacedProvider[] = [];
        const changed: PlacedProvider[] = [];
        for (const placed of pending.values()) (inTable.has(placed.provider.npi) ? changed : fresh).push(placed);
        pending.clear();
        await insertNewProviders(q, fresh);
        await upsertProviders(q, changed);
        for (const placed of fresh) inTable.add(placed.provider.npi);
      };
      const malformed = (line: number, reason: string) => {
        report.malformed.count++;
        if (report.malformed.rows.length < MALFORMED_LISTED) report.malformed.rows.push({ line, reason });
      };
      const remove = (npi: string, why: keyof NppesImportReport["removedBy"]) => {
        if (!stored.has(npi)) return false;
        stored.delete(npi);
        pending.delete(npi);
        removals.push(npi);
        report.removedBy[why]++;
        return true;
      };

      const scan = { code: ACUPUNCTURIST_TAXONOMY, watched, progress };
      // A plain file is scanned in byte ranges on the other cores while this one parses and writes; a zip streams through here.
      const threads = options.scanThreads ?? Math.min(2, availableParallelism());
      const inWorkers = source.path !== undefined && threads > 0;
      if (inWorkers) source.stream.destroy();
      const lines = inWorkers ? candidateLinesInWorkers(source.path!, source.size, { ...scan, chunkBytes: SCAN_CHUNK, threads }) : candidateLines(source.stream, scan);
      for await (const line of lines) {
        if (line.lineNumber === 1) {
          const header = parseLine(line.bytes);
          const lookup = typeof header === "string" ? { ok: false as const, missing: [`a CSV header (${header})`] } : findNppesColumns(header);
          if (!lookup.ok) {
            source.stream.destroy();
            return fail("NPPES_FILE_NOT_RECOGNISED", `${source.name} is not an NPPES provider file: missing ${lookup.missing.slice(0, 6).join("; ")}${lookup.missing.length > 6 ? `; and ${lookup.missing.length - 6} more` : ""}.`);
          }
          columns = lookup.columns;
          continue;
        }
        if (line.hasCode) report.matched++;
        const fields = parseLine(line.bytes);
        const row = typeof fields === "string" ? { kind: "malformed" as const, reason: fields } : readNppesRow(fields, columns!);
        if (row.kind === "malformed") {
          malformed(line.lineNumber, row.reason);
          continue;
        }
        if (row.kind === "deactivated") {
          if (!remove(row.npi, "deactivated")) report.skipped.deactivated++;
        } else if (row.kind === "not-acupuncturist") {
          remove(row.npi, "taxonomyDropped");
        } else {
          const placed = place(row.provider);
          const { npi, lastUpdateDate } = row.provider;
          seen.add(npi);
          const before = stored.get(npi);
          if (before && before.lastUpdateDate && (!lastUpdateDate || lastUpdateDate < before.lastUpdateDate)) report.skipped.olderThanStored++;
          else if (before && before.recordHash === placed.recordHash) report.skipped.unchanged++;
          else {
            if (before) report.updated++;
            else report.imported++;
            if (placed.locationApproximate) report.locationApproximate++;
            stored.set(npi, { lastUpdateDate, recordHash: placed.recordHash });
            pending.set(npi, placed);
          }
        }
        if (pending.size + removals.length >= BATCH) await flush(tx);
        tick();
      }
      if (!columns) return fail("NPPES_FILE_NOT_RECOGNISED", `${source.name} is empty.`);
      if (mode === "full") for (const npi of [...stored.keys()]) if (!seen.has(npi)) remove(npi, "absentFromFullFile");
      await flush(tx);
      report.removed = report.removedBy.deactivated + report.removedBy.taxonomyDropped + report.removedBy.absentFromFullFile;
      report.bytesRead = progress.bytesRead;
      report.rowsRead = Math.max(0, progress.linesRead - 1);
      report.seconds = (Date.now() - started) / 1000;
      await recordImport(tx, { fileName: source.name, mode, report });
      options.onProgress?.({ ...progress, totalBytes: source.size, elapsedMs: Date.now() - started });
      return ok(report);
    });
  } finally {
    source.stream.destroy();
  }
}
