/** The shape of GET /api/v1/directory/search (server/http/routes/directory.ts). */
import type { EntityType, TaxonomyLicense } from "../../../domain/directory/provider.ts";

export interface DirectoryAddress {
  line1: string;
  line2: string | null;
  city: string;
  state: string | null;
  postalCode: string | null;
}

export interface SecondaryLocationResult {
  address: DirectoryAddress;
  phone: string | null;
  miles: number | null;
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
  address: DirectoryAddress;
  phone: string | null;
  /** Distance of the location the provider was found by. */
  miles: number;
  matchedLocation: "practice" | "secondary";
  practiceMiles: number | null;
  bearing: number;
  secondaryLocations: SecondaryLocationResult[];
  locationApproximate: boolean;
  lastUpdateDate: string | null;
  registryUrl: string;
  stateBoard: { state: string; stateName: string | null; lookupUrl: string | null; source: string | null; advice: string };
}

export interface DirectoryAnswer {
  centre: { latitude: number; longitude: number; zip: string | null };
  radiusMiles: number;
  total: number;
  results: DirectoryResult[];
  directory: { providers: number; lastImport: { fileName: string; finishedAt: string } | null };
}
