import type { Station } from '../../src/domain/station';
import type { ContractContext } from './store-contract';

const station = (id: string, sortOrder: number): Station => ({
  id,
  name: `测试联络站 ${id}`,
  kind: 'reception_point',
  setting: 'village',
  address: '测试地址 1 号',
  location: { latitude: 29.5, longitude: 121.9 },
  phone: '0574-00000000',
  districts: ['第一选区'],
  receptionRule: { oddMonthDay: 5, evenMonthDay: 20, start: '08:30', end: '11:30' },
  sortOrder,
});

/** Stations, deputies, sessions, holiday arrangements, audit lines and markers. */
export function placesContract({ store, id, audit, prefix }: ContractContext) {
  test('gives back a station exactly as it was put, and lists stations in display order', async () => {
    await store.putStation(station(id('b'), 2), audit(id('b')));
    await store.putStation(station(id('a'), 1), audit(id('a')));
    expect(await store.getStation(id('a'))).toEqual(station(id('a'), 1));
    const listed = (await store.listStations()).filter((s) => s.id.startsWith(prefix));
    expect(listed.map((s) => s.id)).toEqual([id('a'), id('b')]);
  });

  test('putting a station again replaces it', async () => {
    await store.putStation({ ...station(id('a'), 1), phone: '0574-11111111' }, audit(id('a')));
    expect((await store.getStation(id('a')))?.phone).toBe('0574-11111111');
  });

  test('an unknown station is null', async () => {
    expect(await store.getStation(id('none'))).toBeNull();
  });

  test('deputies are listed by station', async () => {
    const deputy = {
      id: id('d1'),
      stationId: id('a'),
      name: '测试代表',
      title: '县人大代表',
      focusCategories: ['housing' as const],
      active: true,
    };
    await store.putDeputy(deputy, audit(id('d1')));
    await store.putDeputy({ ...deputy, id: id('d2'), stationId: id('b'), active: false }, audit(id('d2')));
    expect(await store.listDeputies([id('a')])).toEqual([deputy]);
    expect((await store.listDeputies([id('a'), id('b')])).map((d) => d.id)).toEqual([id('d1'), id('d2')]);
    expect(await store.listDeputies([])).toEqual([]);
    expect(await store.getDeputy(id('d2'))).toMatchObject({ active: false });
  });

  test('session overrides are found from a month on', async () => {
    await store.putSessionOverride({ stationId: id('a'), month: '2026-02', theme: '旧主题' }, audit(id('a')));
    await store.putSessionOverride(
      { stationId: id('a'), month: '2026-03', cancelled: true, reason: '培训', deputyIds: [id('d1')] },
      audit(id('a')),
    );
    expect(await store.listSessionOverrides([id('a')], '2026-03')).toEqual([
      { stationId: id('a'), month: '2026-03', cancelled: true, reason: '培训', deputyIds: [id('d1')] },
    ]);
  });

  test('a holiday arrangement loaded as data is listed', async () => {
    const arrangement = { year: 2099, holidays: [{ date: '2099-01-01', name: '元旦' }], workdays: [] };
    await store.putHolidayArrangement(arrangement, audit('2099'));
    expect((await store.listHolidayArrangements()).find((a) => a.year === 2099)).toEqual(arrangement);
  });

  test('every write leaves an audit line with actor and time', async () => {
    const lines = await store.listAudit('station', id('a'));
    expect(lines.length).toBeGreaterThanOrEqual(4);
    expect(lines[0]).toEqual(audit(id('a')));
  });

  test('a deputy keeps the district that elected them', async () => {
    const deputy = {
      id: id('d3'),
      stationId: id('a'),
      name: '测试代表三',
      title: '县人大代表',
      focusCategories: [],
      active: true,
      district: '第二选区',
    };
    await store.putDeputy(deputy, audit(id('d3')));
    expect(await store.getDeputy(id('d3'))).toEqual(deputy);
  });

  test('a marker is set once', async () => {
    expect(await store.getMarker(id('m'))).toBeNull();
    expect(await store.setMarkerOnce(id('m'), 'one')).toBe(true);
    expect(await store.setMarkerOnce(id('m'), 'two')).toBe(false);
    expect(await store.getMarker(id('m'))).toBe('one');
  });

  test('a setting is replaced each time it is put, with an audit line', async () => {
    expect(await store.getSetting(id('s'))).toBeNull();
    await store.putSetting(id('s'), '0.7', audit(id('s')));
    await store.putSetting(id('s'), '0.8', audit(id('s')));
    expect(await store.getSetting(id('s'))).toBe('0.8');
    expect(await store.getMarker(id('s'))).toBeNull();
  });
}
