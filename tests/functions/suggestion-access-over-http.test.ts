import { startLocalApi } from '../support/local-api';
import { ADMIN, call, DEPUTY, type LocalApi, STAFF } from '../support/opinion-calls';
import {
  body,
  CONTACT,
  LI,
  opinionForChen,
  type Made,
  suggestionIn,
  suggestionStreet,
  suggestionWorld,
  UNITS,
  WANG,
} from '../support/suggestion-calls';

let api: LocalApi;
beforeAll(async () => {
  api = await startLocalApi();
  await suggestionStreet(api);
});
afterAll(() => api.stop());

/** Every 建议 the caller's list shows, page after page (ids of one clock moment tie on time). */
const ids = async (openid: string, state: 'open' | 'finished' | 'all' = 'all') => {
  const all: string[] = [];
  let cursor: string | undefined;
  do {
    const { body } = await call(api, openid, 'suggestions', 'list', { state, ...(cursor ? { cursor } : {}) });
    if (!body.ok) return body.error.code;
    all.push(...(body.data.items as Array<{ id: string }>).map((i) => i.id));
    cursor = (body.data.cursor as string | undefined) ?? undefined;
  } while (cursor);
  return all;
};

// One change each for the committee's steps, made by anybody.
const COMMITTEE_STEPS: Array<[string, (m: Made) => object]> = [
  ['decline', (m) => ({ suggestionId: m.id, ground: 'no_substance', note: '内容不够具体' })],
  ['assign', (m) => ({ suggestionId: m.id, leadUnitId: UNITS.city.id })],
  ['ruleReturn', (m) => ({ suggestionId: m.id, decision: 'reassign', note: '改交执法局', leadUnitId: UNITS.city.id })],
  ['extend', (m) => ({ suggestionId: m.id, dueDate: '2026-07-01', reason: '需要编制预算' })],
  ['supervise', (m) => ({ suggestionId: m.id, reason: '群众反映集中' })],
];

describe('only the committee decides, hands over, rules on a 退回, extends and supervises', () => {
  test.each(COMMITTEE_STEPS)(
    '%s by the deputies, the staff and the units is FORBIDDEN and writes nothing',
    async (action, fields) => {
      const submitted = await suggestionIn(api, 'submitted');
      const returned = await suggestionIn(api, 'returned');
      for (const m of [submitted, returned]) {
        const before = await suggestionWorld(api, m);
        const callers =
          m === submitted ? [DEPUTY, WANG, STAFF] : [DEPUTY, WANG, STAFF, CONTACT.traffic, CONTACT.housing];
        for (const caller of callers) {
          const { status, body } = await call(api, caller, 'suggestions', action, fields(m));
          expect({ caller, status, code: body.error?.code }).toEqual({ caller, status: 403, code: 'FORBIDDEN' });
        }
        expect(await suggestionWorld(api, m)).toEqual(before);
      }
    },
  );

  test('station staff read every submitted 建议 and may do nothing to it', async () => {
    const m = await suggestionIn(api, 'assigned');
    const view = await api.callAs(STAFF, 'suggestions.get', { suggestionId: m.id });
    expect(view.content).toBe(m.view.content);
    expect(Object.values(view.can).some(Boolean)).toBe(false);
    expect(await ids(STAFF)).toContain(m.id);
    expect((await call(api, STAFF, 'suggestions', 'figures', { from: '2026-01-01', to: '2026-12-31' })).body.ok).toBe(
      true,
    );
  });

  test('a draft, even one withdrawn before it was submitted, is its deputies’ own', async () => {
    const draft = await suggestionIn(api, 'draft');
    const withdrawn = await suggestionIn(api, 'withdrawn');
    for (const m of [draft, withdrawn]) {
      for (const caller of [ADMIN, STAFF]) {
        expect((await call(api, caller, 'suggestions', 'get', { suggestionId: m.id })).status).toBe(404);
        expect(await ids(caller)).not.toContain(m.id);
      }
      expect(await ids(DEPUTY)).toContain(m.id);
      expect(await ids(WANG)).toContain(m.id);
    }
  });
});

