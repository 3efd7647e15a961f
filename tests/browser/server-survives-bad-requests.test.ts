import { envelopeOf, head, rawRequest } from '../support/raw-http';
import { startServerProcess } from './server-process';

jest.setTimeout(60000);

// `npm start` as the user runs it: requests any web page or tool can send — a malformed URL,
// a foreign Host, an oversized body, parser garbage — are refused, and the process stays up
// and keeps answering.

const BAD_REQUESTS: Array<[string, string]> = [
  ['GET /%', head('GET /% HTTP/1.1', 'Host: 127.0.0.1')],
  ['GET /%E0%A4%A', head('GET /%E0%A4%A HTTP/1.1', 'Host: 127.0.0.1')],
  ['POST /api/%', head('POST /api/% HTTP/1.1', 'Host: 127.0.0.1', 'Content-Length: 2') + '{}'],
  ['GET /pages/%zz', head('GET /pages/%zz HTTP/1.1', 'Host: 127.0.0.1')],
  ['a foreign Host', head('GET / HTTP/1.1', 'Host: evil.example')],
  ['a body over 1 MB', head('POST /api/stations HTTP/1.1', 'Host: 127.0.0.1', 'Content-Length: 2000000') + '{'],
  ['chunked garbage', head('POST /api/stations HTTP/1.1', 'Host: 127.0.0.1', 'Transfer-Encoding: chunked') + 'zz\r\n'],
];

test('the server process stays up through bad requests and answers each with a 4xx', async () => {
  const server = await startServerProcess();
  const port = Number(new URL(server.url).port);
  try {
    for (const [name, request] of BAD_REQUESTS) {
      const response = await rawRequest(port, request);
      const list = await fetch(`${server.url}/api/stations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'list' }),
      })
        .then((r) => r.json() as Promise<{ ok: boolean }>)
        .catch(() => ({ ok: false }));
      expect({ name, alive: server.alive(), answering: list.ok }).toEqual({ name, alive: true, answering: true });
      const refused = response.status !== null && response.status >= 400 && response.status < 500;
      expect({ name, refused }).toEqual({ name, refused: true });
    }
    const malformed = await rawRequest(
      port,
      head('POST /api/%E0%A4%A HTTP/1.1', 'Host: 127.0.0.1', 'Content-Length: 0'),
    );
    expect(envelopeOf(malformed)?.error?.code).toBe('INVALID_INPUT');
  } finally {
    if (server.alive()) await server.stop();
  }
});
