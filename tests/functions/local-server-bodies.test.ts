import { countingServerPerFile, HAN, LIST, post } from '../support/counting-local-server';
import { envelopeOf, head, rawConnection, rawRequest } from '../support/raw-http';

// Bodies over 1 MB, or never finished: each refusal is answered in the envelope (not a dropped
// connection), runs no function, and leaves the connection usable.

const suite = countingServerPerFile();

describe('bodies: over 1 MB, or never finished', () => {
  const oversized = JSON.stringify({ action: 'list', pad: 'x'.repeat(1024 * 1024) });

  test('a body over 1 MB gets the INVALID_INPUT envelope, not an empty reply', async () => {
    const response = await fetch(`${suite.api.base}/api/stations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: oversized,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(HAN) },
    });
    expect(suite.calls).toEqual([]);
    await suite.stillAnswering();
  });

  test('a declared length over 1 MB is refused before the body arrives', async () => {
    const connection = rawConnection(suite.api.port);
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
    const connection = rawConnection(suite.api.port);
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
      const response = await rawRequest(suite.api.port, request);
      expect(response.status).toBe(400);
      expect(envelopeOf(response)?.error?.code).toBe('INVALID_INPUT');
    }
  });

  test('an upload over 5 MB gets its 400 envelope, not a reset connection', async () => {
    const response = await fetch(`${suite.api.base}/files`, {
      method: 'POST',
      headers: { 'content-type': 'image/png', 'x-dev-openid': 'demo-voter' },
      body: Buffer.alloc(6 * 1024 * 1024, 1),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('INVALID_INPUT');
  });

  test('a body that stops coming is answered 408 once the request timeout passes, and the connection closed', async () => {
    const connection = rawConnection(suite.api.port);
    try {
      await connection.send(head('POST /api/stations HTTP/1.1', 'Host: 127.0.0.1', 'Content-Length: 100') + '{"act');
      const response = await connection.next();
      expect(response.status).toBe(408);
      expect(envelopeOf(response)).toEqual({
        ok: false,
        error: { code: 'INVALID_INPUT', message: expect.stringMatching(HAN) },
      });
      await connection.closed();
      expect(suite.calls).toEqual([]);
    } finally {
      connection.close();
    }
  });

  test('headers that stop coming are answered 408 too', async () => {
    const connection = rawConnection(suite.api.port);
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