describe('a unit sees only the 建议 handed to it', () => {
  test('the 主办 and the 协办 see it; another unit is told it does not exist and does not list it', async () => {
    const m = await suggestionIn(api, 'assigned');
    expect((await api.callAs(CONTACT.traffic, 'suggestions.get', { suggestionId: m.id })).can.answer).toBe(true);
    const asCo = await api.callAs(CONTACT.housing, 'suggestions.get', { suggestionId: m.id });
    expect(asCo.can).toMatchObject({ answer: false, coView: true, requestReturn: false });
    expect(await ids(CONTACT.traffic)).toContain(m.id);
    expect(await ids(CONTACT.housing)).toContain(m.id);

    const { status, body } = await call(api, CONTACT.city, 'suggestions', 'get', { suggestionId: m.id });
    expect(status).toBe(404);
    expect(body.error).toEqual({ code: 'NOT_FOUND', message: '没有找到这件建议' });
    expect(await ids(CONTACT.city)).not.toContain(m.id);
    expect(
      (await call(api, CONTACT.city, 'suggestions', 'get', { suggestionId: 'sg-does-not-exist' })).body.error,
    ).toEqual(body.error);
  });

  test('a submitted 建议 not yet handed over is no unit’s', async () => {
    const m = await suggestionIn(api, 'submitted');
    for (const contact of Object.values(CONTACT)) {
      expect((await call(api, contact, 'suggestions', 'get', { suggestionId: m.id })).status).toBe(404);
      expect(await ids(contact)).not.toContain(m.id);
    }
  });

  test('what a unit is shown never names a voter or says how to reach one', async () => {
    const m = await suggestionIn(api, 'answered');
    const secrets: string[] = [...m.voters];
    for (const opinionId of m.opinionIds) {
      const opinion = (await api.store.getOpinion(opinionId))!;
      expect(opinion.contact).toBeDefined();
      secrets.push(opinion.authorOpenid!, opinion.contact!.name, opinion.contact!.phone);
    }
    for (const contact of [CONTACT.traffic, CONTACT.housing]) {
      const seen = JSON.stringify([
        await call(api, contact, 'suggestions', 'get', { suggestionId: m.id }),
        await call(api, contact, 'suggestions', 'list', { state: 'all' }),
      ]);
      expect(seen).toContain(m.id);
      for (const secret of secrets) expect(seen).not.toContain(secret);
    }
  });

  test('a unit sees no opinion itself', async () => {
    const m = await suggestionIn(api, 'assigned');
    for (const opinionId of m.opinionIds) {
      expect((await call(api, CONTACT.traffic, 'opinions', 'get', { opinionId })).status).toBe(404);
    }
  });
});

describe('a voter never sees a 建议, only what became of it on their own opinion', () => {
  test('suggestions.get and list refuse a voter, whose opinion fed the 建议 or not', async () => {
    const m = await suggestionIn(api, 'answered');
    for (const voter of [m.voters[0]!, 'voter-stranger']) {
      const get = await call(api, voter, 'suggestions', 'get', { suggestionId: m.id });
      expect(['NOT_FOUND', 'FORBIDDEN']).toContain(get.body.error.code);
      expect((await call(api, voter, 'suggestions', 'list', {})).body.error.code).toBe('FORBIDDEN');
    }
    expect((await call(api, undefined, 'suggestions', 'get', { suggestionId: m.id })).status).toBe(401);
  });

  test('the opinion’s page shows each public step, the unit’s answer summary included', async () => {
    const m = await suggestionIn(api, 'settled');
    const mine = await api.callAs(m.voters[0]!, 'opinions.get', { opinionId: m.opinionIds[0]! });
    const lines = mine.timeline.map((l) => l.text);
    expect(lines).toEqual(
      expect.arrayContaining([
        '代表将这条意见和其他群众意见一起形成代表建议《关于环城西路口增设信号灯的建议》，已提交人大工委',
        '据此形成的代表建议已立案并交县交通运输局（主办）、县住房和城乡建设局（协办）办理，应于2026年6月1日前答复',
        '县交通运输局答复（A 已解决或基本解决）：经现场勘查，已于本月在该路口增设信号灯并延长行人绿灯时间至35秒。',
        '代表对承办单位的答复表示满意，建议已办结',
      ]),
    );
    expect(mine.timeline.every((l) => (l as { internal?: boolean }).internal !== true)).toBe(true);
    // The other voter's opinion has the same lines, and neither voter sees the other's opinion.
    const theirs = await api.callAs(m.voters[1]!, 'opinions.get', { opinionId: m.opinionIds[1]! });
    expect(theirs.timeline.map((l) => l.text)).toEqual(expect.arrayContaining(lines.slice(-4)));
    expect((await call(api, m.voters[0], 'opinions', 'get', { opinionId: m.opinionIds[1] })).status).toBe(404);
  });

  test('each source voter gets one message per step that concerns them', async () => {
    const m = await suggestionIn(api, 'answered');
    const told = (await api.store.listOutbox(10_000)).filter(
      (o) => o.kind === 'suggestion_to_voter' && m.voters.includes(o.recipientOpenid),
    );
    expect(told.map((o) => [o.recipientOpenid, o.payload.result]).sort()).toEqual(
      [
        [m.voters[0], '单位已答复'],
        [m.voters[0], '形成建议'],
        [m.voters[1], '单位已答复'],
        [m.voters[1], '形成建议'],
      ].sort(),
    );
    expect(told.every((o) => m.opinionIds.includes(o.subjectId))).toBe(true);
  });
});

