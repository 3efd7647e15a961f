import type { InboxFilter } from '../../src/domain/opinion-schemas';
import { shanghaiDate } from '../../src/domain/dates';
import { addWorkingDays } from '../../src/domain/deadlines';
import { createHolidayCalendar } from '../../src/domain/holiday-calendar';
import { FIXED_NOW, startLocalApi } from '../support/local-api';
import {
  ADMIN,
  call,
  DEPUTY,
  draft,
  type LocalApi,
  newRequestId,
  ok,
  rate,
  REPLY,
  reply,
  resolve,
  STAFF,
  STAFF_NAME,
  TRAFFIC,
  view,
  VOTER,
} from '../support/opinion-calls';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const calendar = createHolidayCalendar();

let t = FIXED_NOW;
let api: LocalApi;
beforeAll(async () => {
  api = await startLocalApi({ now: () => t });
});
afterAll(() => api.stop());

const inbox = async (openid: string, filter?: InboxFilter) =>
  (await api.callAs(openid, 'casework.inbox', filter ? { filter } : {})).items;

describe('a voter’s opinion from submission to a satisfied rating', () => {
  const requestId = newRequestId('journey');
  const submission = draft({ requestId, contact: { name: '张桂芳', phone: '13812345678' }, consent: true });
  let opinionId: string;
  const times = { submitted: FIXED_NOW, replied: FIXED_NOW + DAY + 2 * HOUR, resolved: FIXED_NOW + 3 * DAY };

  beforeAll(() => {
    t = FIXED_NOW;
  });

  test('submitted at 青溪街道 as 交通出行, it goes to 陈建国 with a reply due 10 working days later', async () => {
    const data = await ok(api, VOTER, 'opinions', 'submit', submission);
    opinionId = data.opinionId;
    expect(data).toEqual({
      opinionId: expect.stringMatching(/^op/),
      status: 'assigned',
      assignedDeputyId: 'd01',
      replyDueAt: addWorkingDays(shanghaiDate(FIXED_NOW), 10, calendar),
    });
    expect(data.replyDueAt).toBe('2026-03-13');
  });

  test('sending it again with the same requestId gives the same opinion, and the voter has only one', async () => {
    const again = await ok(api, VOTER, 'opinions', 'submit', { ...submission, content: `${TRAFFIC}（重发）` });
    expect(again.opinionId).toBe(opinionId);
    const mine = await ok(api, VOTER, 'opinions', 'mine');
    expect(mine.items.map((o: any) => o.id)).toEqual([opinionId]);
    expect((await view(api, VOTER, opinionId)).content).toBe(TRAFFIC);
  });

  test('the routing reason is shown to staff, not to the voter', async () => {
    const asStaff = await view(api, STAFF, opinionId);
    expect(asStaff.routingReason).toContain('分派给陈建国');
    expect(asStaff.routingReason).toContain('关注领域包含“交通出行”');
    const asVoter = await view(api, VOTER, opinionId);
    expect(asVoter).not.toHaveProperty('routingReason');
    expect(asVoter.timeline.some((line: any) => line.internal || line.text.includes('分派给'))).toBe(false);
    expect(asVoter.assignedDeputy).toEqual({ id: 'd01', name: '陈建国' });
    expect(asVoter.replyDueDate).toBe('2026-03-13');
  });

  test('陈建国 finds it in his inbox of new opinions', async () => {
    const items = await inbox(DEPUTY, 'new');
    expect(items).toContainEqual(
      expect.objectContaining({ id: opinionId, status: 'assigned', replyDueDate: '2026-03-13', overdue: false }),
    );
  });

  test('陈建国 replies; the voter sees the answer and a timeline line for it', async () => {
    t = times.replied;
    const asDeputy = await reply(api, opinionId);
    expect(asDeputy.status).toBe('replied');
    const asVoter = await view(api, VOTER, opinionId);
    expect(asVoter.status).toBe('replied');
    expect(asVoter.reply).toEqual({ content: REPLY, deputyName: '陈建国', at: times.replied });
    expect(asVoter.timeline).toContainEqual({
      at: times.replied,
      actorName: '代表 陈建国',
      kind: 'replied',
      text: '作出答复',
      internal: false,
    });
    expect(asVoter.can).toMatchObject({ withdraw: false, rate: false });
  });

  test('staff confirm it is settled; the voter rates 满意 and it is closed', async () => {
    t = times.resolved;
    expect((await resolve(api, opinionId, '信号灯已安装，现场回访确认')).status).toBe('resolved');
    expect((await view(api, VOTER, opinionId)).can.rate).toBe(true);
    const rated = await rate(api, VOTER, opinionId, 'satisfied');
    expect(rated).toMatchObject({ status: 'closed', rating: { satisfaction: 'satisfied', label: '满意' } });
    expect((await view(api, VOTER, opinionId)).status).toBe('closed');
  });

  test('every change left a line with who did it and when, and no OPENID', async () => {
    const { timeline } = await view(api, ADMIN, opinionId);
    const lines = timeline.map((l: any) => [l.actorName, l.at, l.text]);
    expect(lines).toEqual([
      ['选民', times.submitted, '意见已提交'],
      ['系统', times.submitted, '已交由代表 陈建国 办理，应于3月13日 周五前答复'],
      ['系统', times.submitted, expect.stringContaining('分派给陈建国')],
      ['代表 陈建国', times.replied, '作出答复'],
      [STAFF_NAME, times.resolved, '确认已办结：信号灯已安装，现场回访确认'],
      ['选民', times.resolved, '评价为满意'],
    ]);
    expect(JSON.stringify(timeline)).not.toMatch(/demo-/);
  });

  test('the voter and the deputy were told through the outbox', async () => {
    const kinds = (await api.store.listOutbox(100))
      .filter((m) => m.subjectId === opinionId)
      .map((m) => [m.kind, m.recipientOpenid]);
    expect(kinds.sort()).toEqual([
      ['assigned_to_deputy', DEPUTY],
      ['reply_to_voter', VOTER],
      ['resolved_to_voter', VOTER],
    ]);
  });
});

