import Taro from '@tarojs/taro';
import { ensureCloud } from '../api/transport.weapp';

/** Upload to CloudBase storage, into the caller's folder; the file id (cloud://…) goes with the opinion. */
export async function uploadPhoto(tempFilePath: string, folder: string): Promise<string> {
  ensureCloud();
  const ext = /\.(png|webp)$/i.exec(tempFilePath)?.[1]?.toLowerCase() ?? 'jpg';
  const name = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}.${ext}`;
  const { fileID } = await Taro.cloud.uploadFile({ cloudPath: `${folder}/${name}`, filePath: tempFilePath });
  return fileID;
}

/** An <Image> loads cloud:// file ids directly in the mini program. */
export function photoUrl(fileId: string): string {
  return fileId;
}
