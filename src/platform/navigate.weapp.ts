import Taro from '@tarojs/taro';
import type { GeoPoint } from '../domain/station';

/** WeChat's own map, which takes GCJ-02 as stored and offers route planning from there. */
export async function openMap(place: { name: string; address: string; location: GeoPoint }): Promise<void> {
  await Taro.openLocation({ ...place.location, name: place.name, address: place.address, scale: 17 });
}
