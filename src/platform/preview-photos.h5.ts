/**
 * In a browser Taro's viewer is a swiper of its own, about 160 KB of script: it is fetched when a
 * photo is first tapped, not with every page that shows a photo (提意见 among them).
 */
export async function previewPhotos(current: string, urls: string[]): Promise<void> {
  const { openPhotoViewer } = await import('./photo-viewer.h5');
  await openPhotoViewer(current, urls);
}
