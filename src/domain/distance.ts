import type { GeoPoint } from './station';

const EARTH_RADIUS_METERS = 6_371_008.8;

const toRadians = (degrees: number): number => (degrees * Math.PI) / 180;

/**
 * Great-circle distance in metres. Both points are GCJ-02: its offset from WGS-84 is
 * nearly constant across a street, so distances between GCJ-02 points are as good as
 * the haversine formula itself (well under 1% at this scale).
 */
export function distanceMeters(a: GeoPoint, b: GeoPoint): number {
  const dLat = toRadians(b.latitude - a.latitude);
  const dLon = toRadians(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(toRadians(a.latitude)) * Math.cos(toRadians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Order places nearest first from `origin`; equal distances keep their given order
 * (Array.prototype.sort is stable). Each result carries its rounded distance.
 */
export function sortByDistance<T extends { location: GeoPoint }>(
  places: readonly T[],
  origin: GeoPoint,
): Array<T & { distanceMeters: number }> {
  return places
    .map((place) => ({ ...place, distanceMeters: Math.round(distanceMeters(origin, place.location)) }))
    .sort((x, y) => x.distanceMeters - y.distanceMeters);
}

/** "约 850 米" / "约 2.4 公里" — how far, in words an elderly reader takes in at a glance. */
export function formatDistance(meters: number): string {
  if (meters < 1000) return `约 ${Math.max(10, Math.round(meters / 10) * 10)} 米`;
  return `约 ${(meters / 1000).toFixed(1)} 公里`;
}
