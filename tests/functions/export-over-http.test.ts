import ExcelJS from 'exceljs';
import { getRuntime } from '../../server/runtime/runtime';
import { GENERATED_FILE_TTL_MS } from '../../server/services/generated-files';
import { runScheduledJobs } from '../../server/services/scheduled-jobs';
import { startLocalApi } from '../support/local-api';

let now = Date.UTC(2026, 2, 2, 2, 0);
let api: Awaited<ReturnType<typeof startLocalApi>>;
beforeAll(async () => {
  api = await startLocalApi({ now: () => now });
  const submit = (i: number, stationId: string) =>
    api.post(
      'opinions',
      {
        action: 'submit',
        stationId,
        category: 'security',
        content: `第${i}条：青草巷路灯坏了好几盏，晚上出行不安全。`,
        requestId: `export-${i}-0000`,
        contact: { name: `王大伯${i}`, phone: '13957412345' },
        consent: true,
      },
      `voter-export-${i}`,
    );
  for (let i = 0; i < 5; i += 1) {
    now += 86_400_000;
    await submit(i, i < 3 ? 'qx-jiedao' : 'qx-wenchang');
  }
});
afterAll(() => api.stop());

/** What a client does to get a generated file: ask reports.download for a link as its maker. */
async function linkTo(fileId: string, openid: string): Promise<string> {
  const { body } = await api.post('reports', { action: 'download', fileId }, openid);
  expect(body.ok).toBe(true);
  return body.data.url as string;
}

async function sheetOf(fileId: string, openid: string) {
  const res = await fetch(`${api.base}${await linkTo(fileId, openid)}`);
  expect(res.headers.get('content-type')).toContain('spreadsheetml');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await res.arrayBuffer());
  const sheet = book.getWorksheet('意见建议')!;
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

describe('exporting a period’s opinions to .xlsx', () => {
  const period = { from: '2026-03-01', to: '2026-03-31' };

  test('station staff get their station’s opinions with phone numbers in full, and the export is audited', async () => {
    const { body } = await api.post('reports', { action: 'exportOpinions', ...period }, 'demo-staff');
    expect(body.data.rows).toBe(3);
    expect(body.data.url).toBeUndefined();
    const rows = await sheetOf(body.data.fileId, 'demo-staff');
    expect(rows[0]).toEqual(expect.arrayContaining(['编号', '联络站', '内容', '联系电话']));
    expect(rows.slice(1).every((r) => r.includes('青溪街道人大代表联络站') && r.includes('13957412345'))).toBe(true);
    const audit = await api.store.listAudit('export', 'qx-jiedao');
    expect(audit).toEqual([expect.objectContaining({ actor: 'demo-staff', action: 'reports.exportOpinions' })]);
  });

  test('the committee exports every station, with phone numbers masked', async () => {
    const { body } = await api.post('reports', { action: 'exportOpinions', ...period }, 'demo-admin');
    expect(body.data.rows).toBe(5);
    const rows = await sheetOf(body.data.fileId, 'demo-admin');
    expect(rows.slice(1).every((r) => r.includes('139****2345') && !r.includes('13957412345'))).toBe(true);
  });

  test('a period outside the opinions exports none', async () => {
    const { body } = await api.post(
      'reports',
      { action: 'exportOpinions', from: '2026-04-01', to: '2026-04-30' },
      'demo-admin',
    );
    expect(body.data.rows).toBe(0);
  });

  test.each`
    who              | stationId        | code
    ${'demo-voter'}  | ${undefined}     | ${'FORBIDDEN'}
    ${'demo-deputy'} | ${undefined}     | ${'FORBIDDEN'}
    ${'demo-staff'}  | ${'qx-wenchang'} | ${'FORBIDDEN'}
  `('$who exporting $stationId is $code', async ({ who, stationId, code }) => {
    const { body } = await api.post(
      'reports',
      { action: 'exportOpinions', ...period, ...(stationId ? { stationId } : {}) },
      who,
    );
    expect(body.error.code).toBe(code);
  });
});

