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
import { ACUPUNCTURIST_TAXONOMY, findNppesColumns, type NppesColumns } from "../../../domain/directory/nppesColumns.ts";
import { readNppesRow } from "../../../domain/directory/nppesRecord.ts";
import { zip5, type DirectoryProvider } from "../../../domain/directory/provider.ts";
import type { Database, Queryable } from "../../db/database.ts";
import { deleteProviders, insertNewProviders, recordImport, storedRecords, upsertProviders, type PlacedProvider } from "../../db/repositories/directoryProviders.ts";
import { placeZip } from "../../directory/zipCentroids.ts";
import { fail, ok, type Outcome } from "../../errors.ts";
import { candidateLines, candidateLinesInWorkers, type ScanProgress } from "./lineScanner.ts";
import { parseLine } from "./csvLine.ts";
import type { NppesSource } from "./nppesSource.ts";
import { importSecondaryLocations, type SecondaryLocationReport } from "./secondaryLocationImport.ts";
import { isSecondaryLocationHeader } from "../../../domain/directory/secondaryLocations.ts";

/** The scan workers' read size (bench/README.md: measured against 256 KiB–16 MiB). */
const SCAN_CHUNK = 1 << 20;

export type ImportMode = "full" | "weekly";

/**
 * The monthly full-replacement files are npidata_pfile_20050523-YYYYMMDD.csv
 * and pl_pfile_20050523-YYYYMMDD.csv: they start at NPPES's first day.
 */
export function modeOfFileName(name: string): ImportMode {
  return /(npidata|pl)_pfile_20050523-\d{8}/i.test(name) ? "full" : "weekly";
}

export interface MalformedRow {
  line: number;
  reason: string;
  /** Set for rows of the pl_pfile read after a zip's provider file. */
  file?: string;
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
  /** The pl_pfile's pass: the file itself, or the one in a monthly zip; null when none was read. */
  secondaryLocations: SecondaryLocationReport | null;
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

export { parseLine };

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
    locationApproximate: 0, malformed: { count: 0, rows: [] }, secondaryLocations: null, seconds: 0,
  };
  const progress: ScanProgress = { bytesRead: 0, linesRead: 0 };
  let lastProgress = 0;
  const tick = () => {
    if (!options.onProgress || Date.now() - lastProgress < 200) return;
    lastProgress = Date.now();
    options.onProgress({ ...progress, totalBytes: source.size, elapsedMs: lastProgress - started });
  };

  const finish = async (tx: Queryable) => {
    report.bytesRead = progress.bytesRead;
    report.seconds = (Date.now() - started) / 1000;
    await recordImport(tx, { fileName: source.name, mode, report });
    options.onProgress?.({ ...progress, totalBytes: source.size, elapsedMs: Date.now() - started });
    return ok(report);
  };

  try {
    return await db.transaction(async (tx) => {
      const stored = await storedRecords(tx);
      const watched = new Set<number>([...stored.keys()].map(Number));
      const seen = new Set<string>();
      const pending = new Map<string, PlacedProvider>();
      const removals: string[] = [];

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
      const malformed = (line: number, reason: string, file?: string) => {
        report.malformed.count++;
        if (report.malformed.rows.length < MALFORMED_LISTED) report.malformed.rows.push({ line, reason, ...(file && { file }) });
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
      const rest = lines[Symbol.asyncIterator]();
      const first = await rest.next();
      if (first.done) return fail("NPPES_FILE_NOT_RECOGNISED", `${source.name} is empty.`);
      const header = parseLine(first.value.bytes);
      if (typeof header !== "string" && isSecondaryLocationHeader(header)) {
        // A pl_pfile on its own: secondary locations of the providers stored now.
        const pass = await importSecondaryLocations(tx, header, { [Symbol.asyncIterator]: () => rest }, {
          file: source.name, full: mode === "full", known: new Set(stored.keys()), linesRead: () => progress.linesRead, malformed: (line, reason) => malformed(line, reason),
        });
        if (!pass.ok) return fail("NPPES_FILE_NOT_RECOGNISED", `${source.name} is not an NPPES secondary practice location file: missing ${pass.missing.join("; ")}.`);
        report.secondaryLocations = pass.report;
        report.rowsRead = pass.report.rowsRead;
        return finish(tx);
      }
      const lookup = typeof header === "string" ? { ok: false as const, missing: [`a CSV header (${header})`] } : findNppesColumns(header);
      if (!lookup.ok) {
        source.stream.destroy();
        return fail("NPPES_FILE_NOT_RECOGNISED", `${source.name} is not an NPPES provider file: missing ${lookup.missing.slice(0, 6).join("; ")}${lookup.missing.length > 6 ? `; and ${lookup.missing.length - 6} more` : ""}.`);
      }
      const columns: NppesColumns = lookup.columns;
      for await (const line of { [Symbol.asyncIterator]: () => rest }) {
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
      if (mode === "full") for (const npi of [...stored.keys()]) if (!seen.has(npi)) remove(npi, "absentFromFullFile");
      await flush(tx);
      report.removed = report.removedBy.deactivated + report.removedBy.taxonomyDropped + report.removedBy.absentFromFullFile;
      report.rowsRead = Math.max(0, progress.linesRead - 1);
      // A monthly zip also carries the pl_pfile: read it now, for the providers just stored, in the same transaction.
      const companion = await source.secondaryLocations?.();
      if (companion) {
        const plProgress: ScanProgress = { bytesRead: 0, linesRead: 0 };
        const plLines = candidateLines(companion.stream, { code: ACUPUNCTURIST_TAXONOMY, watched: new Set([...stored.keys()].map(Number)), progress: plProgress })[Symbol.asyncIterator]();
        const plFirst = await plLines.next();
        const plHeader = plFirst.done ? "an empty file" : parseLine(plFirst.value.bytes);
        const pass = typeof plHeader === "string" ? { ok: false as const, missing: [`a CSV header (${plHeader})`] } : await importSecondaryLocations(tx, plHeader, { [Symbol.asyncIterator]: () => plLines }, {
          file: companion.name, full: mode === "full", known: new Set(stored.keys()), linesRead: () => plProgress.linesRead, malformed: (line, reason) => malformed(line, reason, companion.name),
        });
        companion.stream.destroy();
        if (!pass.ok) return fail("NPPES_FILE_NOT_RECOGNISED", `${companion.name} in the zip is not an NPPES secondary practice location file: missing ${pass.missing.join("; ")}.`);
        report.secondaryLocations = pass.report;
      }
      return finish(tx);
    });
  } finally {
    source.stream.destroy();
  }
}
