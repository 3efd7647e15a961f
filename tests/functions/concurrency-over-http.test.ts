import { main as casework } from '../../cloudfunctions/casework/index';
import { main as opinions } from '../../cloudfunctions/opinions/index';
import { startLocalApi } from '../support/local-api';
import {
  call,
  DEPUTY,
  draft,
  type LocalApi,
  newRequestId,
  ok,
  REPLY,
  STAFF,
  submit,
  tableCounts,
} from '../support/opinion-calls';

let api: LocalApi;
beforeAll(async () => {
  api = await startLocalApi();
});
afterAll(() => api.stop());

const replyLines = async (opinionId: string) =>
  (await api.store.listTimeline(opinionId)).filter((e) => e.kind === 'replied');
const codes = (results: Array<{ body: Record<string, any> }>) =>
  results.map((r) => (r.body.ok ? 'ok' : r.body.error.code)).sort();

describe('racing requests over HTTP', () => {
  test('five replies at once: one is accepted, four are CONFLICT, one reply line and one notice', async () => {
    const { opinionId } = await submit(api, 'voter-race-1');
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        call(api, DEPUTY, 'casework', 'reply', { opinionId, content: `第${i + 1}稿：${REPLY}` }),
      ),
    );
    expect(codes(results)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'ok']);
    expect(results.filter((r) => !r.body.ok).every((r) => r.status === 409)).toBe(true);
    expect(await replyLines(opinionId)).toHaveLength(1);
    const winner = results.find((r) => r.body.ok)!.body.data;
    expect((await api.store.getOpinion(opinionId))?.reply?.content).toBe(winner.reply.content);
    const notices = (await api.store.listOutbox(1000)).filter(
      (m) => m.subjectId === opinionId && m.kind === 'reply_to_voter',
    );
    expect(notices).toHaveLength(1);
  });

  test('a reply and a withdrawal at once: exactly one of them happens', async () => {
    const { opinionId } = await submit(api, 'voter-race-2');
    const results = await Promise.all([
      call(api, DEPUTY, 'casework', 'reply', { opinionId, content: REPLY }),
      call(api, 'voter-race-2', 'opinions', 'withdraw', { opinionId }),
    ]);
    expect(codes(results)).toEqual(['CONFLICT', 'ok']);
    const stored = await api.store.getOpinion(opinionId);
    const timeline = await api.store.listTimeline(opinionId);
    if (results[0]!.body.ok) {
      expect(stored?.status).toBe('replied');
      expect(timeline.map((e) => e.kind)).not.toContain('withdrawn');
    } else {
      expect(stored?.status).toBe('withdrawn');
      expect(stored?.reply).toBeUndefined();
      expect(timeline.map((e) => e.kind)).not.toContain('replied');
    }
  });

  test('fifty submits sharing five requestIds make exactly five opinions', async () => {
    const voter = 'voter-retrying';
    const ids = Array.from({ length: 5 }, () => newRequestId('retry'));
    const before = tableCounts(api);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => call(api, voter, 'opinions', 'submit', draft({ requestId: ids[i % 5] }))),
    );
    expect(results.every((r) => r.body.ok)).toBe(true);
    const byRequest = new Map<string, Set<string>>();
    results.forEach((r, i) => {
      const set = byRequest.get(ids[i % 5]!) ?? new Set();
      set.add(r.body.data.opinionId);
      byRequest.set(ids[i % 5]!, set);
    });
    expect([...byRequest.values()].map((s) => s.size)).toEqual([1, 1, 1, 1, 1]);
    expect(tableCounts(api).opinions).toBe(before.opinions + 5);
    expect((await ok(api, voter, 'opinions', 'mine', { limit: 50 })).items).toHaveLength(5);
    // Each opinion has one set of lines: the retries wrote nothing.
    for (const set of byRequest.values()) {
      const [opinionId] = [...set];
      expect((await api.store.listTimeline(opinionId!)).filter((e) => e.kind === 'submitted')).toHaveLength(1);
    }
  });
});

// Over HTTP the local server happens to finish one request before it reads the next, because
// SQLite answers synchronously. Calling the function entries directly lets the awaits of
// several calls interleave, as truly concurrent cloud function instances would.
const as = (openid: string) => ({ environment: JSON.stringify({ TRIGGER_SRC: 'http', WX_OPENID: openid }) });
const direct = (results: Array<{ ok: boolean; error?: { code: string } }>) =>
  results.map((r) => (r.ok ? 'ok' : r.error!.code)).sort();

