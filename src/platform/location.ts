import type { GeoPoint } from '../domain/station';

/**
 * The voter's position in GCJ-02, or null when they refuse. The build picks
 * location.weapp.ts or location.h5.ts; this file is what type-checking sees.
 */
export function locateVoter(): Promise<GeoPoint | null> {
  return Promise.resolve(null);
}
