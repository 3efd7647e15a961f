import type { GeoPoint } from '../domain/station';

/** In a browser: Amap's marker page, which reads GCJ-02 coordinates as stored. */
export async function openMap(place: { name: string; address: string; location: GeoPoint }): Promise<void> {
  const { latitude, longitude } = place.location;
  const url = `https://uri.amap.com/marker?position=${longitude},${latitude}&name=${encodeURIComponent(place.name)}&coordinate=gaode&callnative=1`;
  window.open(url, '_blank', 'noopener');
}
