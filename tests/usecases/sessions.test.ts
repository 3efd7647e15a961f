import { followStation, remindSessions, setSession } from '../../server/services/sessions';
import { aStreet, DEPUTIES, EAST, outbox, PEOPLE, refusal, type Street, WEST } from '../support/builders';

// Reception days (docs/DESIGN.md, Reception calendar; Notifications): voters follow a station,
// staff set a month's session or cancel or move it, followers are told and reminded.

/** Wednesday 4 March 2026, 19:00 in Shanghai: the evening before East's session of 5 March. */
const EVENING_BEFORE = Date.UTC(2026, 2, 4, 11, 0);

let street: Street;
beforeEach(async () => {
  street = await aStreet();
});
afterEach(() => street.store.close());

const as = (who: string) => street.as(who);
const follow = async (who: string, stationId = EAST.id, on = true) =>
  followStation({ stationId, follow: on }, await as(who));
const set = async (who: string, fields: Record<string, unknown>) =>
  setSession({ stationId: EAST.id, month: '2026-03', ...fields }, await as(who));
const stationAudit = async () =>
  (await street.store.listAudit('station', EAST.id)).filter((a) => a.action === 'stations.setSession');

describe('following a station', () => {
  test('a voter follows and unfollows; an unknown station is NOT_FOUND', async () => {
    expect(await follow(PEOPLE.voter)).toEqual({ stationId: EAST.id, following: true });
    expect(await street.store.listFollowers(EAST.id)).toEqual([PEOPLE.voter]);
    expect(await follow(PEOPLE.voter, EAST.id, false)).toEqual({ stationId: EAST.id, following: false });
    expect(await street.store.listFollowers(EAST.id)).toEqual([]);
    expect((await refusal(follow(PEOPLE.voter, 'st-nowhere'))).code).toBe('NOT_FOUND');
  });

  test('a caller the platform did not name cannot follow', async () => {
    const call = followStation({ stationId: EAST.id, follow: true }, await street.as(undefined));
    expect((await refusal(call)).code).toBe('UNAUTHENTICATED');
  });
});

