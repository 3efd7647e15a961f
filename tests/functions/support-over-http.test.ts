import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SUPPORT_LINE } from '../../src/domain/support';
import { startLocalApi } from '../support/local-api';
import {
  ADMIN,
  call,
  DEPUTY,
  ok,
  opinionIn,
  reply,
  resolve as resolveOpinion,
  STAFF,
  submit,
  TRAFFIC,
  type LocalApi,
} from '../support/opinion-calls';

// 附议 through the functions as the app calls them (docs/API.md: opinions.similar, opinions.support;
// docs/DESIGN.md, 附议): similar open opinions before submitting, supported once per voter, followed
// like one's own without the author's contact or photos, and counted where deputies and staff look.

const CONTACT = { name: '王大伯', phone: '13957412345' };
/** Written like TRAFFIC by another neighbour: the same crossing, the same signal. */
const ALIKE = '环城西路和文昌路路口高峰时很堵，过马路很危险，希望加个左转信号灯';
const WHERE = { stationId: 'qx-jiedao', category: 'transport' as const };

let now = Date.UTC(2026, 2, 2, 2, 0);
let api: LocalApi;
beforeAll(async () => {
  api = await startLocalApi({ now: () => now });
});
afterAll(() => api.stop());
beforeEach(() => {
  now += 60_000;
});

/** A photo in `openid`'s own folder, uploaded as the app does. */
async function photoOf(openid: string): Promise<string> {
  const png = readFileSync(resolve('src/assets/tab/station.png'));
  const res = await fetch(`${api.base}/files`, {
    method: 'POST',
    headers: { 'content-type': 'image/png', 'x-dev-openid': openid },
    body: new Blob([new Uint8Array(png)]),
  });
  return ((await res.json()) as { data: { fileId: string } }).data.fileId;
}

const similar = (openid: string, content: string, where = WHERE) =>
  api.callAs(openid, 'opinions.similar', { ...where, content });
const support = (openid: string, opinionId: string) => call(api, openid, 'opinions', 'support', { opinionId });

describe('opinions.similar: open opinions that read like the draft', () => {
  test('finds another voter’s open opinion of that station and category, and nothing about its author', async () => {
    const author = 'sim-author-1';
    const image = await photoOf(author);
    const { opinionId } = await submit(api, author, { contact: CONTACT, consent: true, images: [image] });

    const found = await similar('sim-neighbour-1', ALIKE);

    const line = found.items.find((i) => i.id === opinionId);
    expect(line).toMatchObject({
      shortId: opinionId.slice(-6).toUpperCase(),
      category: 'transport',
      statusLabel: '代表办理中',
      supportCount: 0,
      supportedByMe: false,
      mine: false,
    });
    expect(line!.excerpt.length).toBeLessThanOrEqual(61);
    expect(Object.keys(line!).sort()).toEqual(
      [
        'category',
        'categoryLabel',
        'createdAt',
        'excerpt',
        'id',
        'mine',
        'shortId',
        'status',
        'statusLabel',
        'supportCount',
        'supportedByMe',
      ].sort(),
    );
    const text = JSON.stringify(found);
    for (const secret of [CONTACT.name, CONTACT.phone, author, image, '分派']) expect(text).not.toContain(secret);
  });

  test('its author sees it marked as their own; at most three come back, the most alike first', async () => {
    const author = 'sim-author-2';
    const { opinionId } = await submit(api, author, { content: `${ALIKE}。` });
    const found = await similar(author, ALIKE);
    expect(found.items.length).toBeLessThanOrEqual(3);
    expect(found.items[0]).toMatchObject({ id: opinionId, mine: true });
  });

  test('another category, another station, a short draft or an unrelated one find nothing', async () => {
    await submit(api, 'sim-author-3');
    expect((await similar('sim-neighbour-3', ALIKE, { ...WHERE, category: 'housing' as never })).items).toEqual([]);
    expect((await similar('sim-neighbour-3', ALIKE, { ...WHERE, stationId: 'qx-wenchang' })).items).toEqual([]);
    expect((await similar('sim-neighbour-3', '路口很堵')).items).toEqual([]);
    expect((await similar('sim-neighbour-3', '小区里的健身器材坏了好久没人修理')).items).toEqual([]);
  });

  test('held, withdrawn, resolved and closed opinions are not offered', async () => {
    const gone = await Promise.all(
      (['withdrawn', 'resolved', 'closed'] as const).map((s) => opinionIn(api, s, `sim-ended-${s}`)),
    );
    const ids = (await similar('sim-neighbour-4', TRAFFIC)).items.map((i) => i.id);
    for (const id of gone) expect(ids).not.toContain(id);
  });

  test('needs a caller', async () => {
    const { status } = await call(api, undefined, 'opinions', 'similar', { ...WHERE, content: ALIKE });
    expect(status).toBe(401);
  });
});

