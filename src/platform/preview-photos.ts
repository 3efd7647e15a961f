/**
 * Show photos full size, starting at `current`. The build picks preview-photos.weapp.ts (WeChat's
 * own viewer) or preview-photos.h5.ts (Taro's viewer, loaded on the first tap); this file is what
 * type-checking sees.
 */
export function previewPhotos(_current: string, _urls: string[]): Promise<void> {
  return Promise.reject(new Error('preview-photos: built without a platform (TARO_ENV)'));
}
