import type { SqliteDatabase } from '../../server/adapters/sqlite/database';
import type { Store } from '../../server/ports/store';
import type { OpinionStatus } from '../../src/domain/opinion';
import { line, message, opinion, scratchStore, T0 } from './opinion-fixtures';

let store: Store & { db: SqliteDatabase };
let dispose: () => Promise<void>;
beforeAll(async () => {
  ({ store, dispose } = await scratchStore());
});
afterAll(() => dispose());

const count = (table: string) => (store.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('createOpinion is idempotent on (submitter, requestId)', () => {
  test('the first call creates it with its lines and messages; a retry returns it and writes nothing', async () => {
    const first = opinion(1, { authorOpenid: 'voter-idem' });
    const created = await store.createOpinion(
      first,
      [line(first, T0, 'submitted', '意见已提交')],
      [message(first, T0, 'assigned_to_deputy', 'demo-deputy')],
    );
    expect(created).toEqual({ created: true, opinion: first });
    const before = { events: count('opinion_events'), outbox: count('outbox') };

    // The service derives the id from (submitter, requestId) (Ids.opinionId): a retry has the same.
    const retry = { ...first, content: '重发时内容略有不同，但仍是同一次提交。', createdAt: T0 + 99_000 };
    const again = await store.createOpinion(
      retry,
      [line(retry, T0 + 99_000, 'submitted', '意见已提交')],
      [message(retry, T0 + 99_000, 'assigned_to_deputy', 'demo-deputy')],
    );
    expect(again).toEqual({ created: false, opinion: first });
    expect(await store.getOpinion(first.id)).toEqual(first);
    expect({ events: count('opinion_events'), outbox: count('outbox') }).toEqual(before);
    expect(await store.listTimeline(first.id)).toHaveLength(1);
  });

  test('an id another submission holds is refused, and nothing is written', async () => {
    const held = opinion(3, { authorOpenid: 'voter-idem-4' });
    await store.createOpinion(held, [], []);
    const before = { events: count('opinion_events'), outbox: count('outbox') };
    const clash = { ...opinion(4, { authorOpenid: 'voter-idem-5' }), id: held.id };
    await expect(
      store.createOpinion(clash, [line(clash, T0, 'submitted', '意见已提交')], [], { key: 'q-clash', max: 5 }),
    ).rejects.toThrow('already taken');
    expect(await store.getOpinion(held.id)).toEqual(held);
    expect({ events: count('opinion_events'), outbox: count('outbox') }).toEqual(before);
    expect(await store.useQuota('q-clash', 1)).toBe(true);
  });

  test('the same requestId from another submitter is another opinion', async () => {
    const other = opinion(1, { authorOpenid: 'voter-idem-2', requestId: 'req-voter-idem-1' });
    expect((await store.createOpinion(other, [], [])).created).toBe(true);
  });

  test('concurrent creates of one submission leave one row', async () => {
    const o = opinion(2, { authorOpenid: 'voter-idem-3' });
    const results = await Promise.all(
      Array.from({ length: 5 }, () => store.createOpinion(o, [line(o, T0, 'submitted', '意见已提交')], [])),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await store.listTimeline(o.id)).toHaveLength(1);
  });
});

describe('updateOpinion checks the version', () => {
  test('a change based on the current version is written with its line and message', async () => {
    const o = opinion(3, { authorOpenid: 'voter-version' });
    await store.createOpinion(o, [], []);
    const replied = { ...o, status: 'replied' as const, version: 2, updatedAt: T0 + 60_000 };
    expect(
      await store.updateOpinion(
        replied,
        1,
        [line(o, T0 + 60_000, 'replied', '作出答复')],
        [message(o, T0 + 60_000, 'reply_to_voter', 'voter-version')],
      ),
    ).toBe(true);
    expect(await store.getOpinion(o.id)).toEqual(replied);
  });

  test('a change based on a stale version is refused: false, and nothing written', async () => {
    const id = opinion(3, { authorOpenid: 'voter-version' }).id;
    const current = (await store.getOpinion(id))!;
    const before = { events: count('opinion_events'), outbox: count('outbox'), timeline: await store.listTimeline(id) };
    const stale = { ...current, status: 'withdrawn' as const, version: 2 };
    expect(
      await store.updateOpinion(
        stale,
        1,
        [line(current, T0 + 90_000, 'withdrawn', '撤回了意见')],
        [message(current, T0 + 90_000, 'withdrawn', 'demo-deputy')],
      ),
    ).toBe(false);
    expect(await store.getOpinion(id)).toEqual(current);
    expect({
      events: count('opinion_events'),
      outbox: count('outbox'),
      timeline: await store.listTimeline(id),
    }).toEqual(before);
  });

  test('an unknown opinion is not created by an update', async () => {
    const ghost = opinion(4, { authorOpenid: 'voter-ghost', version: 2 });
    expect(await store.updateOpinion(ghost, 1, [line(ghost, T0, 'x', '不应写入')], [])).toBe(false);
    expect(await store.getOpinion(ghost.id)).toBeNull();
  });
});

describe('listOpinions pages newest first with a cursor', () => {
  const author = 'voter-paging';

  beforeAll(async () => {
    // Created out of order, with another voter's opinions in between.
    const order = Array.from({ length: 45 }, (_, i) => (i * 17) % 45);
    for (const n of order) {
      await store.createOpinion(opinion(100 + n, { authorOpenid: author }), [], []);
      if (n % 9 === 0) await store.createOpinion(opinion(100 + n, { authorOpenid: 'voter-noise' }), [], []);
    }
  });

  async function pageThrough(query: Parameters<Store['listOpinions']>[0]) {
    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const page = await store.listOpinions({ ...query, ...(cursor ? { cursor } : {}) });
      pages.push(page.items.map((o) => o.id));
      cursor = page.nextCursor ?? undefined;
      expect(pages.length).toBeLessThan(10);
    } while (cursor);
    return pages;
  }

  test('45 opinions in pages of 20: 20, 20, 5, all distinct, newest first, no cursor at the end', async () => {
    const pages = await pageThrough({ authorOpenid: author, limit: 20 });
    expect(pages.map((p) => p.length)).toEqual([20, 20, 5]);
    const all = pages.flat();
    expect(new Set(all).size).toBe(45);
    const expected = Array.from({ length: 45 }, (_, i) => opinion(144 - i, { authorOpenid: author }).id);
    expect(all).toEqual(expected);
  });

  test('a page that ends exactly at the last item has no next cursor', async () => {
    const page = await store.listOpinions({ authorOpenid: author, limit: 45 });
    expect(page.items).toHaveLength(45);
    expect(page.nextCursor).toBeNull();
  });

  test('opinions created in the same millisecond are neither lost nor repeated across pages', async () => {
    for (let n = 0; n < 25; n += 1) {
      await store.createOpinion(opinion(n, { authorOpenid: 'voter-same-ms', createdAt: T0 + 5_000_000 }), [], []);
    }
    const all = (await pageThrough({ authorOpenid: 'voter-same-ms', limit: 10 })).flat();
    expect(all).toHaveLength(25);
    expect(new Set(all).size).toBe(25);
  });

  test('a cursor that is not one of ours starts over at the first page', async () => {
    const first = await store.listOpinions({ authorOpenid: author, limit: 3 });
    const garbled = await store.listOpinions({ authorOpenid: author, limit: 3, cursor: '%%%not-a-cursor' });
    expect(garbled.items.map((o) => o.id)).toEqual(first.items.map((o) => o.id));
  });

  test('filters combine: station, statuses, due date', async () => {
    const page = await store.listOpinions({
      stationId: 'qx-jiedao',
      statuses: ['assigned'],
      dueOnOrBefore: '2026-03-13',
      limit: 50,
    });
    expect(page.items.every((o) => o.status === 'assigned' && o.replyDueDate! <= '2026-03-13')).toBe(true);
    expect((await store.listOpinions({ statuses: [], limit: 5 })).items).toEqual([]);
  });
});

