import { choosePhotos } from '../../src/platform/choose-photos';
import { mediaRequests, resetTaroStorage, setMediaResult } from './stand-ins/taro';

beforeEach(() => resetTaroStorage());

describe('choosing photos for an opinion', () => {
  test('asks for compressed images only, from the album or the camera, no more than the room left', async () => {
    setMediaResult({ paths: ['wxfile://a.jpg', 'wxfile://b.jpg'] });
    expect(await choosePhotos(7)).toEqual(['wxfile://a.jpg', 'wxfile://b.jpg']);
    expect(mediaRequests).toEqual([
      { count: 7, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['compressed'] },
    ]);
  });

  test('a refused permission (WeChat’s or the privacy guide’s) is told in Chinese', async () => {
    for (const errMsg of ['chooseMedia:fail auth deny', 'chooseMedia:fail privacy permission is not authorized']) {
      setMediaResult({ errMsg });
      await expect(choosePhotos(9)).rejects.toThrow('未获得使用相册或相机的许可，照片没有添加');
    }
  });

  test('a cancel stays a cancel, which the page ignores', async () => {
    setMediaResult({ errMsg: 'chooseMedia:fail cancel' });
    await expect(choosePhotos(9)).rejects.toEqual({ errMsg: 'chooseMedia:fail cancel' });
  });
});
