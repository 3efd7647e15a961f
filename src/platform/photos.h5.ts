import { apiBase } from '../api/transport.h5';

/** Upload to the local server's file store (the stand-in for cloud storage). */
export async function uploadPhoto(tempFilePath: string): Promise<string> {
  const blob = await (await fetch(tempFilePath)).blob();
  const response = await fetch(`${apiBase()}/files`, {
    method: 'POST',
    headers: { 'content-type': blob.type || 'image/jpeg' },
    body: blob,
  });
  const body = (await response.json()) as { ok: boolean; data?: { fileId: string }; error?: { message: string } };
  if (!body.ok || !body.data) throw new Error(body.error?.message ?? '图片上传失败，请重试');
  return body.data.fileId;
}

export function photoUrl(fileId: string): string {
  return fileId.startsWith('local-files/') ? `${apiBase()}/files/${fileId.slice('local-files/'.length)}` : fileId;
}
