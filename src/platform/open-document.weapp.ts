import Taro from '@tarojs/taro';
import { ensureCloud } from '../api/transport.weapp';
import type { GeneratedFile } from './open-document';

/**
 * Download from cloud storage by file id, then open in WeChat's viewer, from where it can be
 * forwarded or saved. By file id rather than the temporary link: wx.cloud.downloadFile needs no
 * download domain whitelisted in the mini program's settings.
 */
export async function openDocument({ fileId }: GeneratedFile, fileType: 'docx' | 'xlsx'): Promise<void> {
  ensureCloud();
  const { tempFilePath } = await Taro.cloud.downloadFile({ fileID: fileId });
  await Taro.openDocument({ filePath: tempFilePath, fileType, showMenu: true });
}
