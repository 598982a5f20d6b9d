/**
 * The public directory search: acupuncturists within a radius of a ZIP's
 * centroid (or a point the browser gives), nearest first, each with the
 * steps to verify them. Public data only; nothing here touches a clinic or
 * a patient, and nothing is audited because no patient data is read.
 */
import { bearingDegrees, type LatLon } from "../../domain/directory/distance.ts";
import type { EntityType, TaxonomyLicense } from "../../domain/directory/provider.ts";
import { npiRegistryRecordUrl, stateBoardFor, type StateBoard } from "../../domain/directory/verification.ts";
import type { Database } from "../db/database.ts";
import { directoryStatus, providersNear, type DirectoryStatus } from "../db/repositories/directoryProviders.ts";
import { zipCentroid } from "../directory/zipCentroids.ts";
import { fail, ok, type Outcome } from "../errors.ts";

export interface DirectorySearch {
  /** Five digits; or `near` instead. */
  zip?: string;
  near?: LatLon;
  radiusMiles: number;
  entity?: EntityType;
  name?: string;
  limit: number;
  offset: number;
}

export interface DirectoryResult {
  npi: string;
  entity: EntityType;
  name: string;
  credential: string | null;
  license: TaxonomyLicense;
  licenses: TaxonomyLicense[];
  address: { line1: string; line2: string | null; city: string; state: string | null; postalCode: string | null };
  phone: string | null;
  miles: number;
  /** Compass bearing from the search centre, for the distance map. */
  bearing: number;
  locationApproximate: boolean;
  lastUpdateDate: string | null;
  registryUrl: string;
  stateBoard: StateBoard;
}

export interface DirectoryAnswer {
  centre: LatLon & { zip: string | null };
  radiusMiles: number;
  total: number;
  results: DirectoryResult[];
  directory: DirectoryStatus;
}

export async function searchDirectory(db: Database, search: DirectorySearch): Promise<Outcome<DirectoryAnswer>> {
  const centre = search.zip ? zipCentroid(search.zip) : (search.near ?? null);
  if (!centre) {
    return fail("ZIP_UNKNOWN", search.zip ? `No location is known for ZIP ${search.zip} (US Census ZIP areas only; PO-box ZIPs have none: try the ZIP where you live).` : "Give a ZIP or a location.", { zip: "Unknown ZIP" });
  }
  const [found, status] = await Promise.all([
    providersNear(db, {
      centre,
      radiusMiles: search.radiusMiles,
      limit: search.limit,
      offset: search.offset,
      ...(search.entity && { entity: search.entity }),
      ...(search.name && { name: search.name }),
    }),
    directoryStatus(db),
  ]);
  return ok({
    centre: { ...centre, zip: search.zip ?? null },
    radiusMiles: search.radiusMiles,
    total: found.total,
    directory: status,
    results: found.results.map(({ provider: p, miles, at, locationApproximate }) => ({
      npi: p.npi,
      entity: p.entity,
      name: p.name,
      credential: p.credential,
      license: p.license,
      licenses: p.licenses,
      address: { line1: p.practice.line1, line2: p.practice.line2, city: p.practice.city, state: p.practice.state, postalCode: p.practice.postalCode },
      phone: p.phone,
      miles: Math.round(miles * 10) / 10,
      bearing: Math.round(bearingDegrees(centre, at)),
      locationApproximate,
      lastUpdateDate: p.lastUpdateDate,
      registryUrl: npiRegistryRecordUrl(p.npi),
      stateBoard: stateBoardFor(p.license.state ?? p.practice.state),
    })),
  });
}
