import type { GeoPoint } from '../domain/station';

/**
 * Open a map to a station. The build picks navigate.weapp.ts (WeChat's map) or
 * navigate.h5.ts (a map link); this file is what type-checking sees.
 */
export function openMap(_place: { name: string; address: string; location: GeoPoint }): Promise<void> {
  return Promise.reject(new Error('navigate: built without a platform (TARO_ENV)'));
}
