import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { countingServerPerFile, HAN, LIST } from '../support/counting-local-server';
import { envelopeOf, head, rawRequest } from '../support/raw-http';

// Only 127.0.0.1, localhost and [::1] are served: a page that reached the local server under
// another name (DNS rebinding) runs nothing, reads nothing and writes nothing.

const suite = countingServerPerFile();

describe('only 127.0.0.1, localhost and [::1] are served (any port)', () => {
  const submit = JSON.stringify({
    action: 'submit',
    stationId: 'qx-jiedao',
    category: 'transport',
    content: '来薰路公交站台没有遮雨棚，雨天老人候车很不方便，希望尽快加装。',
    requestId: 'rebinding-0001',
  });

  test.each([
    'evil.example',
    'evil.example:8080',
    '127.0.0.1.evil.example',
    'localhost.evil.example:8080',
    '127.0.0.2',
    '0.0.0.0:8080',
    '[::1].evil.example',
    'localhost:80x',
    '',
  ])('Host "%s": 403 FORBIDDEN, and the caller in X-Dev-Openid runs nothing', async (host) => {
    const response = await rawRequest(
      suite.api.port,
      head(
        'POST /api/opinions HTTP/1.1',
        `Host: ${host}`,
        'X-Dev-Openid: demo-voter',
        'Content-Type: application/json',
        `Content-Length: ${Buffer.byteLength(submit)}`,
      ) + submit,
    );
    expect(response.status).toBe(403);
    expect(envelopeOf(response)).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringMatching(HAN) },
    });
    expect(suite.calls).toEqual([]);
  });

  test('a submit under a foreign name writes nothing', async () => {
    const mine = async () =>
      (await suite.api.post('opinions', { action: 'mine' }, 'demo-voter')).body.data.items.length;
    const before = await mine();
    const response = await rawRequest(
      suite.api.port,
      head(
        'POST /api/opinions HTTP/1.1',
        'Host: rebound.example',
        'X-Dev-Openid: demo-voter',
        `Content-Length: ${Buffer.byteLength(submit)}`,
      ) + submit,
    );
    expect(response.status).toBe(403);
    expect(await mine()).toBe(before);
  });

  test('the app, uploads, downloads and the health check are refused too', async () => {
    const filesBefore = readdirSync(join(suite.api.dir, 'files'));
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const requests = [
      head('GET / HTTP/1.1', 'Host: evil.example'),
      head('GET /pages/index/index HTTP/1.1', 'Host: evil.example'),
      head('GET /healthz HTTP/1.1', 'Host: evil.example'),
      head('GET /files/0000.png HTTP/1.1', 'Host: evil.example'),
      Buffer.concat([
        Buffer.from(
          head(
            'POST /files HTTP/1.1',
            'Host: evil.example',
            'Content-Type: image/png',
            `Content-Length: ${png.length}`,
          ),
        ),
        png,
      ]),
    ];
    for (const request of requests) {
      const response = await rawRequest(suite.api.port, request);
      expect({ request: request.toString('latin1').split('\r\n')[0], status: response.status }).toEqual({
        request: request.toString('latin1').split('\r\n')[0],
        status: 403,
      });
      expect(response.body).toMatch(HAN);
    }
    expect(readdirSync(join(suite.api.dir, 'files'))).toEqual(filesBefore);
  });

  test('an HTTP/1.0 request without a Host is refused', async () => {
    const response = await rawRequest(suite.api.port, head('GET /healthz HTTP/1.0'));
    expect(response.status).toBe(403);
  });

  test.each(['127.0.0.1', '127.0.0.1:8080', 'localhost', 'LocalHost:1', '[::1]', '[::1]:65535'])(
    'Host "%s" is served',
    async (host) => {
      const response = await rawRequest(
        suite.api.port,
        head(
          'POST /api/stations HTTP/1.1',
          `Host: ${host}`,
          'Content-Type: application/json',
          `Content-Length: ${LIST.length}`,
        ) + LIST,
      );
      expect(response.status).toBe(200);
      expect(envelopeOf(response)?.ok).toBe(true);
    },
  );
});

describe('a POST from a page of another site is refused, whatever the Host says', () => {
  // A "simple" cross-site POST (form-encoded, no custom header) needs no preflight, so the
  // browser sends it; its Origin header says where the page came from.
  const postFrom = (origin: string) =>
    rawRequest(
      suite.api.port,
      head(
        'POST /api/stations HTTP/1.1',
        'Host: 127.0.0.1',
        `Origin: ${origin}`,
        'Content-Type: text/plain',
        `Content-Length: ${LIST.length}`,
      ) + LIST,
    );

  test.each(['https://evil.example', 'http://127.0.0.1.evil.example', 'null', 'file://', 'not a url'])(
    'Origin "%s": 403 FORBIDDEN, running nothing',
    async (origin) => {
      const response = await postFrom(origin);
      expect(response.status).toBe(403);
      expect(envelopeOf(response)).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', message: '只接受本机页面发出的请求' },
      });
      expect(suite.calls).toEqual([]);
    },
  );

  test.each(['http://127.0.0.1:10086', 'http://localhost:5173', 'http://[::1]:8080'])(
    'Origin "%s" (a page of this machine) is served',
    async (origin) => {
      const response = await postFrom(origin);
      expect(response.status).toBe(200);
      expect(envelopeOf(response)?.ok).toBe(true);
    },
  );
});
