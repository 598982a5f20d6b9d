/**
 * Directory entries by NPI, for the clinic side: referral contacts compare
 * their snapshot with the current entry, and staff NPIs are matched against
 * it. Kept apart from directoryProviders.ts, which belongs to the importer.
 */
import type { Npi } from "../../../domain/directory/npi.ts";
import type { DirectoryProvider, EntityType, TaxonomyLicense } from "../../../domain/directory/provider.ts";
import type { CalendarDate } from "../../../domain/shared/calendarDate.ts";
import type { Queryable } from "../database.ts";
import { isoTimestamp } from "./rows.ts";

interface EntryRow {
  npi: Npi; entity: EntityType; name: string; credential: string | null; license_number: string | null; license_state: string | null;
  primary_taxonomy: boolean; licenses: TaxonomyLicense[] | string; line1: string; line2: string | null; city: string; state: string | null;
  postal_code: string | null; country: string | null; phone: string | null; enumeration_date: CalendarDate | null; last_update_date: CalendarDate | null;
}

/** The current entries of these NPIs; an NPI the directory does not list is absent from the map. */
export async function directoryEntries(q: Queryable, npis: readonly string[]): Promise<Map<string, DirectoryProvider>> {
  if (npis.length === 0) return new Map();
  const rows = await q.query<EntryRow>(
    `select npi, entity, name, credential, license_number, license_state, primary_taxonomy, licenses, line1, line2, city, state,
            postal_code, country, phone, enumeration_date, last_update_date
       from directory_providers where npi = any($1::text[])`,
    [[...new Set(npis)]],
  );
  return new Map(
    rows.map((r) => [
      r.npi,
      {
        npi: r.npi,
        entity: r.entity,
        name: r.name,
        credential: r.credential,
        license: { number: r.license_number, state: r.license_state, primary: r.primary_taxonomy },
        licenses: typeof r.licenses === "string" ? (JSON.parse(r.licenses) as TaxonomyLicense[]) : r.licenses,
        practice: { line1: r.line1, line2: r.line2, city: r.city, state: r.state, postalCode: r.postal_code, country: r.country },
        phone: r.phone,
        enumerationDate: r.enumeration_date,
        lastUpdateDate: r.last_update_date,
      },
    ]),
  );
}

export interface DirectoryImportRecord {
  fileName: string;
  mode: "full" | "weekly";
  finishedAt: string;
  providers: number;
  report: unknown;
}

/** The directory's most recent imports, newest first (the CLI's, the web's and the demo's). */
export async function recentDirectoryImports(q: Queryable, limit: number): Promise<DirectoryImportRecord[]> {
  const rows = await q.query<{ file_name: string; mode: "full" | "weekly"; finished_at: Date | string; providers: number; report: unknown }>(
    "select file_name, mode, finished_at, providers, report from directory_imports order by finished_at desc limit $1",
    [limit],
  );
  return rows.map((r) => ({
    fileName: r.file_name,
    mode: r.mode,
    finishedAt: isoTimestamp(r.finished_at),
    providers: Number(r.providers),
    report: typeof r.report === "string" ? (JSON.parse(r.report) as unknown) : r.report,
  }));
}