describe('racing calls interleaved inside one process', () => {
  test('five interleaved replies: each is decided on the opinion it replaces, so exactly one goes through', async () => {
    const { opinionId } = await submit(api, 'voter-interleave-1');
    const results = await Promise.all(
      Array.from({ length: 5 }, () => casework({ action: 'reply', opinionId, content: REPLY }, as(DEPUTY))),
    );
    expect(direct(results as any)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'ok']);
    // The others are decided again on the replied opinion, and told why they cannot reply.
    for (const refused of results.filter((r) => !r.ok)) {
      expect(refused).toEqual({
        ok: false,
        error: { code: 'CONFLICT', message: '这条意见的状态已经变化，请刷新后再操作' },
      });
    }
    expect(await replyLines(opinionId)).toHaveLength(1);
  });

  test('two reassignments racing: each is decided on the assignment before it, and both are in the timeline', async () => {
    const { opinionId } = await submit(api, 'voter-interleave-2');
    const results = await Promise.all([
      casework({ action: 'assign', opinionId, deputyId: 'd03' }, as(STAFF)),
      casework({ action: 'assign', opinionId, deputyId: 'd02' }, as(STAFF)),
    ]);
    expect(direct(results as any)).toEqual(['ok', 'ok']);
    const assigned = (await api.store.listTimeline(opinionId)).filter((e) => e.kind === 'assigned');
    expect(assigned).toHaveLength(3);
    // The opinion is with the deputy the last line names.
    const last = assigned[assigned.length - 1]!.text;
    const deputyId = (await api.store.getOpinion(opinionId))!.assignedDeputyId;
    expect(['d02', 'd03']).toContain(deputyId);
    expect(last).toContain(deputyId === 'd02' ? '王秀英' : '李志强');
  });

  test('two identical reassignments racing: the second is decided on the first and refused', async () => {
    const { opinionId } = await submit(api, 'voter-interleave-3');
    const results = await Promise.all([
      casework({ action: 'assign', opinionId, deputyId: 'd03' }, as(STAFF)),
      casework({ action: 'assign', opinionId, deputyId: 'd03' }, as(STAFF)),
    ]);
    expect(results.filter((r) => !r.ok)).toEqual([
      { ok: false, error: { code: 'CONFLICT', message: '已经分派给这位代表' } },
    ]);
    expect((await api.store.listTimeline(opinionId)).filter((e) => e.kind === 'assigned')).toHaveLength(2);
  });

  test('two voters claiming one walk-in code: one gets it, the other is told what any taken code gets', async () => {
    const { claimCode, opinionId } = await ok(api, STAFF, 'casework', 'intake', {
      category: 'rural',
      content: '西周村村道路灯坏了大半年，晚上出行不安全，希望尽快修复。',
      requestId: newRequestId('walkin'),
    });
    const results = await Promise.all([
      opinions({ action: 'claim', claimCode }, as('voter-claim-a')),
      opinions({ action: 'claim', claimCode }, as('voter-claim-b')),
    ]);
    expect(direct(results as any)).toEqual(['NOT_FOUND', 'ok']);
    expect((await api.store.listTimeline(opinionId)).filter((e) => e.kind === 'claimed')).toHaveLength(1);
  });

  test('fifty interleaved submits sharing five requestIds make exactly five opinions', async () => {
    const ids = Array.from({ length: 5 }, () => newRequestId('burst'));
    const before = tableCounts(api);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        opinions({ action: 'submit', ...draft({ requestId: ids[i % 5] }) }, as('voter-burst')),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(new Set(results.map((r) => (r as any).data.opinionId)).size).toBe(5);
    expect(tableCounts(api).opinions).toBe(before.opinions + 5);
    expect(tableCounts(api).events - before.events).toBe(5 * 3);
  });

  // Product bug: submitOpinion counts the caller's opinions, then creates one, in two steps;
  // concurrent calls all pass the count before any is written.
  test('a burst of fifteen different submits cannot get past the daily limit of ten', async () => {
    const results = await Promise.all(
      Array.from({ length: 15 }, () => opinions({ action: 'submit', ...draft() }, as('voter-flood'))),
    );
    expect(direct(results as any)).toEqual([...Array(5).fill('RATE_LIMITED'), ...Array(10).fill('ok')].sort());
  });
});
