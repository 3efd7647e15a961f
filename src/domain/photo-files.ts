/**
 * Photos a voter attaches are files in storage. Each caller uploads into a folder of their own,
 * `photos/<key>`, whose name the server derives from the caller's openid (`Ids.photoFolder`);
 * an opinion may carry only photos from its submitter's folder. So nobody can attach another
 * voter's photo or a generated report by its id, and the server never fetches such a file with
 * its own privileges for the image check.
 */

/** The storage folder under which every caller's photo folder lies. */
export const PHOTO_ROOT = 'photos';

/** Photos one caller may upload to the local store in a Shanghai day (an opinion takes at most 9). */
export const PHOTO_UPLOADS_PER_DAY = 30;

/** A photo's own name inside its folder: no further folders, an image extension. */
const PHOTO_NAME = /^[A-Za-z0-9_-]{1,80}\.(jpg|jpeg|png|webp)$/i;

/**
 * The path of a file inside storage, from its id: `cloud://<env>.<bucket>/<path>` on CloudBase,
 * `local-files/<path>` on the local server; null for anything else.
 */
export function storagePathOf(fileId: string): string | null {
  const cloud = /^cloud:\/\/[^/\s]+\/(\S+)$/.exec(fileId);
  if (cloud) return cloud[1]!;
  const local = /^local-files\/(\S+)$/.exec(fileId);
  return local ? local[1]! : null;
}

/**
 * Rule: a photo may go with an opinion only if it lies directly in the submitter's own folder
 * (`folder`, as `Ids.photoFolder` names it) and is named as an image.
 */
export function isPhotoIn(fileId: string, folder: string): boolean {
  const path = storagePathOf(fileId);
  if (!path || !path.startsWith(`${folder}/`)) return false;
  return PHOTO_NAME.test(path.slice(folder.length + 1));
}

/** Image types by their first bytes: what a file is, whatever its name or header says. */
export type PhotoType = 'jpg' | 'png' | 'webp';

/**
 * Rule: an upload is a JPEG (FF D8 FF), a PNG (89 50 4E 47 0D 0A 1A 0A) or a WebP ("RIFF" ….
 * "WEBP") by its bytes; anything else (HTML, SVG, scripts, other formats) is not a photo.
 */
export function photoTypeOf(bytes: Uint8Array): PhotoType | null {
  const starts = (offset: number, ...values: number[]) => values.every((v, i) => bytes[offset + i] === v);
  if (bytes.length >= 3 && starts(0, 0xff, 0xd8, 0xff)) return 'jpg';
  if (bytes.length >= 8 && starts(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (bytes.length >= 12 && starts(0, 0x52, 0x49, 0x46, 0x46) && starts(8, 0x57, 0x45, 0x42, 0x50)) return 'webp';
  return null;
}
