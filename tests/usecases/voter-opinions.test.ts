import {
  claimOpinion,
  getOpinion,
  listMyOpinions,
  rateOpinion,
  withdrawOpinion,
} from '../../server/services/voter-opinions';
import type { OpinionStatus } from '../../src/domain/opinion';
import {
  anOpinion,
  aStreet,
  DAY,
  DEPUTIES,
  DUE,
  HELD_WORD,
  outbox,
  PEOPLE,
  refusal,
  type Street,
  timelineKinds,
  WEST,
} from '../support/builders';

// What a voter does with their own opinions (docs/DESIGN.md, The opinion lifecycle: withdrawal,
// Rating and reopening once, Walk-ins and claiming), on the services directly.

const NO_SUCH_CODE = { code: 'NOT_FOUND', message: '查询码不存在或已失效，请核对后重新输入，或联系联络站工作人员' };
let street: Street;
beforeEach(async () => {
  street = await aStreet();
});
afterEach(() => street.store.close());

const as = (who: string) => street.as(who);

describe('withdraw: the author takes an opinion back before it is answered', () => {
  test.each(['submitted', 'held', 'assigned', 'transferred'] as const)(
    'a %s opinion is withdrawn, with the reason in a public line',
    async (status) => {
      const { id } = await anOpinion(street, status);
      const view = await withdrawOpinion({ opinionId: id, reason: '问题已自行解决' }, await as(PEOPLE.voter));
      expect(view.status).toBe('withdrawn');
      expect((await street.store.listTimeline(id)).at(-1)).toMatchObject({
        kind: 'withdrawn',
        text: '撤回了意见：问题已自行解决',
        visibility: 'public',
      });
    },
  );

  test.each`
    status         | message
    ${'replied'}   | ${'代表已经答复，不能再撤回'}
    ${'resolved'}  | ${'这条意见已经办结，不能再撤回'}
    ${'closed'}    | ${'这条意见已经办结，不能再撤回'}
    ${'rejected'}  | ${'这条意见已不予受理，无需撤回'}
    ${'withdrawn'} | ${'这条意见已经撤回'}
  `('a $status opinion cannot be withdrawn: CONFLICT $message', async ({ status, message }) => {
    const { id } = await anOpinion(street, status as OpinionStatus);
    expect(await refusal(withdrawOpinion({ opinionId: id }, await as(PEOPLE.voter)))).toEqual({
      code: 'CONFLICT',
      message,
    });
    expect(await timelineKinds(street, id)).toEqual(['submitted']);
  });

  test('only its author withdraws it: the deputy and staff are FORBIDDEN, another voter is told it does not exist', async () => {
    const { id } = await anOpinion(street, 'assigned');
    for (const who of [PEOPLE.chen, PEOPLE.staff]) {
      expect(await refusal(withdrawOpinion({ opinionId: id }, await as(who)))).toEqual({
        code: 'FORBIDDEN',
        message: '只有提出意见的选民可以这样做',
      });
    }
    expect((await refusal(withdrawOpinion({ opinionId: id }, await as(PEOPLE.otherVoter)))).code).toBe('NOT_FOUND');
  });

  test('a reason the content check does not pass cleanly is refused, and the opinion stays', async () => {
    const { id } = await anOpinion(street, 'assigned');
    const call = withdrawOpinion({ opinionId: id, reason: HELD_WORD }, await as(PEOPLE.voter));
    expect((await refusal(call)).code).toBe('CONTENT_REJECTED');
    expect((await street.store.getOpinion(id))?.status).toBe('assigned');
  });
});

