import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCAL_FUNCTIONS } from '../../server/local/functions';
import type { CloudFunctionMain } from '../../server/local/http-server';
import { startLocalApi } from '../support/local-api';
import { envelopeOf, head, rawConnection, rawRequest } from '../support/raw-http';

// The local server answers whatever a web page, a script or a stray tool sends it without
// stopping, runs nothing for a page that reached it under another name (DNS rebinding), and
// answers every refusal — a malformed URL, an oversized or unfinished body — in the documented
// envelope instead of a dropped connection.

const HAN = /\p{Script=Han}/u;
const LIST = JSON.stringify({ action: 'list' });
/** A small server timeout, so that the tests of unfinished requests end soon. */
const REQUEST_TIMEOUT_MS = 500;

const calls: string[] = [];
let api: Awaited<ReturnType<typeof startLocalApi>>;

beforeAll(async () => {
  const h5 = mkdtempSync(join(tmpdir(), 'lianluo-h5-'));
  writeFileSync(join(h5, 'index.html'), '<!doctype html><title>代表联络站</title>');
  // Every function as in `npm start`, counting the calls: a refused request must run none.
  const counted: Record<string, CloudFunctionMain> = {};
  for (const [name, main] of Object.entries(LOCAL_FUNCTIONS)) {
    counted[name] = (event, context) => {
      calls.push(name);
      return main(event, context);
    };
  }
  // A function that throws before it returns a promise: the request fails, the server does not.
  counted.broken = () => {
    throw new Error('broken at /srv/secret.ts:1');
  };
  api = await startLocalApi(undefined, { functions: counted, staticDir: h5, requestTimeoutMs: REQUEST_TIMEOUT_MS });
});

afterAll(() => api.stop());

beforeEach(() => {
  calls.length = 0;
});

async function expectStillAnswering() {
  const { status, body } = await api.post('stations', { action: 'list' });
  expect(status).toBe(200);
  expect(body.ok).toBe(true);
}

const post = (path: string, body: string, ...headers: string[]) =>
  head(
    `POST ${path} HTTP/1.1`,
    'Host: 127.0.0.1',
    'Content-Type: application/json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    ...headers,
  ) + body;

