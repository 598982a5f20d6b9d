/** Reading the TARA CSV files (shared/reference/tara, MIT): CRLF rows, quoted fields with newlines. */
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const TARA_DIR = process.env.TARA_DIR ?? join(import.meta.dirname, "..", "..", "..", "shared", "reference", "tara");

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and newlines. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** One CSV file as records keyed by its header; TARA's by default, the needling supplement's with its folder. */
export function readTable(file: string, dir: string = TARA_DIR): Record<string, string>[] {
  const [header, ...rows] = parseCsv(readFileSync(join(dir, file), "utf8").replace(/^\uFEFF/, ""));
  return rows
    .filter((row) => row.some((cell) => cell.trim() !== ""))
    .map((row) => Object.fromEntries(header!.map((name, i) => [name.trim(), (row[i] ?? "").trim()])));
}
