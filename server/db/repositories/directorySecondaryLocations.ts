/**
 * Secondary practice locations of directory providers (migration 0019), from
 * CMS's pl_pfile. Written only by the NPPES importer; read by the search.
 * National public data: no clinic scope, nothing audited.
 */
import type { LatLon } from "../../../domain/directory/distance.ts";
import type { SecondaryLocation } from "../../../domain/directory/secondaryLocations.ts";
import type { Queryable } from "../database.ts";

export interface PlacedLocation {
  npi: string;
  /** 1-based order among the NPI's rows in the file. */
  position: number;
  location: SecondaryLocation;
  at: LatLon | null;
  locationApproximate: boolean;
}

export interface StoredSecondaryLocation extends SecondaryLocation {
  position: number;
  at: LatLon | null;
  locationApproximate: boolean;
}

/**
 * Replaces the secondary locations of the given NPIs with `rows` (all of
 * them, or none: `npis` is "every provider the file lists"). With
 * `everyoneElse`, providers the file does not list lose theirs too (a full
 * file). Returns how many providers lost locations without getting new ones.
 */
export async function replaceSecondaryLocations(
  q: Queryable,
  npis: readonly string[],
  rows: readonly PlacedLocation[],
  options: { everyoneElse: boolean },
): Promise<number> {
  const [cleared] = await q.query<{ providers: number }>(
    `with gone as (
       delete from directory_secondary_locations where ${options.everyoneElse ? "true" : "npi = any($1::text[])"} returning npi
     )
     select count(distinct npi)::int as providers from gone where not (npi = any($1::text[]))`,
    [npis],
  );
  for (let i = 0; i < rows.length; i += 1000) {
    const batch = rows.slice(i, i + 1000).map(({ npi, position, location: l, at, locationApproximate }) => ({
      npi, position, line1: l.line1, line2: l.line2, city: l.city, state: l.state, postal_code: l.postalCode, country: l.country, phone: l.phone,
      latitude: at?.latitude ?? null, longitude: at?.longitude ?? null, location_approximate: locationApproximate,
    }));
    await q.query(
      `insert into directory_secondary_locations (npi, position, line1, line2, city, state, postal_code, country, phone, latitude, longitude, location_approximate)
       select npi, position, line1, line2, city, state, postal_code, country, phone, latitude, longitude, location_approximate
       from jsonb_to_recordset($1::jsonb) as batch(npi text, position integer, line1 text, line2 text, city text, state text, postal_code text,
         country text, phone text, latitude double precision, longitude double precision, location_approximate boolean)`,
      [JSON.stringify(batch)],
    );
  }
  return Number(cleared?.providers ?? 0);
}

/** Each NPI's secondary locations in file order. */
export async function secondaryLocationsOf(q: Queryable, npis: readonly string[]): Promise<Map<string, StoredSecondaryLocation[]>> {
  const found = new Map<string, StoredSecondaryLocation[]>();
  if (npis.length === 0) return found;
  const rows = await q.query<{
    npi: string; position: number; line1: string; line2: string | null; city: string; state: string | null; postal_code: string | null;
    country: string | null; phone: string | null; latitude: number | null; longitude: number | null; location_approximate: boolean;
  }>("select * from directory_secondary_locations where npi = any($1::text[]) order by npi, position", [npis]);
  for (const r of rows) {
    const list = found.get(r.npi) ?? [];
    list.push({
      position: Number(r.position), line1: r.line1, line2: r.line2, city: r.city, state: r.state, postalCode: r.postal_code, country: r.country, phone: r.phone,
      at: r.latitude === null || r.longitude === null ? null : { latitude: Number(r.latitude), longitude: Number(r.longitude) },
      locationApproximate: r.location_approximate,
    });
    found.set(r.npi, list);
  }
  return found;
}