describe('the main opinion queries use their indexes', () => {
  const plan = (sql: string) =>
    (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map((r) => r.detail).join(' | ');

  // The statements of server/adapters/sqlite/sqlite-opinion-store.ts, with literal values.
  const page = 'ORDER BY created_at DESC, id DESC LIMIT 21';
  const after = "(created_at < 1 OR (created_at = 1 AND id < 'op1'))";
  const duePage = 'ORDER BY +created_at DESC, +id DESC LIMIT 21';
  test.each`
    query                                                                                                                                                                     | index
    ${`SELECT doc FROM opinions WHERE author_openid = 'v' ${page}`}                                                                                                           | ${'opinions_author'}
    ${`SELECT doc FROM opinions WHERE author_openid = 'v' AND ${after} ${page}`}                                                                                              | ${'opinions_author'}
    ${`SELECT doc FROM opinions WHERE assigned_deputy_id = 'd01' AND status IN ('assigned') ${page}`}                                                                         | ${'opinions_deputy'}
    ${`SELECT doc FROM opinions WHERE assigned_deputy_id = 'd01' ${page}`}                                                                                                    | ${'opinions_deputy'}
    ${`SELECT doc FROM opinions WHERE station_id = 's' AND status IN ('resolved') AND staff_review = 1 ${page}`}                                                              | ${'opinions_station'}
    ${`SELECT doc FROM opinions WHERE station_id = 's' AND status IN ('held') ${page}`}                                                                                       | ${'opinions_station'}
    ${`SELECT doc FROM opinions WHERE station_id = 's' ${page}`}                                                                                                              | ${'opinions_station'}
    ${"SELECT doc FROM opinions WHERE id = 'op1'"}                                                                                                                            | ${'sqlite_autoindex_opinions_1'}
    ${"SELECT doc FROM opinions WHERE claim_code = 'ABCD2345'"}                                                                                                               | ${'opinions_claim'}
    ${`SELECT doc FROM opinions INDEXED BY opinions_open_due WHERE station_id = 's' AND status IN ('assigned', 'transferred') AND reply_due_date <= '2026-03-01' ${duePage}`} | ${'opinions_open_due (reply_due_date<?)'}
    ${`SELECT doc FROM opinions INDEXED BY opinions_open_due WHERE status IN ('assigned', 'transferred') AND reply_due_date <= '2026-03-01' ${duePage}`}                      | ${'opinions_open_due (reply_due_date<?)'}
    ${"SELECT * FROM opinion_events WHERE opinion_id = 'op1' ORDER BY id"}                                                                                                    | ${'opinion_events_opinion'}
    ${"SELECT * FROM outbox WHERE status = 'pending' AND next_attempt_at <= 1 ORDER BY next_attempt_at, id LIMIT 50"}                                                         | ${'outbox_due'}
  `('$index serves: $query', ({ query, index }) => {
    const detail = plan(query);
    expect(detail).toContain(index);
    expect(detail).not.toMatch(/SCAN (opinions|opinion_events|outbox)\b(?! USING)/);
  });

  test('a voter’s list is read in index order, without sorting', () => {
    expect(plan(`SELECT doc FROM opinions WHERE author_openid = 'v' ${page}`)).not.toContain('TEMP B-TREE');
  });
});

test('a list’s statuses are written into its SQL only when each is an opinion status', async () => {
  await expect(
    store.listOpinions({ statuses: ["assigned') OR ('1' = '1" as OpinionStatus], limit: 5 }),
  ).rejects.toThrow('not an opinion status');
  await expect(store.listOpinions({ statuses: ['assigned', 'transferred'], limit: 5 })).resolves.toMatchObject({
    items: expect.any(Array),
  });
});

test('a due queue is read off the open cases by due date, whichever order its statuses come in', async () => {
  for (const statuses of [
    ['assigned', 'transferred'],
    ['transferred', 'assigned'],
  ] as OpinionStatus[][]) {
    await expect(
      store.listOpinions({ stationId: 's', statuses, dueOnOrBefore: '2026-03-01', limit: 5 }),
    ).resolves.toMatchObject({ items: expect.any(Array) });
  }
});
