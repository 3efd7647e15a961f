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
});
