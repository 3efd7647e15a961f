import { strFromU8, unzipSync } from 'fflate';
import { startLocalApi } from '../support/local-api';

// A few months of cases in 2026, then the committee's annual report: its numbers must be
// the numbers reports.stats gives for the same year.
let now = Date.UTC(2026, 2, 2, 2, 0);
let api: Awaited<ReturnType<typeof startLocalApi>>;
beforeAll(async () => {
  api = await startLocalApi({ now: () => now });
});
afterAll(() => api.stop());

const DAY = 24 * 3_600_000;

async function carry(
  i: number,
  stationId: string,
  category: string,
  upTo: 'submitted' | 'replied' | 'rated' | 'withdrawn',
) {
  const voter = `voter-report-${i}`;
  const { body } = await api.post(
    'opinions',
    {
      action: 'submit',
      stationId,
      category,
      content: `第${i}条：环城西路路灯不亮，夜间出行不便。`,
      requestId: `report-${i}-0000`,
    },
    voter,
  );
  const opinionId = body.data.opinionId as string;
  if (upTo === 'withdrawn') {
    await api.post('opinions', { action: 'withdraw', opinionId }, voter);
    return;
  }
  if (upTo === 'submitted') return;
  const view = (await api.post('opinions', { action: 'get', opinionId }, 'demo-admin')).body.data;
  const deputy = view.assignedDeputy.id === 'd01' ? 'demo-deputy' : null;
  if (!deputy) return;
  await api.post('casework', { action: 'reply', opinionId, content: '已协调县交通运输局，本月内修复。' }, deputy);
  if (upTo === 'replied') return;
  await api.post('casework', { action: 'resolve', opinionId, note: '已修复' }, 'demo-staff');
  await api.post(
    'opinions',
    { action: 'rate', opinionId, satisfaction: i % 5 === 0 ? 'dissatisfied' : 'satisfied' },
    voter,
  );
}

describe('the annual report', () => {
  test('only the committee may generate it', async () => {
    for (const who of ['demo-voter', 'demo-deputy', 'demo-staff']) {
      const { status } = await api.post('reports', { action: 'annualReport', year: 2026 }, who);
      expect(status).toBe(403);
    }
  });

  test('its passages carry the same numbers as reports.stats, in a .docx that opens', async () => {
    // transport opinions at 青溪街道 go to 陈建国 (demo-deputy), who answers them.
    for (let i = 0; i < 24; i += 1) {
      now += DAY / 2;
      const upTo = i % 6 === 0 ? 'withdrawn' : i % 4 === 0 ? 'submitted' : i % 3 === 0 ? 'replied' : 'rated';
      await carry(i, i % 7 === 0 ? 'qx-wenchang' : 'qx-jiedao', i % 2 ? 'transport' : 'housing', upTo);
    }
    now = Date.UTC(2026, 5, 1, 2, 0);
    const stats = (await api.post('reports', { action: 'stats', from: '2026-01-01', to: '2026-06-01' }, 'demo-admin'))
      .body.data;
    const { body } = await api.post('reports', { action: 'annualReport', year: 2026 }, 'demo-admin');
    expect(body.ok).toBe(true);
    expect(body.data.asOf).toBe('2026-06-01');
    expect(body.data.totals.collected).toBe(stats.collected);

    // Its maker asks for a link to it (reports.download), as the app does.
    const link = await api.post('reports', { action: 'download', fileId: body.data.fileId }, 'demo-admin');
    const file = await fetch(`${api.base}${link.body.data.url}`);
    expect(file.headers.get('content-type')).toContain('wordprocessingml');
    const docx = unzipSync(new Uint8Array(await file.arrayBuffer()));
    const text = strFromU8(docx['word/document.xml']!).replace(/<[^>]+>/g, '');
    expect(text).toContain(
      `共征集各类意见建议${stats.collected}条，已答复${stats.replied}条，圆满解决${stats.resolved}条`,
    );
    expect(text).toContain(`办复率${stats.replyRate.label}`);
    expect(text).toContain(
      `满意率${stats.satisfactionRate.value === null ? '样本不足' : stats.satisfactionRate.label}`,
    );
    expect(text).toContain('设立5个代表接待点');
    expect(text).toContain('3个代表联络站');
    expect(text).toContain('青溪街道人大代表联络站');
    expect(text).toContain('各类别意见建议办理情况');
  });

  test('a year that has not begun is refused', async () => {
    const { body } = await api.post('reports', { action: 'annualReport', year: 2099 }, 'demo-admin');
    expect(body.error.code).toBe('INVALID_INPUT');
  });
});
