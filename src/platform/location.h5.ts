import Taro from '@tarojs/taro';
import gcoord from 'gcoord';
import type { GeoPoint } from '../domain/station';

/** Browsers give WGS-84 only; gcoord shifts it to GCJ-02 so distances match the stored points. */
export async function locateVoter(): Promise<GeoPoint | null> {
  try {
    const { latitude, longitude } = await Taro.getLocation({ type: 'wgs84' });
    const [lng, lat] = gcoord.transform([longitude, latitude], gcoord.WGS84, gcoord.GCJ02);
    return { latitude: lat, longitude: lng };
  } catch {
    return null;
  }
}