describe('an export lives an hour', () => {
  test('it is registered to its exporter, and the scheduler deletes it once its hour is up; the link then says so', async () => {
    const made = now;
    const { body } = await api.post(
      'reports',
      { action: 'exportOpinions', from: '2026-03-01', to: '2026-03-31' },
      'demo-staff',
    );
    expect(body.data.expiresAt).toBe(made + GENERATED_FILE_TTL_MS);
    const url = await linkTo(body.data.fileId, 'demo-staff');
    expect((await fetch(`${api.base}${url}`)).status).toBe(200);
    const audit = (await api.store.listAudit('export', 'qx-jiedao')).at(-1);
    expect(audit?.detail).toEqual(
      expect.objectContaining({ fileId: body.data.fileId, expiresAt: made + GENERATED_FILE_TTL_MS }),
    );

    const purge = async () =>
      runScheduledJobs({ ...(await getRuntime()), store: api.store, clock: { now: () => now } });
    now = made + GENERATED_FILE_TTL_MS - 60_000;
    await purge();
    expect((await fetch(`${api.base}${url}`)).status).toBe(200);

    // The next hour's slot opens at minute 35; the file's time is up by then.
    now = made + 2 * GENERATED_FILE_TTL_MS;
    const run = await purge();
    expect(run.files).toEqual(expect.objectContaining({ deleted: expect.any(Number) }));
    const gone = await fetch(`${api.base}${url}`);
    expect(gone.status).toBe(410);
    expect(await gone.text()).toBe('文件已过期并已删除，请重新导出');
    expect(await api.store.listExpiredFiles(now, 100)).toEqual([]);
    expect(await api.store.listAudit('generated_files', 'expired')).toEqual([
      expect.objectContaining({
        actor: 'system',
        action: 'files.purge',
        detail: { fileIds: expect.arrayContaining([body.data.fileId]) },
      }),
    ]);
  });
});

describe('a generated file is downloaded by its maker alone, through an audited action', () => {
  const period = { from: '2026-03-01', to: '2026-03-31' };

  test('its maker gets a signed link, and the download is audited', async () => {
    const { body } = await api.post('reports', { action: 'exportOpinions', ...period }, 'demo-staff');
    const url = await linkTo(body.data.fileId, 'demo-staff');
    expect(url).toMatch(/^\/files\/opinions-2026-03-01-2026-03-31-[a-f0-9]{16}\.xlsx\?expires=\d+&sig=[a-f0-9]{64}$/);
    expect(await api.store.listAudit('generated_file', body.data.fileId)).toEqual([
      expect.objectContaining({ actor: 'demo-staff', action: 'reports.download', detail: { kind: 'opinions_export' } }),
    ]);
  });

  test.each`
    who                 | why
    ${'demo-admin'}     | ${'the committee, who did not make this one'}
    ${'demo-deputy'}    | ${'a deputy of the station'}
    ${'voter-export-1'} | ${'a voter whose phone number is in it'}
  `('$who ($why) is told it does not exist', async ({ who }) => {
    const { body } = await api.post('reports', { action: 'exportOpinions', ...period }, 'demo-staff');
    const asked = await api.post('reports', { action: 'download', fileId: body.data.fileId }, who);
    expect(asked.body.error).toEqual({ code: 'NOT_FOUND', message: '文件不存在或已过期，请重新生成' });
  });

  test('the bare file path, a forged or a stale signature are refused', async () => {
    const { body } = await api.post('reports', { action: 'exportOpinions', ...period }, 'demo-staff');
    const url = await linkTo(body.data.fileId, 'demo-staff');
    const bare = url.split('?')[0]!;
    const expires = Number(/expires=(\d+)/.exec(url)![1]);
    for (const tried of [
      bare,
      url.replace(/sig=[a-f0-9]{4}/, 'sig=0000'),
      url.replace(`expires=${expires}`, `expires=${expires + 3_600_000}`),
      `${bare}?expires=${Date.now() - 1000}&sig=${/sig=([a-f0-9]+)/.exec(url)![1]}`,
    ]) {
      const res = await fetch(`${api.base}${tried}`);
      expect(res.status).toBe(403);
      expect(await res.text()).toBe('下载链接无效或已过期，请回到小程序重新下载');
    }
  });
});

describe('the public figures of each station', () => {
  test('anyone, even without a WeChat identity, may ask: five opinions in the street read 样本不足, and nothing personal', async () => {
    const { status, body } = await api.post('reports', { action: 'publicStats', from: '2026-03-01', to: '2026-03-31' });
    expect(status).toBe(200);
    expect(body.data.street).toEqual({ withheld: true, label: '样本不足' });
    const jiedao = body.data.groups.find((g: { key: string }) => g.key === 'qx-jiedao');
    expect(jiedao).toEqual({
      key: 'qx-jiedao',
      label: '青溪街道人大代表联络站',
      figures: { withheld: true, label: '样本不足' },
    });
    expect(JSON.stringify(body)).not.toMatch(/1395|王大伯|voter-export/);
  });

  test('it takes a period and nothing else', async () => {
    const { body } = await api.post('reports', { action: 'publicStats', from: '2026-03-31', to: '2026-03-01' });
    expect(body.error).toEqual({ code: 'INVALID_INPUT', message: '开始日期不能晚于结束日期' });
  });
});