describe('opinions.support', () => {
  test('counts once per voter: a second 附议 answers the same and writes nothing', async () => {
    const { opinionId } = await submit(api, 'sup-author-1');
    const first = await support('sup-voter-1', opinionId);
    expect(first.status).toBe(200);
    expect(first.body.data).toMatchObject({ supportCount: 1, supportedByMe: true });
    const lines = () => api.store.listTimeline(opinionId);
    const before = await lines();

    const again = await support('sup-voter-1', opinionId);

    expect(again.body.data).toMatchObject({ supportCount: 1, supportedByMe: true });
    expect(await lines()).toEqual(before);
    expect(before.filter((l) => l.kind === 'supported')).toEqual([
      expect.objectContaining({ text: SUPPORT_LINE, actorName: '选民', visibility: 'public' }),
    ]);
    expect((await api.store.listAudit('opinion', opinionId)).map((a) => [a.action, a.actor])).toEqual([
      ['opinions.support', 'sup-voter-1'],
    ]);
    // Another voter counts.
    expect((await support('sup-voter-2', opinionId)).body.data.supportCount).toBe(2);
  });

  test('its author cannot support their own opinion', async () => {
    const { opinionId } = await submit(api, 'sup-author-2');
    const { status, body } = await support('sup-author-2', opinionId);
    expect([status, body.error]).toEqual([409, { code: 'CONFLICT', message: '这是您自己提的意见，不需要附议' }]);
  });

  test.each(['resolved', 'closed', 'rejected'] as const)('a %s opinion cannot be supported', async (state) => {
    const opinionId = await opinionIn(api, state, `sup-author-${state}`);
    const { status, body } = await support(`sup-late-${state}`, opinionId);
    expect([status, body.error?.code]).toEqual([409, 'CONFLICT']);
    expect(await api.store.isSupporting(opinionId, `sup-late-${state}`)).toBe(false);
  });

  test.each(['held', 'withdrawn'] as const)('a %s opinion, shown to nobody else, is not found', async (state) => {
    const opinionId = await opinionIn(api, state, `sup-author-${state}`);
    const { status } = await support(`sup-late-${state}`, opinionId);
    expect(status).toBe(404);
  });

  test('deputies and staff handle opinions rather than support them', async () => {
    const { opinionId } = await submit(api, 'sup-author-3');
    for (const who of [DEPUTY, STAFF, ADMIN]) expect((await support(who, opinionId)).status).toBe(403);
  });
});

