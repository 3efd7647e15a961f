/**
 * Photos of an opinion, uploaded into the caller's own folder (`account.me` → photoFolder;
 * src/domain/photo-files.ts): the server accepts no other photo with an opinion. The build picks photos.weapp.ts (CloudBase storage) or photos.h5.ts
 * (the local server's file store); this file is what type-checking sees.
 */
export async function uploadPhoto(_tempFilePath: string, _folder: string): Promise<string> {
  throw new Error('photos: built without a platform (TARO_ENV)');
}

/** Where to load a stored photo from. */
export function photoUrl(fileId: string): string {
  return fileId;
}
