import { replyToOpinion } from '../../server/services/casework';
import { eraseAccount, eraseContact, eraseExpiredContacts } from '../../server/services/personal-data';
import { supportOpinion } from '../../server/services/support';
import { intakeOpinion } from '../../server/services/intake';
import { submitOpinion } from '../../server/services/submit-opinion';
import { claimOpinion, getOpinion, listMyOpinions, withdrawOpinion } from '../../server/services/voter-opinions';
import { CONTACT_RETENTION_DAYS, isErasedAuthor, PRIVACY_NOTICE_VERSION } from '../../src/domain/personal-data';
import type { Opinion } from '../../src/domain/opinion';
import { anOpinion, aStreet, DAY, EAST, NOW, outbox, PEOPLE, refusal, type Street, TODAY } from '../support/builders';

// The voter's control over their personal data (docs/API.md, Retention of personal data): the
// consent stored with a contact, erasing one contact, erasing the account's data, erasure at
// withdrawal and the retention job — on the services directly.

const CONTACT = { name: '张桂英', phone: '13805741234' };
const TEXT = '东门路口的红绿灯时间太短，老人过马路来不及，希望延长绿灯时间。';
let street: Street;
let request = 0;
beforeEach(async () => {
  street = await aStreet();
});
afterEach(() => street.store.close());

const as = (who: string) => street.as(who);
const draft = (fields: Record<string, unknown> = {}) => ({
  stationId: EAST.id,
  category: 'transport' as const,
  content: TEXT,
  requestId: `req-${(request += 1)}`,
  ...fields,
});
const stored = async (id: string) => (await street.store.getOpinion(id)) as Opinion;
const lastLine = async (id: string) => (await street.store.listTimeline(id)).at(-1);
const audits = (id: string, action: string) =>
  street.store.listAudit('opinion', id).then((lines) => lines.filter((a) => a.action === action));

describe('the consent is stored with the contact: when, and to which notice', () => {
  test('a voter’s contact is kept with { at, version } of the notice they agreed to', async () => {
    const { opinionId } = await submitOpinion(draft({ contact: CONTACT, consent: true }), await as(PEOPLE.voter));
    expect((await stored(opinionId)).consent).toEqual({ at: NOW, version: PRIVACY_NOTICE_VERSION });
  });

  test('a walk-in recorded by staff, who confirm the voter agreed, keeps the same', async () => {
    const { opinionId } = await intakeOpinion(draft({ contact: CONTACT, consent: true }), await as(PEOPLE.staff));
    expect((await stored(opinionId)).consent).toEqual({ at: NOW, version: PRIVACY_NOTICE_VERSION });
  });

  test('an opinion without a contact holds no consent', async () => {
    const { opinionId } = await submitOpinion(draft(), await as(PEOPLE.voter));
    expect((await stored(opinionId)).consent).toBeUndefined();
  });
});

describe('opinions.eraseContact: the voter erases the contact they left', () => {
  test('the contact and consent go, with a public line and an audit line; deputy and staff no longer see it', async () => {
    const { id } = await anOpinion(street, 'assigned', {
      contact: CONTACT,
      consent: { at: NOW - DAY, version: PRIVACY_NOTICE_VERSION },
    });
    expect((await getOpinion({ opinionId: id }, await as(PEOPLE.chen))).contact).toEqual(CONTACT);

    const view = await eraseContact({ opinionId: id }, await as(PEOPLE.voter));

    expect(view.contact).toBeUndefined();
    expect(view.can.eraseContact).toBe(false);
    const after = await stored(id);
    expect(after.contact).toBeUndefined();
    expect(after.consent).toBeUndefined();
    expect(after.status).toBe('assigned');
    expect(await lastLine(id)).toMatchObject({
      kind: 'contact_erased',
      text: '删除了联系方式',
      visibility: 'public',
    });
    expect(await audits(id, 'opinions.eraseContact')).toEqual([
      { at: NOW, actor: PEOPLE.voter, action: 'opinions.eraseContact', targetType: 'opinion', targetId: id },
    ]);
    for (const who of [PEOPLE.chen, PEOPLE.staff, PEOPLE.admin]) {
      expect((await getOpinion({ opinionId: id }, await as(who))).contact).toBeUndefined();
    }
  });

  test('it can be done in any state, e.g. after the opinion was closed', async () => {
    const { id } = await anOpinion(street, 'closed', { contact: CONTACT });
    expect((await eraseContact({ opinionId: id }, await as(PEOPLE.voter))).contact).toBeUndefined();
  });

  test('erasing again writes nothing', async () => {
    const { id } = await anOpinion(street, 'assigned', { contact: CONTACT });
    await eraseContact({ opinionId: id }, await as(PEOPLE.voter));
    const lines = (await street.store.listTimeline(id)).length;
    const version = (await stored(id)).version;

    const again = await eraseContact({ opinionId: id }, await as(PEOPLE.voter));

    expect(again.contact).toBeUndefined();
    expect((await street.store.listTimeline(id)).length).toBe(lines);
    expect((await stored(id)).version).toBe(version);
    expect(await audits(id, 'opinions.eraseContact')).toHaveLength(1);
  });

  test('only its voter: another voter is told it does not exist, its deputy and staff may not', async () => {
    const { id } = await anOpinion(street, 'assigned', { contact: CONTACT });
    expect(await refusal(eraseContact({ opinionId: id }, await as(PEOPLE.otherVoter)))).toEqual({
      code: 'NOT_FOUND',
      message: '没有找到这条意见',
    });
    for (const who of [PEOPLE.chen, PEOPLE.staff]) {
      expect(await refusal(eraseContact({ opinionId: id }, await as(who)))).toEqual({
        code: 'FORBIDDEN',
        message: '只有提出意见的选民可以这样做',
      });
    }
    expect((await stored(id)).contact).toEqual(CONTACT);
  });

  test('a walk-in’s contact, written down by staff, is not erased by whoever claimed it with the code', async () => {
    const { claimCode, opinionId } = await intakeOpinion(
      draft({ contact: CONTACT, consent: true }),
      await as(PEOPLE.staff),
    );
    await claimOpinion({ claimCode }, await as(PEOPLE.voter));
    expect(await refusal(eraseContact({ opinionId }, await as(PEOPLE.voter)))).toEqual({
      code: 'FORBIDDEN',
      message: '这条意见是工作人员在接待日代为登记的，删除联系方式请联系联络站工作人员',
    });
    expect((await stored(opinionId)).contact).toEqual(CONTACT);
  });
});

