/** Reading the TARA CSV files (shared/reference/tara, MIT): CRLF rows, quoted fields with newlines. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";

export const TARA_DIR = process.env.TARA_DIR ?? join(import.meta.dirname, "..", "..", "..", "shared", "reference", "tara");

/** RFC 4180 CSV (quoted fields may hold commas, doubled quotes and newlines), read by csv-parse as the NPPES importer does. */
export function parseCsv(text: string): string[][] {
  // Both line endings in one file: TARA uses CRLF, and hand-edited copies gain LF rows.
  return parse(text, { bom: true, relax_column_count: true, record_delimiter: ["\r\n", "\n"] }) as string[][];
}

/** One CSV file as records keyed by its header; TARA's by default, the needling supplement's with its folder. */
export function readTable(file: string, dir: string = TARA_DIR): Record<string, string>[] {
  const [header, ...rows] = parseCsv(readFileSync(join(dir, file), "utf8"));
  return rows
    .filter((row) => row.some((cell) => cell.trim() !== ""))
    .map((row) => Object.fromEntries(header!.map((name, i) => [name.trim(), (row[i] ?? "").trim()])));
}
