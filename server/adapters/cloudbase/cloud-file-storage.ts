import { randomBytes } from 'node:crypto';
import type tcb from '@cloudbase/node-sdk';
import type { FileStorage } from '../../ports/documents';

type App = ReturnType<typeof tcb.init>;

/**
 * Generated documents in CloudBase storage under reports/<random>/: the cloud file id, which the
 * mini program downloads by (wx.cloud.downloadFile), and a temporary link valid for an hour for a
 * browser.
 */
export function createCloudFileStorage(app: App): FileStorage {
  return {
    save: async (name, bytes) => {
      const cloudPath = `reports/${randomBytes(8).toString('hex')}/${name}`;
      const { fileID } = await app.uploadFile({ cloudPath, fileContent: Buffer.from(bytes) });
      const { fileList } = await app.getTempFileURL({ fileList: [{ fileID, maxAge: 3600 }] });
      const url = (fileList as Array<{ tempFileURL?: string }>)[0]?.tempFileURL ?? '';
      return { fileId: fileID, url };
    },
  };
}
