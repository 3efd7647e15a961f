/**
 * Photos of an opinion. The build picks photos.weapp.ts (CloudBase storage) or photos.h5.ts
 * (the local server's file store); this file is what type-checking sees.
 */
export async function uploadPhoto(_tempFilePath: string): Promise<string> {
  throw new Error('photos: built without a platform (TARO_ENV)');
}

/** Where to load a stored photo from. */
export function photoUrl(fileId: string): string {
  return fileId;
}
