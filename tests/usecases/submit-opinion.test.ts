import { intakeOpinion } from '../../server/services/intake';
import { submitOpinion } from '../../server/services/submit-opinion';
import { getOpinion } from '../../server/services/voter-opinions';
import { claimCodeExpiresAt } from '../../src/domain/claim-codes';
import {
  anOpinion,
  aStreet,
  DAY,
  DEPUTIES,
  DUE,
  EAST,
  HELD_WORD,
  onDutyNextSession,
  outbox,
  PEOPLE,
  refusal,
  RISKY_WORD,
  type Street,
  timelineKinds,
  WEST,
} from '../support/builders';

// Submitting and routing (docs/DESIGN.md, The opinion lifecycle: Creation; Routing and deadlines),
// called on the service directly.

const TEXT = '东门路口的红绿灯时间太短，老人过马路来不及，希望延长绿灯时间。';
let street: Street;
let request = 0;
beforeEach(async () => {
  street = await aStreet();
});
afterEach(() => street.store.close());

const draft = (fields: Record<string, unknown> = {}) => ({
  stationId: EAST.id,
  category: 'transport' as const,
  content: TEXT,
  requestId: `req-${(request += 1)}`,
  ...fields,
});
const submit = async (fields: Record<string, unknown> = {}, who: string = PEOPLE.voter) =>
  submitOpinion(draft(fields), await street.as(who));

describe('受理: an opinion goes to a deputy of its station by the routing rule', () => {
  test('a deputy who follows its category is chosen, with a reply due in ten working days', async () => {
    const answer = await submit();
    expect(answer).toMatchObject({ status: 'assigned', assignedDeputyId: DEPUTIES.chen.id, replyDueAt: DUE });
  });

  test('a deputy on leave is not routed new opinions, even following the category and on duty next', async () => {
    // 王志强 (on leave) follows transport like 陈建国 and alone is on duty: the duty would decide.
    await onDutyNextSession(street, [DEPUTIES.wang.id]);
    expect((await submit()).assignedDeputyId).toBe(DEPUTIES.chen.id);
  });

  test('when nobody follows the category, the deputy on duty at the next session is chosen', async () => {
    await onDutyNextSession(street, [DEPUTIES.li.id]);
    expect((await submit({ category: 'education' })).assignedDeputyId).toBe(DEPUTIES.li.id);
  });

  test('the duty list of a cancelled session does not count: the next session held decides', async () => {
    // March's session (the 5th) is cancelled with 李秀英 on its list; 赵海燕 is on duty on 20 April.
    await street.store.putSessionOverride(
      { stationId: EAST.id, month: '2026-03', deputyIds: [DEPUTIES.li.id], cancelled: true, reason: '代表集中培训' },
      { at: street.now, actor: PEOPLE.staff, action: 'test.cancel', targetType: 'station', targetId: EAST.id },
    );
    await street.store.putSessionOverride(
      { stationId: EAST.id, month: '2026-04', deputyIds: [DEPUTIES.zhao.id] },
      { at: street.now, actor: PEOPLE.staff, action: 'test.duty', targetType: 'station', targetId: EAST.id },
    );
    expect((await submit({ category: 'education' })).assignedDeputyId).toBe(DEPUTIES.zhao.id);
  });

  test('then the deputy with the fewest open opinions, and between equals the lowest id', async () => {
    await anOpinion(street, 'assigned', { assignedDeputyId: DEPUTIES.chen.id });
    await anOpinion(street, 'transferred', { assignedDeputyId: DEPUTIES.li.id });
    await anOpinion(street, 'replied', { assignedDeputyId: DEPUTIES.zhao.id }); // replied is no longer open
    expect((await submit({ category: 'education' })).assignedDeputyId).toBe(DEPUTIES.zhao.id);
  });

  test('the routing reason is kept for staff, and the deputy is told through the outbox', async () => {
    const { opinionId } = await submit();
    const stored = await street.store.getOpinion(opinionId);
    expect(stored?.routingReason).toContain('陈建国');
    expect(await timelineKinds(street, opinionId)).toEqual(['submitted', 'assigned', 'routing']);
    expect(await outbox(street)).toEqual([{ kind: 'assigned_to_deputy', to: PEOPLE.chen, about: opinionId }]);
  });

  test('a deputy who has not redeemed an invite is routed the opinion, and nobody is messaged', async () => {
    await onDutyNextSession(street, [DEPUTIES.zhao.id]);
    const answer = await submit({ category: 'environment' });
    expect(answer.assignedDeputyId).toBe(DEPUTIES.zhao.id);
    expect(await outbox(street)).toEqual([]);
  });

  test('a station with no deputy in office keeps it in the staff queue, 已转联络站工作人员分派', async () => {
    await street.store.putDeputy(
      { ...DEPUTIES.west, active: false },
      {
        at: street.now,
        actor: 'test',
        action: 'test.leave',
        targetType: 'deputy',
        targetId: DEPUTIES.west.id,
      },
    );
    const answer = await submit({ stationId: WEST.id });
    expect(answer).toMatchObject({ status: 'submitted', assignedDeputyId: null, replyDueAt: null });
    const timeline = await street.store.listTimeline(answer.opinionId);
    expect(timeline.find((e) => e.kind === 'queued')?.text).toBe('已转联络站工作人员分派');
    expect(await outbox(street)).toEqual([]);
  });
});

