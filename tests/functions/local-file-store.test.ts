import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createLocalServer } from '../../server/local/http-server';

const png = readFileSync(resolve('src/assets/tab/station.png'));
let base = '';
const server = createLocalServer({ functions: {}, filesDir: mkdtempSync(join(tmpdir(), 'lianluo-files-')) });

beforeAll(async () => {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

const upload = (body: Uint8Array | string, type: string) =>
  fetch(`${base}/files`, {
    method: 'POST',
    headers: { 'content-type': type },
    body: typeof body === 'string' ? body : new Blob([new Uint8Array(body)]),
  });

describe('the local photo store (stand-in for cloud storage)', () => {
  test('stores an image under its hash and serves it back', async () => {
    const res = await upload(png, 'image/png');
    const body = (await res.json()) as { data: { fileId: string } };
    expect(body.data.fileId).toMatch(/^local-files\/[a-f0-9]{64}\.png$/);
    const again = (await (await upload(png, 'image/png')).json()) as { data: { fileId: string } };
    expect(again.data.fileId).toBe(body.data.fileId);
    const served = await fetch(`${base}/files/${body.data.fileId.slice('local-files/'.length)}`);
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

  test('serves nothing outside the store', async () => {
    for (const name of ['..%2F..%2Fetc%2Fpasswd', 'x.png', `${'a'.repeat(64)}.png`]) {
      expect((await fetch(`${base}/files/${name}`)).status).toBe(404);
    }
  });
});
