import { startLocalApi } from '../support/local-api';

let api: Awaited<ReturnType<typeof startLocalApi>>;
beforeAll(async () => {
  api = await startLocalApi({ now: () => Date.UTC(2026, 10, 26, 2) }); // 2026-11-26, sessions reach into 2027
});
afterAll(() => api.stop());

// 2027's arrangement is not in the bundled calendar: its sessions are provisional until loaded.
const arrangement2027 = {
  year: 2027,
  holidays: ['2027-01-01', '2027-01-02', '2027-01-03'].map((date) => ({ date, name: '元旦' })),
  workdays: [{ date: '2027-01-09', name: '元旦' }],
};

const januarySession = async () => {
  const { body } = await api.post('stations', { action: 'get', stationId: 'qx-jiedao' });
  return body.data.sessions.find((s: { date: string }) => s.date.startsWith('2027-01'));
};

describe('the committee sees which years are covered, and is reminded from November', () => {
  test('before loading: 2026 from the package, 2027 only statutory (待公布), and 2027 is due', async () => {
    const { body } = await api.post('stations', { action: 'holidayYears' }, 'demo-admin');
    expect(body.data.today).toBe('2026-11-26');
    expect(body.data.due).toEqual({ year: 2027 });
    expect(body.data.years.map((y: { year: number; source: string }) => [y.year, y.source])).toEqual([
      [2026, 'package'],
      [2027, 'statutory'],
    ]);
    expect(body.data.years[1].holidays[1]).toEqual({
      name: '春节',
      from: '2027-02-05',
      to: '2027-02-08',
      workdays: [],
    });
  });

  test('the admin’s 我的 carries the reminder; nobody else’s does', async () => {
    expect((await api.post('account', { action: 'me' }, 'demo-admin')).body.data.reminders).toEqual([
      { kind: 'holiday_arrangement', year: 2027 },
    ]);
    for (const openid of ['demo-voter', 'demo-deputy', 'demo-staff']) {
      expect((await api.post('account', { action: 'me' }, openid)).body.data.reminders).toBeUndefined();
    }
  });

  test('only an admin may read the years', async () => {
    for (const openid of ['demo-voter', 'demo-deputy', 'demo-staff']) {
      const { status, body } = await api.post('stations', { action: 'holidayYears' }, openid);
      expect(status).toBe(403);
      expect(body.error.message).toBe('只有人大工委可以查看和录入节假日安排');
    }
    expect((await api.post('stations', { action: 'holidayYears' })).status).toBe(401);
  });
});

describe('loading a year’s published holiday arrangement', () => {
  test('only an admin may load one; others get FORBIDDEN and nothing changes', async () => {
    for (const openid of ['demo-voter', 'demo-deputy', 'demo-staff']) {
      const { status, body } = await api.post(
        'stations',
        { action: 'setHolidayArrangement', ...arrangement2027 },
        openid,
      );
      expect(status).toBe(403);
      expect(body.error.message).toBe('只有人大工委可以导入节假日安排');
    }
    expect(await api.store.listHolidayArrangements()).toEqual([]);
  });

  test('bad data is refused with the reason', async () => {
    const bad = { ...arrangement2027, workdays: [{ date: '2027-01-01', name: '元旦' }] };
    const { body } = await api.post('stations', { action: 'setHolidayArrangement', ...bad }, 'demo-admin');
    expect(body.error).toEqual({ code: 'INVALID_INPUT', message: '同一天不能既放假又调休上班' });
    const wrongYear = { ...arrangement2027, holidays: [{ date: '2028-01-01', name: '元旦' }] };
    expect(
      (await api.post('stations', { action: 'setHolidayArrangement', ...wrongYear }, 'demo-admin')).body.error.message,
    ).toBe('日期须都在2027年内');
    const weekdayWork = { ...arrangement2027, workdays: [{ date: '2027-01-08', name: '元旦' }] };
    expect(
      (await api.post('stations', { action: 'setHolidayArrangement', ...weekdayWork }, 'demo-admin')).body.error
        .message,
    ).toBe('调休上班日应是周六或周日，1月8日是星期五，请核对');
    expect(await api.store.listHolidayArrangements()).toEqual([]);
  });

  test('once loaded, the year’s sessions are no longer provisional, and the load is audited', async () => {
    expect((await januarySession()).provisional).toBe(true);
    const { body } = await api.post('stations', { action: 'setHolidayArrangement', ...arrangement2027 }, 'demo-admin');
    expect(body.data).toEqual({ year: 2027, holidays: 3, workdays: 1 });
    expect(await januarySession()).toMatchObject({ date: '2027-01-05', provisional: false });
    expect(await api.store.listAudit('holiday_arrangement', '2027')).toEqual([
      expect.objectContaining({ actor: 'demo-admin', action: 'stations.setHolidayArrangement' }),
    ]);
  });

  test('once loaded, 2027 reads as loaded with its days back as notice lines, and the reminder is gone', async () => {
    const { body } = await api.post('stations', { action: 'holidayYears' }, 'demo-admin');
    expect(body.data.due).toBeNull();
    expect(body.data.years[1]).toEqual({
      year: 2027,
      source: 'loaded',
      sourceLabel: '人大工委已按国务院通知录入',
      holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03', workdays: ['2027-01-09'] }],
      statutory: expect.arrayContaining([{ name: '国庆节', from: '2027-10-01', to: '2027-10-03', workdays: [] }]),
      restDays: 3,
      workdays: 1,
    });
    expect((await api.post('account', { action: 'me' }, 'demo-admin')).body.data.reminders).toBeUndefined();
  });
});