describe('a malformed URL is a 400, and the server goes on answering', () => {
  test.each(['/%', '/%E0%A4%A', '/%ff', '/pages/%zz/index'])('GET %s: a plain 400 page', async (path) => {
    const response = await rawRequest(api.port, head(`GET ${path} HTTP/1.1`, 'Host: 127.0.0.1'));
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.body).toMatch(HAN);
    await expectStillAnswering();
  });

  test.each(['/api/%', '/api/%E0%A4%A', '/api/stations%zz'])(
    'POST %s: the INVALID_INPUT envelope, and no function runs',
    async (path) => {
      const response = await rawRequest(api.port, post(path, LIST));
      expect(response.status).toBe(400);
      expect(envelopeOf(response)).toEqual({
        ok: false,
        error: { code: 'INVALID_INPUT', message: expect.stringMatching(HAN) },
      });
      expect(calls).toEqual([]);
      await expectStillAnswering();
    },
  );

  test('a request target that is not a path (an absolute URL, *) is a 400', async () => {
    for (const target of ['http://127.0.0.1/', 'http://evil.example/api/stations', '*']) {
      const response = await rawRequest(api.port, head(`GET ${target} HTTP/1.1`, 'Host: 127.0.0.1'));
      expect({ target, status: response.status }).toEqual({ target, status: 400 });
    }
  });
});

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
      api.port,
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
    expect(calls).toEqual([]);
  });

  test('a submit under a foreign name writes nothing', async () => {
    const mine = async () => (await api.post('opinions', { action: 'mine' }, 'demo-voter')).body.data.items.length;
    const before = await mine();
    const response = await rawRequest(
      api.port,
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
    const filesBefore = readdirSync(join(api.dir, 'files'));
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
      const response = await rawRequest(api.port, request);
      expect({ request: request.toString('latin1').split('\r\n')[0], status: response.status }).toEqual({
        request: request.toString('latin1').split('\r\n')[0],
        status: 403,
      });
      expect(response.body).toMatch(HAN);
    }
    expect(readdirSync(join(api.dir, 'files'))).toEqual(filesBefore);
  });

  test('an HTTP/1.0 request without a Host is refused', async () => {
    const response = await rawRequest(api.port, head('GET /healthz HTTP/1.0'));
    expect(response.status).toBe(403);
  });

  test.each(['127.0.0.1', '127.0.0.1:8080', 'localhost', 'LocalHost:1', '[::1]', '[::1]:65535'])(
    'Host "%s" is served',
    async (host) => {
      const response = await rawRequest(
        api.port,
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

describe('bodies: over 1 MB, or never finished', () => {
  const oversized = JSON.stringify({ action: 'list', pad: 'x'.repeat(1024 * 1024) });

  test('a body over 1 MB gets the INVALID_INPUT envelope, not an empty reply', async () => {
    const response = await fetch(`${api.base}/api/stations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: oversized,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(HAN) },
    });
    expect(calls).toEqual([]);
    await expectStillAnswering();
  });

  test('a declared length over 1 MB is refused before the body arrives', async () => {
    const connection = rawConnection(api.port);
    try {
      await connection.send(
        head('POST /api/stations HTTP/1.1', 'Host: 127.0.0.1', `Content-Length: ${50 * 1024 * 1024}`) + '{"action"',
      );
      const response = await connection.next();
      expect(response.status).toBe(400);
      expect(envelopeOf(response)?.error?.code).toBe('INVALID_INPUT');
    } finally {
      connection.close();
    }
  });

  test('after an oversized body, the same connection answers the next request', async () => {
    const connection = rawConnection(api.port);
    try {
      await connection.send(post('/api/stations', oversized));
      const refused = await connection.next();
      expect(refused.status).toBe(400);
      expect(envelopeOf(refused)?.error?.code).toBe('INVALID_INPUT');
      await connection.send(post('/api/stations', LIST));
      const answered = await connection.next();
      expect(answered.status).toBe(200);
      expect(envelopeOf(answered)?.ok).toBe(true);
    } finally {
      connection.close();
    }
  });

  test('a client that asked to close the connection still reads the refusal of its oversized body', async () => {
    for (const request of [
      post('/api/stations', oversized, 'Connection: close'),
      post('/api/stations', oversized).replace('HTTP/1.1', 'HTTP/1.0'),
    ]) {
      const response = await rawRequest(api.port, request);
      expect(response.status).toBe(400);
      expect(envelopeOf(response)?.error?.code).toBe('INVALID_INPUT');
    }
  });

  test('an upload over 5 MB gets its 400 envelope, not a reset connection', async () => {
    const response = await fetch(`${api.base}/files`, {
      method: 'POST',
      headers: { 'content-type': 'image/png', 'x-dev-openid': 'demo-voter' },
      body: Buffer.alloc(6 * 1024 * 1024, 1),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('INVALID_INPUT');
  });

  test('a body that stops coming is answered 408 once the request timeout passes, and the connection closed', async () => {
    const connection = rawConnection(api.port);
    try {
      await connection.send(head('POST /api/stations HTTP/1.1', 'Host: 127.0.0.1', 'Content-Length: 100') + '{"act');
      const response = await connection.next();
      expect(response.status).toBe(408);
      expect(envelopeOf(response)).toEqual({
        ok: false,
        error: { code: 'INVALID_INPUT', message: expect.stringMatching(HAN) },
      });
      await connection.closed();
      expect(calls).toEqual([]);
    } finally {
      connection.close();
    }
  });

  test('headers that stop coming are answered 408 too', async () => {
    const connection = rawConnection(api.port);
    try {
      await connection.send('POST /api/stations HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
      const response = await connection.next();
      expect(response.status).toBe(408);
      await connection.closed();
    } finally {
      connection.close();
    }
  });
});

test('a request that fails inside the server is 500 INTERNAL, without the error, and the server goes on', async () => {
  const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    const response = await api.post('broken', { action: 'list' });
    expect(response.status).toBe(500);
    expect(response.body).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.stringMatching(HAN) } });
    expect(JSON.stringify(response.body)).not.toContain('secret');
  } finally {
    errors.mockRestore();
  }
  await expectStillAnswering();
});

describe('what the HTTP parser refuses is answered in the envelope too', () => {
  test('headers over 16 KB: 431', async () => {
    const response = await rawRequest(
      api.port,
      head('GET /healthz HTTP/1.1', 'Host: 127.0.0.1', `X-Big: ${'a'.repeat(20000)}`),
    );
    expect(response.status).toBe(431);
    expect(envelopeOf(response)?.error?.message).toMatch(HAN);
  });

  test.each([
    [
      'chunked garbage',
      head('POST /api/stations HTTP/1.1', 'Host: 127.0.0.1', 'Transfer-Encoding: chunked') + 'zz\r\n!!\r\n',
    ],
    [
      'a content length that is not a number',
      head('POST /api/stations HTTP/1.1', 'Host: 127.0.0.1', 'Content-Length: abc'),
    ],
    [
      'two different content lengths',
      head('POST /api/stations HTTP/1.1', 'Host: 127.0.0.1', 'Content-Length: 2', 'Content-Length: 3') + '{}',
    ],
    ['a broken request line', 'GET\u0000 / HTTP/9.9\r\n\r\n'],
  ])('%s: 400', async (_name, request) => {
    const response = await rawRequest(api.port, request);
    expect(response.status).toBe(400);
    expect(envelopeOf(response)?.error?.code).toBe('INVALID_INPUT');
    expect(calls).toEqual([]);
    await expectStillAnswering();
  });
});