describe('what is submitted', () => {
  test('a retry with the same request id gives the first answer and writes nothing more', async () => {
    const first = await submit({ requestId: 'same' });
    const again = await submit({ requestId: 'same', content: `${TEXT}（重发）` });
    expect(again).toEqual(first);
    expect(await timelineKinds(street, first.opinionId)).toEqual(['submitted', 'assigned', 'routing']);
    expect(await outbox(street)).toHaveLength(1);
  });

  test('text the content check holds for review is held for staff: no deputy, no message', async () => {
    const answer = await submit({ content: `${TEXT}${HELD_WORD}` });
    expect(answer).toMatchObject({ status: 'held', assignedDeputyId: null });
    expect(await timelineKinds(street, answer.opinionId)).toEqual(['submitted', 'held']);
    expect(await outbox(street)).toEqual([]);
  });

  test('risky text is refused and nothing is written; the contact name is checked with it', async () => {
    expect(await refusal(submit({ content: `${TEXT}${RISKY_WORD}` }))).toMatchObject({ code: 'CONTENT_REJECTED' });
    const contact = { name: RISKY_WORD, phone: '13800001111' };
    expect(await refusal(submit({ contact }))).toMatchObject({ code: 'CONTENT_REJECTED' });
    expect((await street.store.listOpinions({ limit: 10 })).items).toEqual([]);
  });

  test('to a station that does not exist: NOT_FOUND 没有找到这个联络站', async () => {
    expect(await refusal(submit({ stationId: 'st-nowhere' }))).toEqual({
      code: 'NOT_FOUND',
      message: '没有找到这个联络站',
    });
  });

  test('a caller the platform did not name cannot submit', async () => {
    expect((await refusal(submitOpinion(draft(), await street.as(undefined)))).code).toBe('UNAUTHENTICATED');
  });

  test('a voter submits at most the day’s limit; the next Shanghai day they may again', async () => {
    await street.store.close();
    street = await aStreet({ dailySubmitLimit: 2 });
    await submit();
    await submit();
    expect(await refusal(submit())).toEqual({ code: 'RATE_LIMITED', message: '每天最多提交2条意见，请明天再提交' });
    expect((await submit({}, PEOPLE.otherVoter)).status).toBe('assigned');
    street.now += DAY;
    expect((await submit()).status).toBe('assigned');
  });
});

describe('contact and anonymity', () => {
  const contact = { name: '张大伯', phone: '13812345678' };
  const view = async (opinionId: string, who: string) =>
    (await getOpinion({ opinionId }, await street.as(who))).contact;

  test('anonymity hides the contact from the deputy only: the voter and staff see it in full', async () => {
    const { opinionId } = await submit({ contact, anonymous: true });
    expect(await view(opinionId, PEOPLE.chen)).toBeUndefined();
    expect(await view(opinionId, PEOPLE.voter)).toEqual(contact);
    expect(await view(opinionId, PEOPLE.staff)).toEqual(contact);
  });

  test('without anonymity the assigned deputy sees it; the committee sees the phone masked', async () => {
    const { opinionId } = await submit({ contact });
    expect(await view(opinionId, PEOPLE.chen)).toEqual(contact);
    expect(await view(opinionId, PEOPLE.admin)).toEqual({ name: '张大伯', phone: '138****5678' });
  });

  test('another station’s deputy or another voter is told the opinion does not exist', async () => {
    const { opinionId } = await submit({ contact });
    for (const who of [PEOPLE.westDeputy, PEOPLE.otherVoter, PEOPLE.westStaff]) {
      expect(await refusal(getOpinion({ opinionId }, await street.as(who)))).toMatchObject({ code: 'NOT_FOUND' });
    }
  });
});

describe('walk-ins recorded by staff at a reception day', () => {
  const intake = async (who: string, fields: Record<string, unknown> = {}) =>
    intakeOpinion(draft({ stationId: undefined, ...fields }), await street.as(who));

  test('get no author and a claim code valid 30 days; they are routed like any opinion', async () => {
    const answer = await intake(PEOPLE.staff);
    expect(answer).toMatchObject({ status: 'assigned', assignedDeputyId: DEPUTIES.chen.id });
    expect(answer.claimCode).toMatch(/^[A-Z0-9]{8}$/);
    expect(answer.claimCodeExpiresAt).toBe(claimCodeExpiresAt(street.now));
    expect(await street.store.getOpinion(answer.opinionId)).toMatchObject({
      authorOpenid: '',
      submittedBy: PEOPLE.staff,
      source: 'walk_in',
    });
  });

  test('staff record them only at their own station; voters and deputies not at all', async () => {
    expect(await refusal(intake(PEOPLE.staff, { stationId: WEST.id }))).toEqual({
      code: 'FORBIDDEN',
      message: '只能为本站登记意见',
    });
    for (const who of [PEOPLE.voter, PEOPLE.chen]) {
      expect((await refusal(intake(who, { stationId: EAST.id }))).code).toBe('FORBIDDEN');
    }
  });

  test('do not count against the day’s limit of a voter', async () => {
    await street.store.close();
    street = await aStreet({ dailySubmitLimit: 1 });
    await intake(PEOPLE.staff);
    await intake(PEOPLE.staff);
    expect((await submit()).status).toBe('assigned');
  });
});
