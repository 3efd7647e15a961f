import { apiBase } from '../api/transport.h5';
import { getDevCaller } from '../settings/dev-caller';

/**
 * Upload to the local server's file store (the stand-in for cloud storage). The server puts it
 * in the folder of the caller it knows from the request, as CloudBase knows its caller.
 */
export async function uploadPhoto(tempFilePath: string, _folder: string): Promise<string> {
  const blob = await (await fetch(tempFilePath)).blob();
  const response = await fetch(`${apiBase()}/files`, {
    method: 'POST',
    headers: { 'content-type': blob.type || 'image/jpeg', 'x-dev-openid': getDevCaller() },
    body: blob,
  });
  const body = (await response.json()) as { ok: boolean; data?: { fileId: string }; error?: { message: string } };
  if (!body.ok || !body.data) throw new Error(body.error?.message ?? '图片上传失败，请重试');
  return body.data.fileId;
}

export function photoUrl(fileId: string): string {
  return fileId.startsWith('local-files/') ? `${apiBase()}/files/${fileId.slice('local-files/'.length)}` : fileId;
}
