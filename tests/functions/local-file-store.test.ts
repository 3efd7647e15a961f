import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { createLocalServer } from '../../server/local/http-server';
import { nodeIds } from '../../server/adapters/node-ids';
import { isPhotoIn, PHOTO_UPLOADS_PER_DAY } from '../../src/domain/photo-files';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const png = readFileSync(resolve('src/assets/tab/station.png'));
let base = '';
const server = createLocalServer({ functions: {}, filesDir: mkdtempSync(join(tmpdir(), 'lianluo-files-')) });

beforeAll(async () => {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

const upload = (body: Uint8Array | string, type: string, caller: string | null = 'demo-voter') =>
  fetch(`${base}/files`, {
    method: 'POST',
    headers: { 'content-type': type, ...(caller ? { 'x-dev-openid': caller } : {}) },
    body: typeof body === 'string' ? body : new Blob([new Uint8Array(body)]),
  });
const fileIdOf = async (res: Response) => ((await res.json()) as { data: { fileId: string } }).data.fileId;
/** A distinct PNG-looking upload: the signature, then bytes of its own. */
const pngNumbered = (n: number) => Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, n >> 8, n & 255]);

describe('the local photo store (stand-in for cloud storage)', () => {
  test('stores an image in its uploader’s folder under its hash and serves it back', async () => {
    const fileId = await fileIdOf(await upload(png, 'image/png'));
    expect(fileId).toBe(`local-files/${nodeIds.photoFolder('demo-voter')}/${sha256(png)}.png`);
    expect(isPhotoIn(fileId, nodeIds.photoFolder('demo-voter'))).toBe(true);
    expect(await fileIdOf(await upload(png, 'image/png'))).toBe(fileId);
    // Another caller's copy of the same photo is theirs, in their folder.
    const theirs = await fileIdOf(await upload(png, 'image/png', 'demo-voter-2'));
    expect(theirs).not.toBe(fileId);
    expect(isPhotoIn(theirs, nodeIds.photoFolder('demo-voter-2'))).toBe(true);
    const served = await fetch(`${base}/files/${fileId.slice('local-files/'.length)}`);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
  });

  test('refuses what is not an image, with a Chinese message', async () => {
    const res = await upload('<script>alert(1)</script>', 'text/html');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '只能上传 JPG、PNG 或 WebP 图片' },
    });
  });

  test('takes an upload only from a known caller', async () => {
    const res = await upload(png, 'image/png', null);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: '请先登录后再上传照片' },
    });
  });

  test('decides what a file is by its bytes, not by its header', async () => {
    const html = await upload('<html><script>alert(1)</script></html>', 'image/png');
    expect(html.status).toBe(400);
    expect(((await html.json()) as { error: { message: string } }).error.message).toBe(
      '只能上传 JPG、PNG 或 WebP 图片',
    );
    // PNG bytes sent as JPEG are stored, and served, as the PNG they are.
    const fileId = await fileIdOf(await upload(png, 'image/jpeg', 'demo-voter-3'));
    expect(fileId).toMatch(/\.png$/);
  });

  test(`stores at most ${PHOTO_UPLOADS_PER_DAY} new photos a day for one caller; the same photo again is not new`, async () => {
    const caller = 'demo-quota';
    for (let n = 0; n < PHOTO_UPLOADS_PER_DAY; n += 1) {
      expect((await upload(pngNumbered(n), 'image/png', caller)).status).toBe(200);
    }
    const over = await upload(pngNumbered(PHOTO_UPLOADS_PER_DAY), 'image/png', caller);
    expect(over.status).toBe(429);
    expect(((await over.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
    expect((await upload(pngNumbered(0), 'image/png', caller)).status).toBe(200);
    expect((await upload(pngNumbered(PHOTO_UPLOADS_PER_DAY), 'image/png', 'demo-someone-else')).status).toBe(200);
  });

  test('serves nothing outside the store', async () => {
    for (const name of ['..%2F..%2Fetc%2Fpasswd', 'x.png', `${'a'.repeat(64)}.png`, `photos/x/${'a'.repeat(64)}.png`]) {
      expect((await fetch(`${base}/files/${name}`)).status).toBe(404);
    }
  });
});
