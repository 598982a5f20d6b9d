/**
 * One NPPES line into its fields. CMS quotes every value and replaces quotes
 * inside values with single quotes (README of the data dissemination file),
 * so a row in that exact form splits on `","` with no ambiguity. The
 * benchmark showed csv-parse at ~60–110 µs a row, most of the time left after
 * the byte scan; rows in CMS's exact form take the split, and anything else
 * (a stray quote, an unquoted field, a BOM) goes to csv-parse, which reads it
 * or says why it cannot. Used for npidata_pfile and pl_pfile alike.
 */
import { parse } from "csv-parse/sync";

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
