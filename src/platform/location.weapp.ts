import Taro from '@tarojs/taro';
import type { GeoPoint } from '../domain/station';

/** WeChat gives GCJ-02 directly, the system the stations are stored in. */
export async function locateVoter(): Promise<GeoPoint | null> {
  try {
    const { latitude, longitude } = await Taro.getLocation({ type: 'gcj02' });
    return { latitude, longitude };
  } catch {
    return null;
  }
}
