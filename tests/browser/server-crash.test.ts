import { startServerProcess } from './server-process';

jest.setTimeout(90000);

// The local server is killed with SIGKILL in the middle of a burst of submits. Every submit it
// had answered `ok` must be there after a restart, intact; the outbox resumes where it stopped
// and sends no notification twice. (A message claimed but not yet sent when the process died
// waits for its backoff, a minute, before it is tried again: at least once, never lost.)

const CONTENT = '来薰路公交站台没有遮雨棚，雨天老人候车很不方便，希望尽快加装。';

async function submit(url: string, i: number): Promise<{ voter: string; opinionId: string } | null> {
  const voter = `crash-voter-${i % 400}`;
  try {
    const res = await fetch(`${url}/api/opinions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dev-openid': voter },
      body: JSON.stringify({
        action: 'submit',
        stationId: 'qx-jiedao',
        category: 'transport',
        content: CONTENT,
        requestId: `crash-${i}-0000`,
      }),
    });
    const body = (await res.json()) as { ok: boolean; data?: { opinionId: string } };
    return body.ok && body.data ? { voter, opinionId: body.data.opinionId } : null;
  } catch {
    return null; // the server died before answering: this one was never confirmed
  }
}

test('every submit answered ok survives a SIGKILL; the outbox resumes and sends nothing twice', async () => {
  const first = await startServerProcess();
  const confirmed: Array<{ voter: string; opinionId: string }> = [];
  let next = 0;
  let killed = false;
  const workers = Array.from({ length: 8 }, async () => {
    while (!killed && next < 5000) {
      const result = await submit(first.url, next++);
      if (result && !killed) confirmed.push(result);
    }
  });
  await new Promise((resolve) => setTimeout(resolve, 1500));
  killed = true;
  await first.kill();
  await Promise.all(workers);
  expect(confirmed.length).toBeGreaterThan(20);

  const second = await startServerProcess(first.dataDir);
  try {
    for (const { voter, opinionId } of confirmed) {
      const res = await fetch(`${second.url}/api/opinions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-dev-openid': voter },
        body: JSON.stringify({ action: 'get', opinionId }),
      });
      const body = (await res.json()) as {
        ok: boolean;
        data: { content: string; status: string; timeline: unknown[] };
      };
      expect({ opinionId, ok: body.ok }).toEqual({ opinionId, ok: true });
      expect(body.data.content).toBe(CONTENT);
      expect(body.data.status).toBe('assigned');
      expect(body.data.timeline.length).toBeGreaterThanOrEqual(2);
    }
    // The restarted server sends what the first left pending (every 2 s); then no message twice.
    const sentBefore = first
      .log()
      .split('\n')
      .filter((l) => l.startsWith('[通知]'));
    await new Promise((resolve) => setTimeout(resolve, 5000));
    const sentAfter = second
      .log()
      .split('\n')
      .filter((l) => l.startsWith('[通知]'));
    const all = [...sentBefore, ...sentAfter].map((l) => l.split(' → ')[0]);
    expect(new Set(all).size).toBe(all.length);
    // Resumed: the restarted server sent some of what the first had left pending.
    expect(sentAfter.length).toBeGreaterThan(0);
  } finally {
    await second.stop();
  }
});