describe('rate: after resolution the author rates it; 不满意 reopens it once', () => {
  const rate = async (id: string, satisfaction: 'satisfied' | 'basically_satisfied' | 'dissatisfied') =>
    rateOpinion({ opinionId: id, satisfaction }, await as(PEOPLE.voter));

  test.each(['satisfied', 'basically_satisfied'] as const)(
    '%s closes it, with the rating kept',
    async (satisfaction) => {
      const { id } = await anOpinion(street, 'resolved');
      const view = await rate(id, satisfaction);
      expect(view).toMatchObject({ status: 'closed', rating: { satisfaction } });
      expect(await outbox(street)).toEqual([]);
    },
  );

  test('the first 不满意 sends it back to the same deputy with a new due date, and the deputy is told', async () => {
    const { id } = await anOpinion(street, 'resolved');
    street.now += DAY;
    const view = await rate(id, 'dissatisfied');
    expect(view).toMatchObject({
      status: 'assigned',
      assignedDeputy: { id: DEPUTIES.chen.id },
      reopenCount: 1,
      replyDueDate: '2026-03-17',
    });
    expect(await timelineKinds(street, id)).toEqual(['submitted', 'rated', 'reopened']);
    expect(await outbox(street)).toEqual([{ kind: 'reopened_to_deputy', to: PEOPLE.chen, about: id }]);
  });

  const stepDown = (deputy: (typeof DEPUTIES)[keyof typeof DEPUTIES]) =>
    street.store.putDeputy(
      { ...deputy, active: false },
      { at: street.now, actor: 'admin', action: 'test.stepDown', targetType: 'deputy', targetId: deputy.id },
    );

  test('the first 不满意 of an opinion whose deputy has stepped down goes to the deputy the routing rule names, who is told', async () => {
    const { id } = await anOpinion(street, 'resolved');
    await stepDown(DEPUTIES.chen);
    const view = await rate(id, 'dissatisfied');
    // 王志强 follows 交通 too but is on leave; of the active ones neither follows it: fewest open, then id.
    expect(view).toMatchObject({ status: 'assigned', assignedDeputy: { id: DEPUTIES.li.id }, reopenCount: 1 });
    expect(await timelineKinds(street, id)).toEqual(['submitted', 'rated', 'reopened', 'assigned', 'routing']);
    expect(await outbox(street)).toEqual([{ kind: 'assigned_to_deputy', to: PEOPLE.li, about: id }]);
  });

  test('with no active deputy left at the station, that 不满意 goes before the staff instead', async () => {
    const { id } = await anOpinion(street, 'resolved', { stationId: WEST.id, assignedDeputyId: DEPUTIES.west.id });
    await stepDown(DEPUTIES.west);
    const view = await rate(id, 'dissatisfied');
    expect(view).toMatchObject({ status: 'resolved', staffReview: true, reopenCount: 0 });
    expect(await timelineKinds(street, id)).toEqual(['submitted', 'rated', 'review']);
    expect(await outbox(street)).toEqual([]);
  });

  test('a second 不满意 puts it before the station’s staff for review; it stays resolved', async () => {
    const { id } = await anOpinion(street, 'resolved', { reopenCount: 1 });
    const view = await rate(id, 'dissatisfied');
    expect(view).toMatchObject({ status: 'resolved', staffReview: true, replyDueDate: DUE });
    expect(await timelineKinds(street, id)).toEqual(['submitted', 'rated', 'review']);
    expect(await outbox(street)).toEqual([]);
  });

  test('not before resolution, not while under review, and by nobody but the author', async () => {
    const replied = await anOpinion(street, 'replied');
    const refusedNow = { code: 'CONFLICT', message: '这条意见现在不能评价' };
    expect(await refusal(rate(replied.id, 'satisfied'))).toEqual(refusedNow);
    const review = await anOpinion(street, 'resolved', { reopenCount: 1, staffReview: true });
    expect(await refusal(rate(review.id, 'satisfied'))).toEqual(refusedNow);
    const { id } = await anOpinion(street, 'resolved');
    const byStaff = rateOpinion({ opinionId: id, satisfaction: 'satisfied' }, await as(PEOPLE.staff));
    expect((await refusal(byStaff)).code).toBe('FORBIDDEN');
  });
});

describe('claim: a voter follows a walk-in opinion with its code', () => {
  const walkIn = (fields = {}) =>
    anOpinion(street, 'assigned', {
      source: 'walk_in',
      authorOpenid: '',
      submittedBy: PEOPLE.staff,
      claimCode: 'K7M2Q9XP',
      contact: { name: '张大伯', phone: '13812345678' },
      ...fields,
    });
  const claim = async (who: string, claimCode = 'K7M2Q9XP') => claimOpinion({ claimCode }, await as(who));

  test('the code makes the caller its author, who then sees it among their own, without the contact', async () => {
    const { id } = await walkIn();
    const view = await claim(PEOPLE.voter);
    expect(view.id).toBe(id);
    expect(view.contact).toBeUndefined();
    expect(await timelineKinds(street, id)).toEqual(['submitted', 'claimed']);
    expect((await listMyOpinions({}, await as(PEOPLE.voter))).items.map((s) => s.id)).toEqual([id]);
  });

  test('the voter who claimed it may enter the code again; anyone else gets the one answer for a bad code', async () => {
    await walkIn();
    await claim(PEOPLE.voter);
    expect((await claim(PEOPLE.voter)).status).toBe('assigned');
    expect(await refusal(claim(PEOPLE.otherVoter))).toEqual(NO_SUCH_CODE);
  });

  test('an unknown code and a code past its 30 days get that same answer', async () => {
    await walkIn({ createdAt: street.now - 31 * DAY });
    expect(await refusal(claim(PEOPLE.voter))).toEqual(NO_SUCH_CODE);
    expect(await refusal(claim(PEOPLE.voter, 'ZZZZ2222'))).toEqual(NO_SUCH_CODE);
  });
});

describe('what a voter sees of their own', () => {
  test('their opinions newest first, and nobody else’s; the routing reason is not theirs to read', async () => {
    const older = await anOpinion(street, 'assigned', { createdAt: street.now - 3 * DAY });
    const newer = await anOpinion(street, 'replied');
    await anOpinion(street, 'assigned', { authorOpenid: PEOPLE.otherVoter, submittedBy: PEOPLE.otherVoter });
    const mine = await listMyOpinions({}, await as(PEOPLE.voter));
    expect(mine.items.map((s) => s.id)).toEqual([newer.id, older.id]);
    expect((await getOpinion({ opinionId: older.id }, await as(PEOPLE.voter))).routingReason).toBeUndefined();
    expect((await getOpinion({ opinionId: older.id }, await as(PEOPLE.staff))).routingReason).toBe('测试分派');
  });
});
