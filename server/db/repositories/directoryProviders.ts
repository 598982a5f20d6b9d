/**
 * The public directory's providers (migration 0015). Written only by the NPPES
 * importer; read by the distance search. No clinic scope: national public data.
 */
import type { LatLon } from "../../../domain/directory/distance.ts";
import { EARTH_RADIUS_MILES, boundingBox } from "../../../domain/directory/distance.ts";
import type { Npi } from "../../../domain/directory/npi.ts";
import type { DirectoryProvider, EntityType, TaxonomyLicense } from "../../../domain/directory/provider.ts";
import type { CalendarDate } from "../../../domain/shared/calendarDate.ts";
import type { Queryable } from "../database.ts";
import { isoTimestamp } from "./rows.ts";

export interface PlacedProvider {
  provider: DirectoryProvider;
  at: LatLon | null;
  locationApproximate: boolean;
  recordHash: string;
}

export interface StoredRecord {
  lastUpdateDate: CalendarDate | null;
  recordHash: string;
}

/** What the importer compares against: every stored NPI with its last-update date and hash. */
export async function storedRecords(q: Queryable): Promise<Map<string, StoredRecord>> {
  const rows = await q.query<{ npi: string; last_update_date: CalendarDate | null; record_hash: string }>(
    "select npi, last_update_date, record_hash from directory_providers",
  );
  return new Map(rows.map((r) => [r.npi, { lastUpdateDate: r.last_update_date, recordHash: r.record_hash }]));
}

/** Each written column with its SQL type, for reading the batch back out of one JSON parameter. */
const WRITE_COLUMNS = {
  npi: "text", entity: "text", name: "text", credential: "text", license_number: "text", license_state: "text", primary_taxonomy: "boolean",
  licenses: "jsonb", line1: "text", line2: "text", city: "text", state: "text", postal_code: "text", country: "text", phone: "text",
  enumeration_date: "date", last_update_date: "date", latitude: "double precision", longitude: "double precision",
  location_approximate: "boolean", record_hash: "text",
} as const;
const COLUMN_NAMES = Object.keys(WRITE_COLUMNS).join(", ");

function columnValues({ provider: p, at, locationApproximate, recordHash }: PlacedProvider): Record<keyof typeof WRITE_COLUMNS, unknown> {
  return {
    npi: p.npi, entity: p.entity, name: p.name, credential: p.credential, license_number: p.license.number, license_state: p.license.state,
    primary_taxonomy: p.license.primary, licenses: p.licenses, line1: p.practice.line1, line2: p.practice.line2, city: p.practice.city,
    state: p.practice.state, postal_code: p.practice.postalCode, country: p.practice.country, phone: p.phone, enumeration_date: p.enumerationDate,
    last_update_date: p.lastUpdateDate, latitude: at?.latitude ?? null, longitude: at?.longitude ?? null, location_approximate: locationApproximate,
    record_hash: recordHash,
  };
}

/**
 * Inserts or replaces each provider by NPI, in one statement (the caller
 * decides what changed). The batch travels as one JSON parameter that the
 * server unpacks with jsonb_to_recordset: on PGlite, binding ten thousand
 * separate parameters cost several times the insert itself.
 */
export async function upsertProviders(q: Queryable, rows: readonly PlacedProvider[]): Promise<void> {
  if (rows.length === 0) return;
  const shape = Object.entries(WRITE_COLUMNS).map(([name, type]) => `${name} ${type}`).join(", ");
  const updates = Object.keys(WRITE_COLUMNS).filter((c) => c !== "npi").map((c) => `${c} = excluded.${c}`).join(", ");
  await q.query(
    `insert into directory_providers (${COLUMN_NAMES})
     select ${COLUMN_NAMES} from jsonb_to_recordset($1::jsonb) as batch(${shape})
     on conflict (npi) do update set ${updates}`,
    [JSON.stringify(rows.map(columnValues))],
  );
}

/** A CSV cell for COPY: quoted with quotes doubled; unquoted empty is NULL. */
function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "object" ? JSON.stringify(value) : String(value);
  return `"${text.replaceAll('"', '""')}"`;
}

/**
 * Inserts providers the caller knows are not stored yet (a first import is
 * all of them). On PGlite one COPY from memory: 27,000 rows took ~0.8 s
 * against 1.2–1.9 s through the JSON upsert (bench/README.md). Elsewhere the
 * upsert does it.
 */
export async function insertNewProviders(q: Queryable, rows: readonly PlacedProvider[]): Promise<void> {
  if (rows.length === 0) return;
  if (!q.copyFrom) return upsertProviders(q, rows);
  const names = Object.keys(WRITE_COLUMNS) as (keyof typeof WRITE_COLUMNS)[];
  const csv = rows.map((row) => {
    const values = columnValues(row);
    return names.map((name) => csvCell(values[name])).join(",");
  }).join("\n");
  await q.copyFrom(`copy directory_providers (${COLUMN_NAMES}) from '/dev/blob' with (format csv)`, csv);
}

export async function deleteProviders(q: Queryable, npis: readonly string[]): Promise<void> {
  if (npis.length) await q.query("delete from directory_providers where npi = any($1::text[])", [npis]);
}