describe('withdrawal takes the contact with it', () => {
  test('a withdrawn opinion keeps neither contact nor consent, and its timeline says so', async () => {
    const { id } = await anOpinion(street, 'assigned', {
      contact: CONTACT,
      consent: { at: NOW - DAY, version: PRIVACY_NOTICE_VERSION },
    });
    await withdrawOpinion({ opinionId: id }, await as(PEOPLE.voter));
    const after = await stored(id);
    expect([after.status, after.contact, after.consent]).toEqual(['withdrawn', undefined, undefined]);
    expect(await lastLine(id)).toMatchObject({ kind: 'contact_erased', text: '意见已撤回，联系方式已随之删除' });
    expect((await getOpinion({ opinionId: id }, await as(PEOPLE.staff))).contact).toBeUndefined();
  });

  test('a contact still held by an opinion withdrawn before that rule is shown to no deputy, staff or committee', async () => {
    const { id } = await anOpinion(street, 'withdrawn', { contact: CONTACT, assignedDeputyId: 'd-chen' });
    for (const who of [PEOPLE.chen, PEOPLE.staff, PEOPLE.admin]) {
      expect((await getOpinion({ opinionId: id }, await as(who))).contact).toBeUndefined();
    }
    expect((await getOpinion({ opinionId: id }, await as(PEOPLE.voter))).contact).toEqual(CONTACT);
  });
});

