import { countingServerPerFile, HAN, LIST, post } from '../support/counting-local-server';
import { envelopeOf, head, rawRequest } from '../support/raw-http';

// The local server answers what a web page, a script or a stray tool sends it without stopping:
// a malformed URL, a function that throws, what the HTTP parser refuses — each in the documented
// envelope, running no function. Hosts: local-server-hosts.test.ts; bodies: local-server-bodies.test.ts.

const suite = countingServerPerFile();

describe('a malformed URL is a 400, and the server goes on answering', () => {
  test.each(['/%', '/%E0%A4%A', '/%ff', '/pages/%zz/index'])('GET %s: a plain 400 page', async (path) => {
    const response = await rawRequest(suite.api.port, head(`GET ${path} HTTP/1.1`, 'Host: 127.0.0.1'));
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.body).toMatch(HAN);
    await suite.stillAnswering();
  });

  test.each(['/api/%', '/api/%E0%A4%A', '/api/stations%zz'])(
    'POST %s: the INVALID_INPUT envelope, and no function runs',
    async (path) => {
      const response = await rawRequest(suite.api.port, post(path, LIST));
      expect(response.status).toBe(400);
      expect(envelopeOf(response)).toEqual({
        ok: false,
        error: { code: 'INVALID_INPUT', message: expect.stringMatching(HAN) },
      });
      expect(suite.calls).toEqual([]);
      await suite.stillAnswering();
    },
  );

  test('a request target that is not a path (an absolute URL, *) is a 400', async () => {
    for (const target of ['http://127.0.0.1/', 'http://evil.example/api/stations', '*']) {
      const response = await rawRequest(suite.api.port, head(`GET ${target} HTTP/1.1`, 'Host: 127.0.0.1'));
      expect({ target, status: response.status }).toEqual({ target, status: 400 });
    }
  });
});

test('a request that fails inside the server is 500 INTERNAL, without the error, and the server goes on', async () => {
  const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    const response = await suite.api.post('broken', { action: 'list' });
    expect(response.status).toBe(500);
    expect(response.body).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.stringMatching(HAN) } });
    expect(JSON.stringify(response.body)).not.toContain('secret');
  } finally {
    errors.mockRestore();
  }
  await suite.stillAnswering();
});

describe('what the HTTP parser refuses is answered in the envelope too', () => {
  test('headers over 16 KB: 431', async () => {
    const response = await rawRequest(
      suite.api.port,
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
    const response = await rawRequest(suite.api.port, request);
    expect(response.status).toBe(400);
    expect(envelopeOf(response)?.error?.code).toBe('INVALID_INPUT');
    expect(suite.calls).toEqual([]);
    await suite.stillAnswering();
  });
});