describe('不满意 sends it back once, then to staff review', () => {
  let opinionId: string;
  const start = FIXED_NOW + DAY; // Monday 2 March 2026
  const firstRating = start + 3 * DAY; // Thursday 5 March

  beforeAll(async () => {
    t = start;
    opinionId = (await ok(api, VOTER, 'opinions', 'submit', draft())).opinionId;
    t = start + HOUR;
    await reply(api, opinionId);
    t = start + DAY;
    await resolve(api, opinionId);
  });

  test('the first 不满意 reopens it for the same deputy with a new due date', async () => {
    const firstDue = (await view(api, VOTER, opinionId)).replyDueDate;
    expect(firstDue).toBe(addWorkingDays('2026-03-02', 10, calendar));
    t = firstRating;
    const rated = await rate(api, VOTER, opinionId, 'dissatisfied');
    const newDue = addWorkingDays(shanghaiDate(firstRating), 10, calendar);
    expect(newDue).toBe('2026-03-19');
    expect(rated).toMatchObject({
      status: 'assigned',
      reopenCount: 1,
      staffReview: false,
      replyDueDate: newDue,
      assignedDeputy: { id: 'd01', name: '陈建国' },
      rating: { satisfaction: 'dissatisfied', label: '不满意' },
    });
    expect(rated.timeline.map((l: any) => l.text)).toContain('选民不满意，已退回代表重新办理');
    expect(await inbox(DEPUTY, 'new')).toContainEqual(expect.objectContaining({ id: opinionId, replyDueDate: newDue }));
    const told = (await api.store.listOutbox(100)).filter(
      (m) => m.subjectId === opinionId && m.kind === 'reopened_to_deputy',
    );
    expect(told).toEqual([
      expect.objectContaining({ recipientOpenid: DEPUTY, payload: expect.objectContaining({ due: newDue }) }),
    ]);
  });

  test('after a second reply and resolution, a second 不满意 keeps it resolved and asks staff to review', async () => {
    t = firstRating + DAY;
    await reply(api, opinionId, '已再次协调县交警大队，信号灯配时已按居民意见调整，早高峰增派协管员。');
    await resolve(api, opinionId, '二次办理完毕');
    t = firstRating + 2 * DAY;
    const rated = await rate(api, VOTER, opinionId, 'dissatisfied');
    expect(rated).toMatchObject({ status: 'resolved', reopenCount: 1, staffReview: true });
    expect(rated.can.rate).toBe(false);
    expect(rated.timeline.map((l: any) => l.text)).toContain('选民再次不满意，已提交联络站复核');
    expect((await inbox(STAFF, 'review')).map((o) => o.id)).toEqual([opinionId]);
    const again = await call(api, VOTER, 'opinions', 'rate', { opinionId, satisfaction: 'dissatisfied' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('CONFLICT');
  });

  test('staff close it after review', async () => {
    t = firstRating + 3 * DAY;
    const closed = await ok(api, STAFF, 'casework', 'close', { opinionId, note: '已电话沟通，选民表示理解' });
    expect(closed).toMatchObject({ status: 'closed', staffReview: false });
    expect(closed.timeline.at(-1)).toEqual({
      at: t,
      actorName: STAFF_NAME,
      kind: 'closed',
      text: '复核后结案：已电话沟通，选民表示理解',
      internal: false,
    });
    expect(await inbox(STAFF, 'review')).toEqual([]);
    expect((await view(api, VOTER, opinionId)).status).toBe('closed');
  });
});