export async function recordImport(q: Queryable, entry: { fileName: string; mode: "full" | "weekly"; report: unknown }): Promise<void> {
  await q.query(
    "insert into directory_imports (file_name, mode, providers, report) values ($1, $2, (select count(*) from directory_providers), $3)",
    [entry.fileName, entry.mode, JSON.stringify(entry.report)],
  );
}

export interface DirectoryStatus {
  providers: number;
  lastImport: { fileName: string; finishedAt: string } | null;
}

/** Read from the last import's record: counting 60,000 rows on every search cost more than the search. */
export async function directoryStatus(q: Queryable): Promise<DirectoryStatus> {
  const [last] = await q.query<{ file_name: string; finished_at: Date; providers: number }>(
    "select file_name, finished_at, providers from directory_imports order by finished_at desc limit 1",
  );
  return { providers: last ? Number(last.providers) : 0, lastImport: last ? { fileName: last.file_name, finishedAt: isoTimestamp(last.finished_at) } : null };
}

export interface DistanceQuery {
  centre: LatLon;
  radiusMiles: number;
  entity?: EntityType;
  /** Words that must all appear in the name (case-insensitive). */
  name?: string;
  limit: number;
  offset: number;
}

export interface ProviderAtDistance {
  provider: DirectoryProvider;
  /** Distance of the matched location. */
  miles: number;
  /** Where the matched location is. */
  at: LatLon;
  /** Where the main practice address is (null: not placed). */
  practiceAt: LatLon | null;
  /** null: matched by the main practice address; else the position of the secondary location that matched. */
  matched: number | null;
  /** Of the main practice address. */
  locationApproximate: boolean;
}

interface SearchRow {
  npi: Npi; entity: EntityType; name: string; credential: string | null; license_number: string | null; license_state: string | null;
  primary_taxonomy: boolean; licenses: TaxonomyLicense[] | string; line1: string; line2: string | null; city: string; state: string | null;
  postal_code: string | null; country: string | null; phone: string | null; enumeration_date: CalendarDate | null; last_update_date: CalendarDate | null;
  latitude: number | null; longitude: number | null; location_approximate: boolean; miles: number; total: number;
  matched: number | null; at_latitude: number; at_longitude: number;
}

/**
 * Providers with a practice location within the radius, nearest first (then
 * by name, then NPI, so pages are stable). A provider matches by the main
 * practice address or by any secondary location (migration 0019); `matched`
 * says which (null: the main address, else the secondary location's position)
 * and `miles` is that location's distance. The indexes narrow each table to
 * the bounding box; the haversine formula (as in domain/directory/distance.ts)
 * decides.
 */
export async function providersNear(q: Queryable, query: DistanceQuery): Promise<{ total: number; results: ProviderAtDistance[] }> {
  const box = boundingBox(query.centre, query.radiusMiles);
  const params: unknown[] = [query.centre.latitude, query.centre.longitude, box.minLat, box.maxLat, box.minLon, box.maxLon, query.radiusMiles];
  const filters: string[] = [];
  if (query.entity) filters.push(`p.entity = $${params.push(query.entity)}`);
  for (const word of (query.name ?? "").toLowerCase().split(/\s+/).filter(Boolean).slice(0, 5)) {
    filters.push(`lower(p.name) like $${params.push(`%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
  }
  params.push(query.limit, query.offset);
  const miles = `${EARTH_RADIUS_MILES} * 2 * asin(least(1, sqrt(
      power(sin(radians(latitude - $1) / 2), 2) + cos(radians($1)) * cos(radians(latitude)) * power(sin(radians(longitude - $2) / 2), 2)
    )))`;
  const inBox = "latitude between $3 and $4 and longitude between $5 and $6";
  const rows = await q.query<SearchRow>(
    `with places as (
       select npi, null::integer as matched, latitude, longitude, ${miles} as miles from directory_providers where ${inBox}
       union all
       select npi, position, latitude, longitude, ${miles} from directory_secondary_locations where ${inBox}
     ), nearest as (
       select distinct on (npi) npi, matched, latitude as at_latitude, longitude as at_longitude, miles
       from places where miles <= $7
       order by npi, miles, matched nulls first
     )
     select p.*, n.matched, n.at_latitude, n.at_longitude, n.miles, count(*) over ()::int as total
     from nearest n join directory_providers p on p.npi = n.npi
     ${filters.length ? `where ${filters.join(" and ")}` : ""}
     order by n.miles, p.name, p.npi
     limit $${params.length - 1} offset $${params.length}`,
    params,
  );
  return {
    total: rows[0] ? Number(rows[0].total) : 0,
    results: rows.map((r) => ({
      provider: {
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
      miles: Number(r.miles),
      at: { latitude: Number(r.at_latitude), longitude: Number(r.at_longitude) },
      practiceAt: r.latitude === null || r.longitude === null ? null : { latitude: Number(r.latitude), longitude: Number(r.longitude) },
      matched: r.matched === null ? null : Number(r.matched),
      locationApproximate: r.location_approximate,
    })),
  };
}
