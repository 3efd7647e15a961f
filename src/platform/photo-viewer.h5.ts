import Taro from '@tarojs/taro';

/** Taro's H5 photo viewer; only preview-photos.h5.ts imports it, on demand. */
export async function openPhotoViewer(current: string, urls: string[]): Promise<void> {
  await Taro.previewImage({ current, urls });
}
