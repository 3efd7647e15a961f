import Taro from '@tarojs/taro';

/** WeChat's own photo viewer: part of the client, nothing to load. */
export async function previewPhotos(current: string, urls: string[]): Promise<void> {
  await Taro.previewImage({ current, urls });
}
