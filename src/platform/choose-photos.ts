import Taro from '@tarojs/taro';

/** What a voter is told when WeChat (or the privacy guide) did not let the app open the album or camera. */
const PHOTOS_NOT_ALLOWED = '未获得使用相册或相机的许可，照片没有添加';

/**
 * Let the voter pick up to `count` photos from the album or take them with the camera,
 * compressed, and answer their temporary paths in the order chosen. The same call on both
 * platforms: WeChat's chooseMedia (chooseImage is unmaintained since base library 2.21.0), and on
 * H5 Taro's file-input version of it. A cancel rejects as WeChat reports it (an errMsg with
 * "cancel"); a refused permission rejects with a Chinese message.
 */
export async function choosePhotos(count: number): Promise<string[]> {
  try {
    const { tempFiles } = await Taro.chooseMedia({
      count,
      mediaType: ['image'],
      sourceType: ['album', 'camera'],
      sizeType: ['compressed'],
    });
    return tempFiles.map((file) => file.tempFilePath).slice(0, count);
  } catch (e) {
    const message = (e as { errMsg?: string }).errMsg ?? '';
    if (!/cancel/i.test(message) && /auth|privacy|permission/i.test(message)) throw new Error(PHOTOS_NOT_ALLOWED);
    throw e;
  }
}