describe('account.erase: a voter erases their personal data; the opinions stay for the figures', () => {
  test('every opinion loses its contact and its link to the voter; their other records go', async () => {
    const a = await anOpinion(street, 'assigned', { contact: CONTACT });
    const b = await anOpinion(street, 'closed', { contact: CONTACT });
    const c = await anOpinion(street, 'submitted');
    const other = await anOpinion(street, 'assigned', {
      authorOpenid: PEOPLE.otherVoter,
      submittedBy: PEOPLE.otherVoter,
      contact: CONTACT,
    });
    await street.store.setFollow(PEOPLE.voter, EAST.id, true, NOW);
    await street.store.setVoterDistrict(PEOPLE.voter, '第1选区', NOW, {
      at: NOW,
      actor: PEOPLE.voter,
      action: 'evaluations.setDistrict',
      targetType: 'voter',
      targetId: PEOPLE.voter,
    });
    await street.store.setMessagesReadAt(PEOPLE.voter, NOW);
    await supportOpinion({ opinionId: other.id }, await as(PEOPLE.voter));

    const erased = await eraseAccount({}, await as(PEOPLE.voter));

    expect(erased).toEqual({
      opinions: 3,
      contacts: 2,
      follows: 1,
      messages: 0,
      subscriptions: 0,
      readMarks: 1,
      districts: 1,
      supports: 1,
    });
    // Their 附议 goes with them: the other voter's opinion counts one fewer.
    expect(await street.store.countSupports([other.id])).toEqual(new Map());
    expect(await street.store.isSupporting(other.id, PEOPLE.voter)).toBe(false);
    for (const { id } of [a, b, c]) {
      const after = await stored(id);
      expect(after.contact).toBeUndefined();
      expect(isErasedAuthor(after.authorOpenid)).toBe(true);
      expect(isErasedAuthor(after.submittedBy)).toBe(true);
      expect(JSON.stringify(after)).not.toContain(PEOPLE.voter);
      expect(await lastLine(id)).toMatchObject({ kind: 'author_erased', visibility: 'public' });
    }
    expect((await listMyOpinions({}, await as(PEOPLE.voter))).items).toEqual([]);
    expect(await refusal(getOpinion({ opinionId: a.id }, await as(PEOPLE.voter)))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await street.store.isFollowing(PEOPLE.voter, EAST.id)).toBe(false);
    expect(await street.store.getVoterDistrict(PEOPLE.voter)).toBeNull();
    // Still counted; the other voter's opinion untouched.
    expect((await street.store.countFigures({ fromMs: 0, toMs: NOW + DAY, today: TODAY })).collected).toBe(4);
    expect((await stored(other.id)).contact).toEqual(CONTACT);
    expect(
      (await street.store.listAudit('account', PEOPLE.voter)).filter((l) => l.action === 'account.erase'),
    ).toHaveLength(1);
  });

  test('the deputy still handles an erased voter’s opinion, and nobody is notified in the voter’s name', async () => {
    const { id } = await anOpinion(street, 'assigned', { contact: CONTACT });
    await eraseAccount({}, await as(PEOPLE.voter));
    await replyToOpinion({ opinionId: id, content: '已联系交警部门调整配时。' }, await as(PEOPLE.chen));
    expect((await stored(id)).status).toBe('replied');
    expect((await outbox(street)).filter((m) => m.about === id && m.kind === 'reply_to_voter')).toEqual([]);
  });

  test.each([
    [PEOPLE.chen, '代表、联络站工作人员和承办单位的账号不能自行删除，请先由人大工委解除绑定，再删除个人信息'],
    [PEOPLE.staff, '代表、联络站工作人员和承办单位的账号不能自行删除，请先由人大工委解除绑定，再删除个人信息'],
    [PEOPLE.admin, '人大工委的账号不能在这里删除'],
  ])('%s is refused: %s', async (who, message) => {
    const own = await anOpinion(street, 'assigned', { authorOpenid: who, submittedBy: who, contact: CONTACT });
    expect(await refusal(eraseAccount({}, await as(who)))).toEqual({ code: 'FORBIDDEN', message });
    expect((await stored(own.id)).authorOpenid).toBe(who);
  });
});

describe('the retention job erases contacts a set time after their opinion ended', () => {
  const PERIOD = CONTACT_RETENTION_DAYS * DAY;

  test('closed and rejected past the period lose their contact; younger or still in handling keep it', async () => {
    const old = NOW - PERIOD - DAY;
    const closedOld = await anOpinion(street, 'closed', { contact: CONTACT, updatedAt: old });
    const rejectedOld = await anOpinion(street, 'rejected', { contact: CONTACT, updatedAt: old });
    const closedYoung = await anOpinion(street, 'closed', { contact: CONTACT, updatedAt: NOW - PERIOD + DAY });
    const openOld = await anOpinion(street, 'assigned', { contact: CONTACT, updatedAt: old });

    expect(await eraseExpiredContacts(street.store, { now: () => street.now })).toEqual({ erased: 2 });

    for (const { id } of [closedOld, rejectedOld]) {
      expect((await stored(id)).contact).toBeUndefined();
      expect(await lastLine(id)).toMatchObject({
        kind: 'contact_erased',
        text: '意见结束已满保存期限，系统删除了联系方式',
        visibility: 'public',
      });
    }
    for (const { id } of [closedYoung, openOld]) expect((await stored(id)).contact).toEqual(CONTACT);
    expect(await street.store.listAudit('opinions', 'contacts')).toMatchObject([
      { actor: 'system', action: 'retention.eraseContacts', detail: { erased: 2, endedBefore: NOW - PERIOD } },
    ]);

    // Run again the same day: nothing left to erase, nothing written.
    expect(await eraseExpiredContacts(street.store, { now: () => street.now })).toEqual({ erased: 0 });
    expect(await street.store.listAudit('opinions', 'contacts')).toHaveLength(1);
  });

  test('more than a batch is erased in one run', async () => {
    const old = NOW - PERIOD - DAY;
    for (let i = 0; i < 105; i += 1) await anOpinion(street, 'closed', { contact: CONTACT, updatedAt: old });
    expect(await eraseExpiredContacts(street.store, { now: () => street.now })).toEqual({ erased: 105 });
    expect(await street.store.listContactsEndedBefore(NOW, 10)).toEqual([]);
  });
});
