import { randomBytes } from 'node:crypto';
import type tcb from '@cloudbase/node-sdk';
import type { FileStorage } from '../../ports/documents';

type App = ReturnType<typeof tcb.init>;

/**
 * Generated documents in CloudBase storage under reports/<random>/: the cloud file id, which the
 * mini program downloads by (wx.cloud.downloadFile), a temporary link for a browser when its
 * owner asks (reports.download), and deletion once they expire (server/services/generated-files.ts).
 */
export function createCloudFileStorage(app: App): FileStorage {
  return {
    save: async (name, bytes) => {
      const cloudPath = `reports/${randomBytes(8).toString('hex')}/${name}`;
      const { fileID } = await app.uploadFile({ cloudPath, fileContent: Buffer.from(bytes) });
      return { fileId: fileID };
    },
    link: async (fileId, seconds) => {
      const { fileList } = await app.getTempFileURL({ fileList: [{ fileID: fileId, maxAge: seconds }] });
      const url = (fileList as Array<{ tempFileURL?: string }>)[0]?.tempFileURL;
      if (!url) throw new Error(`storage.getTempFileURL: no link for ${fileId}`);
      return url;
    },
    remove: async (fileIds) => {
      if (fileIds.length === 0) return;
      // The SDK answers a failed request with its `code` instead of throwing; each file has its own code.
      const result = (await app.deleteFile({ fileList: [...fileIds] })) as {
        code?: string;
        message?: string;
        fileList?: Array<{ fileID: string; code: string }>;
      };
      if (result.code) throw new Error(`storage.deleteFile: ${result.code} ${result.message ?? ''}`.trim());
      const failed = (result.fileList ?? []).filter((f) => f.code !== 'SUCCESS' && !/NO(N|T_?)EXIST/i.test(f.code));
      if (failed.length > 0)
        throw new Error(`storage.deleteFile: ${failed.map((f) => `${f.fileID} ${f.code}`).join(', ')}`);
    },
  };
}
