import { replyToOpinion, resolveOpinion } from '../../server/services/casework';
import { acceptSubscriptions, listMessages, readMessages, subscribeTemplateIds } from '../../server/services/messages';
import { MAX_SUBSCRIPTION_CREDITS } from '../../src/domain/subscribe-templates';
import { anOpinion, aStreet, PEOPLE, refusal, type Street } from '../support/builders';

// A person's 消息 (docs/DESIGN.md, Notifications): every message the product wrote for them,
// whatever WeChat did with it, with a read mark; and the WeChat subscription acceptances that
// allow sending, one credit per acceptance of a configured template.

const TEMPLATES = { opinion_reply: { id: 'TPL-REPLY' }, opinion_outcome: { id: 'TPL-OUTCOME' } };
let street: Street;
beforeEach(async () => {
  street = await aStreet({ subscribeTemplates: TEMPLATES });
});
afterEach(() => street.store.close());

const as = (who: string) => street.as(who);

/** A reply, then a resolution, of one opinion of voter 张: two messages for them, a minute apart. */
async function repliedAndResolved() {
  const { id } = await anOpinion(street, 'assigned');
  await replyToOpinion({ opinionId: id, content: '已联系交警部门调整配时。' }, await as(PEOPLE.chen));
  street.now += 60_000;
  await resolveOpinion({ opinionId: id, note: '配时已调整' }, await as(PEOPLE.staff));
  return id;
}

describe('the 消息 list', () => {
  test('holds the caller’s own messages, newest first, each with where it leads', async () => {
    const id = await repliedAndResolved();
    const list = await listMessages({}, await as(PEOPLE.voter));
    expect(list.items.map((m) => [m.title, m.read, m.delivery])).toEqual([
      [expect.any(String), false, 'pending'],
      [expect.any(String), false, 'pending'],
    ]);
    expect(list.items.every((m) => m.url.includes(id))).toBe(true);
    expect(list.items[0]!.at).toBeGreaterThan(list.items[1]!.at);
    expect(list.unread).toBe(2);
    expect((await listMessages({}, await as(PEOPLE.otherVoter))).items).toEqual([]);
  });

  test('reading up to a message leaves the newer ones unread; the mark never moves back', async () => {
    await repliedAndResolved();
    const [newest, older] = (await listMessages({}, await as(PEOPLE.voter))).items;
    expect(await readMessages({ upTo: older!.at }, await as(PEOPLE.voter))).toEqual({ unread: 1 });
    expect(await readMessages({ upTo: newest!.at }, await as(PEOPLE.voter))).toEqual({ unread: 0 });
    expect(await readMessages({ upTo: older!.at }, await as(PEOPLE.voter))).toEqual({ unread: 0 });
  });

  test('a read mark in the future stops at now, so that messages written later are unread', async () => {
    await readMessages({ upTo: street.now + 86_400_000 }, await as(PEOPLE.voter));
    street.now += 1000;
    await repliedAndResolved();
    expect((await listMessages({}, await as(PEOPLE.voter))).unread).toBe(2);
  });

  test('a caller the platform did not name has no messages to read', async () => {
    expect((await refusal(listMessages({}, await street.as(undefined)))).code).toBe('UNAUTHENTICATED');
  });
});

describe('subscription acceptances', () => {
  test('each acceptance of a configured template is one credit, with an audit line', async () => {
    const ctx = await as(PEOPLE.voter);
    await acceptSubscriptions({ templateIds: ['TPL-REPLY', 'TPL-OUTCOME'] }, ctx);
    expect(await acceptSubscriptions({ templateIds: ['TPL-REPLY'] }, ctx)).toEqual({
      subscriptions: { 'TPL-REPLY': 2, 'TPL-OUTCOME': 1 },
    });
    const audit = await street.store.listAudit('account', PEOPLE.voter);
    expect(audit.map((a) => a.action)).toEqual(['account.acceptSubscriptions', 'account.acceptSubscriptions']);
  });

  test('credits stop at the cap', async () => {
    const ctx = await as(PEOPLE.voter);
    for (let i = 0; i < MAX_SUBSCRIPTION_CREDITS + 5; i += 1) {
      await acceptSubscriptions({ templateIds: ['TPL-REPLY'] }, ctx);
    }
    expect((await street.store.listSubscriptions(PEOPLE.voter))['TPL-REPLY']).toBe(MAX_SUBSCRIPTION_CREDITS);
  });

  test('a template this program does not use is refused, and nothing is recorded', async () => {
    const call = acceptSubscriptions({ templateIds: ['TPL-REPLY', 'TPL-SOMEONE-ELSE'] }, await as(PEOPLE.voter));
    expect(await refusal(call)).toEqual({ code: 'INVALID_INPUT', message: '不是本程序的消息模板' });
    expect(await street.store.listSubscriptions(PEOPLE.voter)).toEqual({});
    expect(await street.store.listAudit('account', PEOPLE.voter)).toEqual([]);
  });

  test('the pages ask for the configured templates at the moment each fits, and for none unconfigured', async () => {
    // A voter is asked at submission for the reply and the outcome of their opinion; the outcome
    // template also carries deputies' and the committee's 代表建议 notices, asked at their taps.
    expect(subscribeTemplateIds(await as(PEOPLE.voter))).toEqual({
      submit: ['TPL-REPLY', 'TPL-OUTCOME'],
      casework: ['TPL-OUTCOME'],
      oversight: ['TPL-OUTCOME'],
    });
    expect(subscribeTemplateIds({ config: { ...street.config, subscribeTemplates: {} } })).toEqual({});
  });
});
