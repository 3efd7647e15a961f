import Taro from '@tarojs/taro';
import type { GeoPoint } from '../domain/station';

/**
 * The fuzzy position (scope.userFuzzyLocation, declared in app.config.ts): accurate enough to
 * order a street's stations by distance, and open to mini programs without the precise
 * location's 接口准入. Asked in GCJ-02, the system the stations are stored in. A refusal, a
 * privacy-guide refusal or an old base library (before 2.25.0) all answer null: the list keeps
 * the street's order.
 */
export async function locateVoter(): Promise<GeoPoint | null> {
  try {
    const { latitude, longitude } = await Taro.getFuzzyLocation({ type: 'gcj02' });
    return { latitude, longitude };
  } catch {
    return null;
  }
}