describe('a supporter follows the opinion like their own', () => {
  test('sees it in 我的意见 and its page, without the author’s contact or photos, and cannot act on it', async () => {
    const author = 'follow-author-1';
    const supporter = 'follow-supporter-1';
    const image = await photoOf(author);
    const { opinionId } = await submit(api, author, { contact: CONTACT, consent: true, images: [image] });
    await ok(api, DEPUTY, 'casework', 'note', { opinionId, text: '内部：先电话联系交警' });
    await support(supporter, opinionId);

    const mine = await api.callAs(supporter, 'opinions.mine', { supported: true });
    expect(mine.items).toEqual([expect.objectContaining({ id: opinionId, supportedByMe: true, supportCount: 1 })]);
    expect((await api.callAs(supporter, 'opinions.mine', {})).items).toEqual([]);

    const seen = await api.callAs(supporter, 'opinions.get', { opinionId });
    expect(seen).toMatchObject({ content: TRAFFIC, supportedByMe: true, images: [] });
    expect(seen.contact).toBeUndefined();
    expect(seen.routingReason).toBeUndefined();
    expect(seen.timeline.some((l) => l.internal || l.text.includes('内部'))).toBe(false);
    expect(Object.values(seen.can).some(Boolean)).toBe(false);
    expect(JSON.stringify(seen)).not.toContain(author);
    for (const action of ['withdraw', 'eraseContact'] as const) {
      expect((await call(api, supporter, 'opinions', action, { opinionId })).status).toBe(403);
    }
    // The author still sees their own in full.
    expect(await api.callAs(author, 'opinions.get', { opinionId })).toMatchObject({
      contact: CONTACT,
      images: [image],
      supportedByMe: false,
      supportCount: 1,
    });
  });

  test('reads a phone number the author typed into the text with only its last 4 digits; the author and the deputy read it whole', async () => {
    const author = 'follow-author-number';
    const wrote = `${TRAFFIC}。我家就在路口，电话13957412345`;
    const { opinionId } = await submit(api, author, { content: wrote });
    await support('follow-supporter-number', opinionId);
    expect((await api.callAs('follow-supporter-number', 'opinions.get', { opinionId })).content).toBe(
      `${TRAFFIC}。我家就在路口，电话139****2345`,
    );
    // 我附议的 lists the start of the text: a number near it is masked there too.
    const early = await submit(api, 'follow-author-early', { content: `电话13957412345，${TRAFFIC}` });
    await support('follow-supporter-number', early.opinionId as string);
    const listed = await api.callAs('follow-supporter-number', 'opinions.mine', { supported: true });
    expect(listed.items.find((o) => o.id === early.opinionId)?.excerpt).toMatch(/^电话139\*\*\*\*2345，/);
    const offered = await similar('follow-neighbour-number', ALIKE);
    expect(JSON.stringify(offered)).not.toContain('13957412345');
    expect((await api.callAs(author, 'opinions.get', { opinionId })).content).toBe(wrote);
    expect((await api.callAs(DEPUTY, 'opinions.get', { opinionId })).content).toBe(wrote);
  });

  test('gets the same 消息 as the author when the deputy replies and when it is resolved', async () => {
    const { opinionId } = await submit(api, 'follow-author-2');
    await support('follow-supporter-2', opinionId);
    await reply(api, opinionId);
    await resolveOpinion(api, opinionId);

    const messages = await api.callAs('follow-supporter-2', 'account.messages', {});
    expect(messages.items.map((m) => m.url)).toEqual([
      `/pages/opinion/index?id=${opinionId}`,
      `/pages/opinion/index?id=${opinionId}`,
    ]);
    const kinds = (await api.store.listOutbox(10_000))
      .filter((m) => m.subjectId === opinionId && m.kind.endsWith('_to_voter'))
      .map((m) => [m.kind, m.recipientOpenid])
      .sort();
    expect(kinds).toEqual(
      [
        ['reply_to_voter', 'follow-author-2'],
        ['reply_to_voter', 'follow-supporter-2'],
        ['resolved_to_voter', 'follow-author-2'],
        ['resolved_to_voter', 'follow-supporter-2'],
      ].sort(),
    );
    const seen = await api.callAs('follow-supporter-2', 'opinions.get', { opinionId });
    expect(seen.reply?.content).toBeDefined();
    expect(seen.can.rate).toBe(false);
    expect(
      (await call(api, 'follow-supporter-2', 'opinions', 'rate', { opinionId, satisfaction: 'satisfied' })).status,
    ).toBe(403);
  });

  test('a voter who neither raised nor supports it still does not find it', async () => {
    const { opinionId } = await submit(api, 'follow-author-3');
    expect((await call(api, 'follow-stranger-3', 'opinions', 'get', { opinionId })).status).toBe(404);
  });
});

describe('support is shown where the opinion is handled', () => {
  test('the deputy’s inbox, the staff queue and the case page carry 附议 N 人', async () => {
    const { opinionId } = await submit(api, 'count-author-1');
    for (const who of ['count-a', 'count-b', 'count-c']) await support(who, opinionId);

    const inbox = await api.callAs(DEPUTY, 'casework.inbox', { filter: 'new' });
    expect(inbox.items.find((o) => o.id === opinionId)?.supportCount).toBe(3);
    const queue = await api.callAs(STAFF, 'casework.inbox', {});
    expect(queue.items.find((o) => o.id === opinionId)?.supportCount).toBe(3);
    for (const who of [DEPUTY, STAFF, ADMIN]) {
      expect(await api.callAs(who, 'opinions.get', { opinionId })).toMatchObject({
        supportCount: 3,
        supportedByMe: false,
      });
    }
    // Never who: no supporter's OPENID in what staff see.
    expect(JSON.stringify(await api.callAs(STAFF, 'opinions.get', { opinionId }))).not.toContain('count-a');
  });

  test('merging a duplicate carries its voter and supporters over to the opinion it joins', async () => {
    const target = await submit(api, 'merge-author-1');
    const duplicate = await submit(api, 'merge-author-2', { content: ALIKE });
    await support('merge-supporter', duplicate.opinionId);
    await support('merge-both', duplicate.opinionId);
    await support('merge-both', target.opinionId);

    await ok(api, STAFF, 'casework', 'reject', {
      opinionId: duplicate.opinionId,
      kind: 'duplicate',
      reason: '与同一路口的意见重复',
      mergedInto: target.opinionId,
    });

    const merged = await api.callAs(STAFF, 'opinions.get', { opinionId: target.opinionId });
    expect(merged.supportCount).toBe(3);
    expect(merged.timeline.at(-1)?.text).toContain('3位选民随之附议');
    for (const who of ['merge-author-2', 'merge-supporter']) {
      expect((await api.callAs(who, 'opinions.get', { opinionId: target.opinionId })).supportedByMe).toBe(true);
      // and still the duplicate, which says where it went
      expect((await call(api, who, 'opinions', 'get', { opinionId: duplicate.opinionId })).status).toBe(200);
    }
  });
});
