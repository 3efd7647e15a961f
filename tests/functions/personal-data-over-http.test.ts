import ExcelJS from 'exceljs';
import { startLocalApi } from '../support/local-api';
import { call, DEPUTY, ok, STAFF, submit, type LocalApi } from '../support/opinion-calls';

// The voter's erasures through the functions as the app calls them (docs/API.md: opinions.eraseContact,
// account.erase, Retention of personal data): who sees the contact afterwards, in views and exports.

const CONTACT = { name: '王大伯', phone: '13957412345' };
let now = Date.UTC(2026, 2, 2, 2, 0);
let api: LocalApi;
beforeAll(async () => {
  api = await startLocalApi({ now: () => now });
});
afterAll(() => api.stop());

/** The rows of a staff export of March 2026, as the spreadsheet reads. */
async function exportedRows(): Promise<string[]> {
  const made = await ok(api, STAFF, 'reports', 'exportOpinions', { from: '2026-03-01', to: '2026-03-31' });
  const { url } = await ok(api, STAFF, 'reports', 'download', { fileId: made.fileId });
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await (await fetch(`${api.base}${url}`)).arrayBuffer());
  const rows: string[] = [];
  book.getWorksheet('意见建议')!.eachRow((row) => rows.push((row.values as unknown[]).join('|')));
  return rows;
}

describe('a voter erases the contact of one opinion', () => {
  test('the deputy and staff no longer see it, the export has it no more, and the timeline says so', async () => {
    const { opinionId } = await submit(api, 'voter-erase-1', { contact: CONTACT, consent: true });
    expect((await ok(api, DEPUTY, 'opinions', 'get', { opinionId })).contact).toEqual(CONTACT);
    expect((await exportedRows()).some((r) => r.includes(CONTACT.phone))).toBe(true);

    const view = await ok(api, 'voter-erase-1', 'opinions', 'eraseContact', { opinionId });

    expect(view.contact).toBeUndefined();
    expect(view.timeline.at(-1)).toMatchObject({ actorName: '选民', text: '删除了联系方式' });
    for (const who of [DEPUTY, STAFF])
      expect((await ok(api, who, 'opinions', 'get', { opinionId })).contact).toBeUndefined();
    expect((await exportedRows()).some((r) => r.includes(CONTACT.phone) || r.includes(CONTACT.name))).toBe(false);
  });

  test('staff may not erase a voter’s contact this way', async () => {
    const { opinionId } = await submit(api, 'voter-erase-2', { contact: CONTACT, consent: true });
    const { status, body } = await call(api, STAFF, 'opinions', 'eraseContact', { opinionId });
    expect([status, body.error?.code]).toEqual([403, 'FORBIDDEN']);
  });
});

describe('account.erase over HTTP', () => {
  test('the voter’s list is empty afterwards, and the opinion is still in the station’s queue', async () => {
    const { opinionId } = await submit(api, 'voter-leaves', { contact: CONTACT, consent: true });
    await ok(api, 'voter-leaves', 'stations', 'follow', { stationId: 'qx-jiedao', follow: true });

    const erased = await ok(api, 'voter-leaves', 'account', 'erase', {});

    expect(erased).toMatchObject({ opinions: 1, contacts: 1, follows: 1 });
    expect((await ok(api, 'voter-leaves', 'opinions', 'mine', {})).items).toEqual([]);
    const seenByStaff = await ok(api, STAFF, 'opinions', 'get', { opinionId });
    expect(seenByStaff.contact).toBeUndefined();
    expect(seenByStaff.timeline.at(-1)?.text).toBe('选民删除了个人信息，意见内容保留用于统计');
  });

  test('a deputy is told to be unbound by the committee first', async () => {
    const { status, body } = await call(api, DEPUTY, 'account', 'erase', {});
    expect(status).toBe(403);
    expect(body.error).toEqual({
      code: 'FORBIDDEN',
      message: '代表、联络站工作人员和承办单位的账号不能自行删除，请先由人大工委解除绑定，再删除个人信息',
    });
  });
});

describe('withdrawal', () => {
  test('a withdrawn opinion’s contact is gone from staff’s view and the export from the withdrawal on', async () => {
    now += 60_000;
    const contact = { name: '李阿婆', phone: '13805749876' };
    const { opinionId } = await submit(api, 'voter-withdraws', { contact, consent: true });
    await ok(api, 'voter-withdraws', 'opinions', 'withdraw', { opinionId });
    expect((await ok(api, STAFF, 'opinions', 'get', { opinionId })).contact).toBeUndefined();
    expect((await exportedRows()).some((r) => r.includes(contact.phone))).toBe(false);
  });
});
