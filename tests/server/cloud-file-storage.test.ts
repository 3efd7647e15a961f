import type tcb from '@cloudbase/node-sdk';
import { createCloudFileStorage } from '../../server/adapters/cloudbase/cloud-file-storage';

// CloudBase storage is an edge that cannot run here: a stand-in for the SDK's uploadFile and
// getTempFileURL, in front of the real adapter.
type App = ReturnType<typeof tcb.init>;
const ENV = 'lianluo-prod-1a2b';

function fakeStorage() {
  const uploads: Array<{ cloudPath: string; bytes: Buffer }> = [];
  const linksAsked: Array<{ fileID: string; maxAge: number }> = [];
  const app = {
    uploadFile: async ({ cloudPath, fileContent }: { cloudPath: string; fileContent: Buffer }) => {
      uploads.push({ cloudPath, bytes: fileContent });
      return { fileID: `cloud://${ENV}.6c69-${ENV}-1300000000/${cloudPath}` };
    },
    getTempFileURL: async ({ fileList }: { fileList: Array<{ fileID: string; maxAge: number }> }) => {
      linksAsked.push(...fileList);
      return {
        fileList: fileList.map((f) => ({
          fileID: f.fileID,
          tempFileURL: `https://6c69-${ENV}-1300000000.tcb.qcloud.la/${f.fileID.split('/').slice(3).join('/')}?sign=x`,
        })),
      };
    },
  } as unknown as App;
  return { app, uploads, linksAsked };
}

describe('generated documents in CloudBase storage', () => {
  test('a document is stored under reports/<random>/ and answered by its cloud file id, with no link', async () => {
    const { app, uploads, linksAsked } = fakeStorage();
    const bytes = new Uint8Array([80, 75, 3, 4]);
    const saved = await createCloudFileStorage(app).save('annual-report-2026.docx', bytes, 'application/docx');

    expect(uploads).toHaveLength(1);
    expect(uploads[0]!.cloudPath).toMatch(/^reports\/[a-f0-9]{16}\/annual-report-2026\.docx$/);
    expect(Buffer.compare(uploads[0]!.bytes, Buffer.from(bytes))).toBe(0);
    expect(saved).toEqual({ fileId: `cloud://${ENV}.6c69-${ENV}-1300000000/${uploads[0]!.cloudPath}` });
    expect(linksAsked).toEqual([]);
  });

  test('a link is a temporary one for as many seconds as asked', async () => {
    const { app, linksAsked } = fakeStorage();
    const storage = createCloudFileStorage(app);
    const { fileId } = await storage.save('annual-report-2026.docx', new Uint8Array([1]), 'application/docx');
    const url = await storage.link(fileId, 300);
    expect(linksAsked).toEqual([{ fileID: fileId, maxAge: 300 }]);
    expect(url).toMatch(/^https:\/\/.+\.tcb\.qcloud\.la\/reports\/[a-f0-9]{16}\/annual-report-2026\.docx\?/);
  });

  test('two documents of the same name get different paths, so neither file id can be guessed from the other', async () => {
    const { app } = fakeStorage();
    const storage = createCloudFileStorage(app);
    const first = await storage.save('opinions-2026-03-01-2026-03-31.xlsx', new Uint8Array([1]), 'application/xlsx');
    const second = await storage.save('opinions-2026-03-01-2026-03-31.xlsx', new Uint8Array([1]), 'application/xlsx');
    expect(first.fileId).not.toBe(second.fileId);
  });

  // deleteFile as the SDK answers it (dist/storage/index.js): a failed request comes back with its
  // `code` rather than thrown; otherwise each file has its own code, SUCCESS when deleted.
  const deleting = (answer: unknown) => {
    const asked: string[][] = [];
    const app = {
      deleteFile: async ({ fileList }: { fileList: string[] }) => {
        asked.push(fileList);
        return answer;
      },
    } as unknown as App;
    return { storage: createCloudFileStorage(app), asked };
  };

  test('expired documents are deleted in one request; one already gone counts as deleted', async () => {
    const ids = ['cloud://env.b/reports/a/x.xlsx', 'cloud://env.b/reports/b/y.docx'];
    const { storage, asked } = deleting({
      fileList: [
        { fileID: ids[0], code: 'SUCCESS' },
        { fileID: ids[1], code: 'STORAGE_FILE_NONEXIST' },
      ],
    });
    await storage.remove(ids);
    expect(asked).toEqual([ids]);
  });

  test('a deletion CloudBase refused is an error, so the file stays registered for the next run', async () => {
    await expect(
      deleting({ code: 'PERMISSION_DENIED', message: 'no' }).storage.remove(['cloud://env.b/reports/a/x.xlsx']),
    ).rejects.toThrow('PERMISSION_DENIED');
    await expect(
      deleting({
        fileList: [{ fileID: 'cloud://env.b/reports/a/x.xlsx', code: 'INTERNAL_SERVER_ERROR' }],
      }).storage.remove(['cloud://env.b/reports/a/x.xlsx']),
    ).rejects.toThrow('INTERNAL_SERVER_ERROR');
  });

  test('nothing to delete asks nothing', async () => {
    const { storage, asked } = deleting({ fileList: [] });
    await storage.remove([]);
    expect(asked).toEqual([]);
  });
});
