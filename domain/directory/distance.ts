/**
 * Great-circle distance on a spherical Earth (the haversine form, which stays
 * accurate for short distances where the spherical law of cosines loses digits;
 * Sinnott 1984, "Virtues of the Haversine", Sky & Telescope 68:159). For a
 * directory that places providers at ZIP centroids, the sphere's error
 * (under 0.5% against the ellipsoid) is far below the centroid's own.
 */
import type { Brand } from "../shared/brand.ts";

export type Miles = Brand<number, "Miles">;

export interface LatLon {
  latitude: number;
  longitude: number;
}

/** IUGG mean Earth radius R1 = 6371.0088 km (Moritz 2000, Geodetic Reference System 1980), in statute miles. */
export const EARTH_RADIUS_MILES = 6371.0088 / 1.609344;

const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** The angle at the Earth's centre between two points, in radians. */
export function centralAngle(a: LatLon, b: LatLon): number {
  const dLat = radians(b.latitude - a.latitude);
  const dLon = radians(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function greatCircleMiles(a: LatLon, b: LatLon): Miles {
  return (centralAngle(a, b) * EARTH_RADIUS_MILES) as Miles;
}

/**
 * The latitude and longitude box that holds every point within `miles` of
 * `centre`, so a database index can narrow a search before the exact distance.
 * Near the poles (or across the antimeridian) the box widens to all longitudes.
 */
export function boundingBox(centre: LatLon, miles: number): { minLat: number; maxLat: number; minLon: number; maxLon: number } {
  const dLat = (miles / EARTH_RADIUS_MILES) * (180 / Math.PI);
  const minLat = centre.latitude - dLat;
  const maxLat = centre.latitude + dLat;
  const widest = Math.max(Math.abs(minLat), Math.abs(maxLat));
  if (widest >= 89) return { minLat, maxLat, minLon: -180, maxLon: 180 };
  const dLon = dLat / Math.cos(radians(widest));
  const minLon = centre.longitude - dLon;
  const maxLon = centre.longitude + dLon;
  if (minLon < -180 || maxLon > 180) return { minLat, maxLat, minLon: -180, maxLon: 180 };
  return { minLat, maxLat, minLon, maxLon };
}

/** The initial compass bearing from a to b in degrees (0 = north, 90 = east), for drawing results around the searched place. */
export function bearingDegrees(a: LatLon, b: LatLon): number {
  const φ1 = radians(a.latitude);
  const φ2 = radians(b.latitude);
  const Δλ = radians(b.longitude - a.longitude);
  const y = Math.sin(Δλ) * Math.cos(φ2);
  const x = Math.cos(φ1) * Math.sin(φ2) - Math.sin(φ1) * Math.cos(φ2) * Math.cos(Δλ);
  return ((Math.atan2(y, x) * 180) / Math.PI + 360) % 360;
}
