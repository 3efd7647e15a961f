import { strFromU8, unzipSync } from 'fflate';
import type { Rate } from '../../src/domain/figures';
import type { UnitFigures } from '../../src/domain/suggestion-figures';
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

/** A rate as the report writes it: its percentage, or 样本不足 with the count. */
const written = (r: Rate) => (r.value === null ? `样本不足（${r.numerator}/${r.denominator}）` : r.label);

/**
 * 陈建国's 建议 of the spring, cited from one opinion routed to him: 12 handed to units (10 to
 * 县交通运输局, 11 answered, 9 rated 满意 or 基本满意 of 10 asked, one 退回 asked), one declined,
 * one still awaiting 立案.
 */
async function suggestionsOfTheSpring() {
  const { opinionId } = await api.callAs('voter-report-sugg', 'opinions.submit', {
    stationId: 'qx-jiedao',
    category: 'transport',
    content: '环城西路三期施工路段夜间没有照明和警示，电动车摔倒好几次。',
    requestId: 'report-sugg-0000',
  });
  const answer = '已责成施工单位增设照明和警示标志，并安排专人夜间巡查。';
  for (let i = 0; i < 14; i += 1) {
    const { id } = await api.callAs('demo-deputy', 'suggestions.draft', {
      title: `关于环城西路施工路段安全的建议（${i + 1}）`,
      reason: '环城西路三期施工路段夜间没有照明和警示，已发生多起摔倒。',
      content: '建议施工单位增设照明、警示标志和隔离设施，交通部门加强巡查。',
      category: 'transport',
      opinionIds: [opinionId],
      coSignerIds: [],
    });
    await api.callAs('demo-deputy', 'suggestions.submit', { suggestionId: id });
    if (i === 13) continue;
    if (i === 12) {
      await api.callAs('demo-admin', 'suggestions.decline', {
        suggestionId: id,
        ground: 'other',
        note: '与第一件重复',
      });
      continue;
    }
    const housing = i >= 10;
    await api.callAs('demo-admin', 'suggestions.assign', {
      suggestionId: id,
      leadUnitId: housing ? 'unit-housing' : 'unit-transport',
    });
    if (i === 11) {
      await api.callAs('demo-unit-housing', 'suggestions.requestReturn', {
        suggestionId: id,
        reason: '属交通部门管养',
      });
      continue;
    }
    await api.callAs(housing ? 'demo-unit-housing' : 'demo-unit', 'suggestions.answer', {
      suggestionId: id,
      answerClass: i % 4 === 1 ? 'B' : i === 7 ? 'C' : 'A',
      content: answer,
      ...(i % 4 === 1 ? { plannedDate: '2026-09-30' } : {}),
    });
    if (housing) continue;
    const satisfaction = i === 3 ? 'dissatisfied' : i % 3 === 0 ? 'basically_satisfied' : 'satisfied';
    await api.callAs('demo-deputy', 'suggestions.feedback', {
      suggestionId: id,
      satisfaction,
      ...(satisfaction === 'dissatisfied' ? { comment: '没有说明何时完成' } : {}),
    });
  }
}

/** A row of 承办单位办理情况 as the .docx's text has it, its cells run together. */
const unitRow = (label: string, u: Omit<UnitFigures, 'unitId' | 'unitName'>) =>
  [
    label,
    u.assigned,
    written(u.answerRate),
    written(u.onTimeRate),
    u.classA,
    u.classB,
    u.classC,
    written(u.satisfactionRate),
    u.returns,
    u.supervised,
    u.medianDaysToAnswer ?? '—',
  ].join('');

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
    await suggestionsOfTheSpring();
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

    // 代表建议: the numbers are those of suggestions.figures for the same year.
    const figures = await api.callAs('demo-admin', 'suggestions.figures', { from: '2026-01-01', to: '2026-06-01' });
    expect(figures.submitted).toBe(14);
    expect(figures.street.answerRate.label).toBe('91.7%');
    expect(text).toContain(
      `代表提出的${figures.submitted}件建议办复率${written(figures.street.answerRate)}，满意率${written(figures.street.satisfactionRate)}`,
    );
    expect(text).toContain(`不予立案${figures.declined}件；交办承办单位${figures.street.assigned}件`);
    expect(text).toContain(`按期答复率${written(figures.street.onTimeRate)}`);
    expect(text).toContain('承办单位办理情况');
    expect(figures.units.map((u) => u.unitName)).toEqual(['县交通运输局', '县住房和城乡建设局']);
    for (const unit of figures.units) expect(text).toContain(unitRow(unit.unitName, unit));
    expect(text).toContain(unitRow('合计', figures.street));
    // 县住房和城乡建设局 has 2 建议: below the sample a rate needs, written with its count, never a percentage.
    expect(text).toContain('县住房和城乡建设局2样本不足（1/2）');
  });

  test('a year that has not begun is refused', async () => {
    const { body } = await api.post('reports', { action: 'annualReport', year: 2099 }, 'demo-admin');
    expect(body.error.code).toBe('INVALID_INPUT');
  });
});
