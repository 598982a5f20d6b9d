/**
 * The pl_pfile pass of `acuback import nppes`: secondary practice locations of
 * providers already in the directory (acupuncturists only; rows of any other
 * NPI are skipped and counted). Each import of a pl_pfile replaces the listed
 * providers' locations; a full (monthly) pl_pfile also clears the locations
 * of providers it no longer lists. Runs inside the importer's transaction.
 * The rows of a provider need not be next to each other: the kept rows (a
 * few per acupuncturist at most, bounded by the directory) are collected and
 * written at the end.
 */
import { findSecondaryLocationColumns, readSecondaryLocationRow } from "../../../domain/directory/secondaryLocations.ts";
import { zip5 } from "../../../domain/directory/provider.ts";
import type { Queryable } from "../../db/database.ts";
import { replaceSecondaryLocations, type PlacedLocation } from "../../db/repositories/directorySecondaryLocations.ts";
import { placeZip } from "../../directory/zipCentroids.ts";
import { parseLine } from "./csvLine.ts";
import type { CandidateLine } from "./lineScanner.ts";

export interface SecondaryLocationReport {
  file: string;
  rowsRead: number;
  /** Locations stored, for `providers` providers. */
  locations: number;
  providers: number;
  /** Rows whose NPI is not in the directory (not an acupuncturist, or not imported yet). */
  unknownNpi: number;
  /** Providers whose locations were removed because a full file no longer lists any for them. */
  cleared: number;
  locationApproximate: number;
  malformed: number;
}

export async function importSecondaryLocations(
  tx: Queryable,
  header: readonly string[],
  lines: AsyncIterable<CandidateLine>,
  options: {
    file: string;
    full: boolean;
    /** NPIs in the directory now. */
    known: ReadonlySet<string>;
    /** Lines read so far, once the lines are exhausted (the scan counts every line, not only the candidates). */
    linesRead: () => number;
    malformed: (line: number, reason: string) => void;
  },
): Promise<{ ok: true; report: SecondaryLocationReport } | { ok: false; missing: string[] }> {
  const lookup = findSecondaryLocationColumns(header);
  if (!lookup.ok) return lookup;
  const kept: PlacedLocation[] = [];
  const positions = new Map<string, number>();
  let malformed = 0;
  let approximate = 0;
  for await (const line of lines) {
    const fields = parseLine(line.bytes);
    const row = typeof fields === "string" ? { kind: "malformed" as const, reason: fields } : readSecondaryLocationRow(fields, lookup.columns);
    if (row.kind === "malformed") {
      malformed++;
      options.malformed(line.lineNumber, row.reason);
      continue;
    }
    if (!options.known.has(row.npi)) continue;
    const position = (positions.get(row.npi) ?? 0) + 1;
    positions.set(row.npi, position);
    const where = placeZip(zip5(row.location.postalCode));
    if (where.approximate) approximate++;
    kept.push({ npi: row.npi, position, location: row.location, at: where.at, locationApproximate: where.approximate });
  }
  const listed = [...positions.keys()];
  const cleared = await replaceSecondaryLocations(tx, listed, kept, { everyoneElse: options.full });
  const rowsRead = Math.max(0, options.linesRead() - 1);
  return {
    ok: true,
    report: {
      file: options.file,
      rowsRead,
      locations: kept.length,
      providers: listed.length,
      unknownNpi: rowsRead - kept.length - malformed,
      cleared,
      locationApproximate: approximate,
      malformed,
    },
  };
}