describe('a voter who 附议’d a source opinion follows its 建议 like its author', () => {
  test('the 建议 counts the support behind each opinion, and supporters hear of each step the author hears of', async () => {
    const sources = [await opinionForChen(api), await opinionForChen(api)];
    const opinionIds = sources.map((x) => x.opinionId);
    for (const neighbour of ['voter-sg-neighbour-1', 'voter-sg-neighbour-2']) {
      await api.callAs(neighbour, 'opinions.support', { opinionId: opinionIds[0]! });
    }
    const draft = await api.callAs(DEPUTY, 'suggestions.draft', body(opinionIds));
    expect(draft.sources.map((x) => [x.opinionId, x.supportCount])).toEqual([
      [opinionIds[0], 2],
      [opinionIds[1], 0],
    ]);
    await api.callAs(DEPUTY, 'suggestions.submit', { suggestionId: draft.id });
    const told = (await api.store.listOutbox(10_000)).filter(
      (o) => o.kind === 'suggestion_to_voter' && o.payload.result === '形成建议' && opinionIds.includes(o.subjectId),
    );
    expect(told.map((o) => [o.recipientOpenid, o.subjectId]).sort()).toEqual(
      [
        [sources[0]!.voter, opinionIds[0]],
        ['voter-sg-neighbour-1', opinionIds[0]],
        ['voter-sg-neighbour-2', opinionIds[0]],
        [sources[1]!.voter, opinionIds[1]],
      ].sort(),
    );
    // The supporter reads the step on the opinion they follow.
    const seen = await api.callAs('voter-sg-neighbour-1', 'opinions.get', { opinionId: opinionIds[0]! });
    expect(seen.timeline.map((l) => l.text)).toContain(
      '代表将这条意见和其他群众意见一起形成代表建议《关于环城西路口增设信号灯的建议》，已提交人大工委',
    );
  });
});

describe('the 联名 deputies see the whole 建议', () => {
  test('the 附议代表 reads the answer and the timeline in full, and may change nothing but their confirmation', async () => {
    const m = await suggestionIn(api, 'answered');
    const asWang = await api.callAs(WANG, 'suggestions.get', { suggestionId: m.id });
    const asLead = await api.callAs(DEPUTY, 'suggestions.get', { suggestionId: m.id });
    expect({ ...asWang, can: undefined }).toEqual({ ...asLead, can: undefined });
    expect(asWang.answers[0]?.content).toBe('经现场勘查，已于本月在该路口增设信号灯并延长行人绿灯时间至35秒。');
    expect(asLead.can.feedback).toBe(true);
    expect(Object.values(asWang.can).some(Boolean)).toBe(false);
    expect(
      (await call(api, WANG, 'suggestions', 'feedback', { suggestionId: m.id, satisfaction: 'satisfied' })).status,
    ).toBe(403);
    expect(await ids(WANG)).toContain(m.id);
    expect((await call(api, LI, 'suggestions', 'get', { suggestionId: m.id })).status).toBe(404);
  });
});