describe('setting a month’s session', () => {
  const month = async () =>
    (await street.store.listSessionOverrides([EAST.id], '2026-03')).find((o) => o.month === '2026-03');

  test('each call changes what it names and keeps the rest of the month: a theme saved after a move keeps the move', async () => {
    await set(PEOPLE.staff, { theme: '老旧小区加装电梯', deputyIds: [DEPUTIES.chen.id] });
    await set(PEOPLE.staff, { movedTo: '2026-03-12', reason: '会议室装修' });
    expect(await month()).toEqual({
      stationId: EAST.id,
      month: '2026-03',
      theme: '老旧小区加装电梯',
      deputyIds: [DEPUTIES.chen.id],
      movedTo: '2026-03-12',
      reason: '会议室装修',
    });
    await set(PEOPLE.staff, { theme: '背街小巷停车难' });
    expect(await month()).toMatchObject({ theme: '背街小巷停车难', movedTo: '2026-03-12', reason: '会议室装修' });
  });

  test('cancelling replaces a move; an empty theme clears it; cancelled: false restores the planned day', async () => {
    await set(PEOPLE.staff, { theme: '老旧小区加装电梯', movedTo: '2026-03-12', reason: '会议室装修' });
    await set(PEOPLE.staff, { cancelled: true, reason: '代表集中培训' });
    expect(await month()).toEqual({
      stationId: EAST.id,
      month: '2026-03',
      theme: '老旧小区加装电梯',
      cancelled: true,
      reason: '代表集中培训',
    });
    await set(PEOPLE.staff, { theme: '' });
    expect(await month()).toEqual({ stationId: EAST.id, month: '2026-03', cancelled: true, reason: '代表集中培训' });
    await set(PEOPLE.staff, { cancelled: false });
    expect(await month()).toEqual({ stationId: EAST.id, month: '2026-03' });
  });

  test('staff of the station set a theme and deputies on duty, with an audit line; nobody is messaged', async () => {
    await follow(PEOPLE.voter);
    const answer = await set(PEOPLE.staff, { theme: '老旧小区加装电梯', deputyIds: [DEPUTIES.chen.id] });
    expect(answer).toEqual({ month: '2026-03', date: '2026-03-05', status: 'scheduled' });
    expect(await street.store.listSessionOverrides([EAST.id], '2026-03')).toEqual([
      { stationId: EAST.id, month: '2026-03', theme: '老旧小区加装电梯', deputyIds: [DEPUTIES.chen.id] },
    ]);
    expect(await stationAudit()).toMatchObject([{ actor: PEOPLE.staff, targetId: EAST.id }]);
    expect(await outbox(street)).toEqual([]);
  });

  test('a cancellation tells every follower in the same change', async () => {
    await follow(PEOPLE.voter);
    await follow(PEOPLE.otherVoter);
    await follow(PEOPLE.chen, WEST.id);
    const answer = await set(PEOPLE.staff, { cancelled: true, reason: '街道集中培训' });
    expect(answer.status).toBe('cancelled');
    const told = (await outbox(street)).map((m) => [m.kind, m.to, m.about]);
    expect(told.sort()).toEqual([
      ['session_changed', PEOPLE.otherVoter, `station:${EAST.id}`],
      ['session_changed', PEOPLE.voter, `station:${EAST.id}`],
    ]);
  });

  test('a move gives the new date, not before today', async () => {
    expect(await set(PEOPLE.staff, { movedTo: '2026-03-06', reason: '与村民代表大会冲突' })).toEqual({
      month: '2026-03',
      date: '2026-03-06',
      status: 'moved',
    });
    expect(await refusal(set(PEOPLE.staff, { movedTo: '2026-03-01', reason: '改期' }))).toEqual({
      code: 'INVALID_INPUT',
      message: '改期日期不能早于今天',
    });
  });

  test('deputies on duty must be deputies of the station in office: not one on leave, not another station’s', async () => {
    for (const deputy of [DEPUTIES.wang, DEPUTIES.west]) {
      expect(await refusal(set(PEOPLE.staff, { deputyIds: [deputy.id] }))).toEqual({
        code: 'INVALID_INPUT',
        message: '值班代表须是本站在任代表',
      });
    }
    expect(await stationAudit()).toEqual([]);
  });

  test('a month already past cannot be changed', async () => {
    expect(await refusal(set(PEOPLE.staff, { month: '2026-02', theme: '补记' }))).toEqual({
      code: 'INVALID_INPUT',
      message: '不能修改已经过去的月份',
    });
  });

  test('only the station’s staff or the committee: other staff, deputies and voters are FORBIDDEN', async () => {
    for (const who of [PEOPLE.westStaff, PEOPLE.chen, PEOPLE.voter]) {
      expect(await refusal(set(who, { theme: '主题' }))).toEqual({
        code: 'FORBIDDEN',
        message: '只有本站工作人员可以安排接待日',
      });
    }
    expect((await set(PEOPLE.admin, { theme: '主题' })).status).toBe('scheduled');
  });
});

describe('the evening reminder', () => {
  test('followers of a station whose session is tomorrow are reminded, once however often it runs', async () => {
    await follow(PEOPLE.voter);
    await follow(PEOPLE.otherVoter, WEST.id); // West's session is the 5th too
    await set(PEOPLE.staff, { theme: '交通安全' });
    street.now = EVENING_BEFORE;
    const clock = { now: () => street.now };
    expect(await remindSessions(street.store, clock)).toEqual({ queued: 2 });
    expect(await remindSessions(street.store, clock)).toEqual({ queued: 0 });
    const reminders = (await street.store.listOutbox(10)).filter((m) => m.recipientOpenid === PEOPLE.voter);
    expect(reminders).toMatchObject([
      { kind: 'session_reminder', payload: { date: '2026-03-05', start: '08:30', theme: '交通安全' } },
    ]);
  });

  test('a cancelled session reminds nobody', async () => {
    await follow(PEOPLE.voter);
    await set(PEOPLE.staff, { cancelled: true, reason: '街道集中培训' });
    street.now = EVENING_BEFORE;
    expect(await remindSessions(street.store, { now: () => street.now })).toEqual({ queued: 0 });
  });
});
