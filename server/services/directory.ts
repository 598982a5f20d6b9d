/**
 * The public directory search: acupuncturists within a radius of a ZIP's
 * centroid (or a point the browser gives), nearest first, each with the
 * steps to verify them. Public data only; nothing here touches a clinic or
 * a patient, and nothing is audited because no patient data is read.
 */
import { bearingDegrees, greatCircleMiles, type LatLon } from "../../domain/directory/distance.ts";
import type { EntityType, TaxonomyLicense } from "../../domain/directory/provider.ts";
import { npiRegistryRecordUrl, stateBoardFor, type StateBoard } from "../../domain/directory/verification.ts";
import type { Database } from "../db/database.ts";
import { directoryStatus, providersNear, type DirectoryStatus } from "../db/repositories/directoryProviders.ts";
import { secondaryLocationsOf } from "../db/repositories/directorySecondaryLocations.ts";
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

export interface ResultAddress {
  line1: string;
  line2: string | null;
  city: string;
  state: string | null;
  postalCode: string | null;
}

/** A secondary practice location (pl_pfile), with its own distance from the search centre. */
export interface SecondaryLocationResult {
  address: ResultAddress;
  phone: string | null;
  /** null when the location's ZIP could not be placed at all. */
  miles: number | null;
  /** This is the location within the radius that the result was found by. */
  matched: boolean;
  locationApproximate: boolean;
}

export interface DirectoryResult {
  npi: string;
  entity: EntityType;
  name: string;
  credential: string | null;
  license: TaxonomyLicense;
  licenses: TaxonomyLicense[];
  address: ResultAddress;
  phone: string | null;
  /** Distance of the matched location: the main address, or a secondary location (matchedLocation). */
  miles: number;
  matchedLocation: "practice" | "secondary";
  /** Distance of the main practice address (null when it could not be placed). */
  practiceMiles: number | null;
  /** Compass bearing of the matched location from the search centre, for the distance map. */
  bearing: number;
  /** "Also practises at": in the order the provider registered them. */
  secondaryLocations: SecondaryLocationResult[];
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
  const secondary = await secondaryLocationsOf(db, found.results.map((r) => r.provider.npi));
  const tenths = (miles: number) => Math.round(miles * 10) / 10;
  return ok({
    centre: { ...centre, zip: search.zip ?? null },
    radiusMiles: search.radiusMiles,
    total: found.total,
    directory: status,
    results: found.results.map(({ provider: p, miles, at, practiceAt, matched, locationApproximate }) => ({
      npi: p.npi,
      entity: p.entity,
      name: p.name,
      credential: p.credential,
      license: p.license,
      licenses: p.licenses,
      address: { line1: p.practice.line1, line2: p.practice.line2, city: p.practice.city, state: p.practice.state, postalCode: p.practice.postalCode },
      phone: p.phone,
      miles: tenths(miles),
      matchedLocation: matched === null ? ("practice" as const) : ("secondary" as const),
      practiceMiles: practiceAt ? tenths(greatCircleMiles(centre, practiceAt)) : null,
      bearing: Math.round(bearingDegrees(centre, at)),
      secondaryLocations: (secondary.get(p.npi) ?? []).map((l) => ({
        address: { line1: l.line1, line2: l.line2, city: l.city, state: l.state, postalCode: l.postalCode },
        phone: l.phone,
        miles: l.at ? tenths(greatCircleMiles(centre, l.at)) : null,
        matched: l.position === matched,
        locationApproximate: l.locationApproximate,
      })),
      locationApproximate,
      lastUpdateDate: p.lastUpdateDate,
      registryUrl: npiRegistryRecordUrl(p.npi),
      stateBoard: stateBoardFor(p.license.state ?? p.practice.state),
    })),
  });
}
