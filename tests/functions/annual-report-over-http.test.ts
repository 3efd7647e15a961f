import { strFromU8, unzipSync } from 'fflate';
import type { Rate } from '../../src/domain/figures';
import type { UnitFigures } from '../../src/domain/suggestion-figures';
import { startLocalApi } from '../support/local-api';

// A few months of cases, 建议 and the committee's activities in 2026, then the committee's annual
// report: its numbers must be the numbers reports.stats, suggestions.figures and activities.figures
// give for the same year.
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

/**
 * The committee's spring: two 人大小组, activities of each kind the report's first sentences count
 * (a different number of each), attendance marked (陈建国 on leave once, 王秀英 absent once), four
 * 片区座谈会 its 组长 recorded, and 陈建国's own 走访选民 of 12 people confirmed by demo-staff — and
 * one of 8 still waiting, which does not count.
 */
async function activitiesOfTheSpring() {
  await api.callAs('demo-admin', 'activities.setGroup', {
    groupId: 'grp-qingxi',
    name: '青溪片人大小组',
    area: '青溪片',
    memberDeputyIds: ['d01', 'd02', 'd03', 'd09'],
    leaderDeputyId: 'd01',
  });
  await api.callAs('demo-admin', 'activities.setGroup', {
    groupId: 'grp-wenchang',
    name: '文昌片人大小组',
    area: '文昌片',
    memberDeputyIds: ['d04', 'd05'],
    leaderDeputyId: 'd04',
  });
  const held: Array<[string, string, string, string[]]> = [
    ['law_enforcement_inspection', '2026-03-12', '学校食堂食品安全执法检查', ['d01', 'd02', 'd04']],
    ['law_enforcement_inspection', '2026-04-09', '安全生产执法检查', ['d01', 'd03', 'd05']],
    ['research_inspection', '2026-03-20', '环城西路三期政策处理调研视察', ['d01', 'd02']],
    ['special_inquiry', '2026-04-16', '城市交通管理专题询问', ['d01', 'd03', 'd04', 'd05']],
    ['special_deliberation', '2026-01-20', '街道2026年财政预算专题审议', ['d01', 'd02', 'd03']],
    ['work_report_hearing', '2026-02-25', '听取街道棚改办工作汇报', ['d01', 'd04']],
    ['training', '2026-01-15', '新代表培训', ['d02', 'd05']],
    ['exchange_meeting', '2026-03-27', '人大工作交流会', ['d01', 'd02', 'd03', 'd04', 'd05']],
    ['quarterly_meeting', '2026-04-02', '第一季度工作例会', ['d01', 'd02', 'd03', 'd04', 'd05', 'd09']],
    // More of some kinds, so that no two numbers of a sentence are alike and a swap would show.
    ['law_enforcement_inspection', '2026-02-24', '节后复工安全生产检查', ['d02', 'd03']],
    ['research_inspection', '2026-02-10', '青草巷棚改项目调研视察', ['d01', 'd09']],
    ['research_inspection', '2026-04-22', '城关中心河治水调研视察', ['d03', 'd04']],
    ['research_inspection', '2026-05-06', '文昌小区棚改调研视察', ['d04', 'd05']],
    ['special_inquiry', '2026-05-14', '农信联社服务“三农”情况专题询问', ['d02', 'd05']],
    ['work_report_hearing', '2026-03-05', '听取县交通运输局专项工作汇报', ['d01', 'd03']],
    ['work_report_hearing', '2026-03-18', '听取街道综治办工作汇报', ['d02', 'd03']],
    ['work_report_hearing', '2026-04-28', '听取市场监管所“一打三整治”工作汇报', ['d04', 'd09']],
    ['work_report_hearing', '2026-05-20', '听取街道财政所预算执行情况汇报', ['d01', 'd05']],
    ['training', '2026-04-24', '代表履职能力培训', ['d01', 'd02', 'd03']],
    ['exchange_meeting', '2026-02-27', '人大工作交流会（建议办理）', ['d01', 'd04']],
    ['exchange_meeting', '2026-05-22', '人大工作交流会（人大小组）', ['d02', 'd05']],
  ];
  for (const [kind, date, title, deputyIds] of held) {
    const activity = await api.callAs('demo-admin', 'activities.record', {
      kind: kind as 'training',
      title,
      date,
      place: '青溪街道办事处三楼会议室',
      deputyIds,
      suggestionIds: [],
      opinionIds: [],
    });
    for (const deputyId of deputyIds) {
      const attendance = title === '安全生产执法检查' && deputyId === 'd01' ? 'leave' : 'present';
      const absent = title === '人大工作交流会' && deputyId === 'd02';
      await api.callAs('demo-admin', 'activities.markAttendance', {
        activityId: activity.id,
        deputyId,
        attendance: absent ? 'absent' : attendance,
        ...(attendance === 'leave' ? { leaveReason: '参加县人大常委会会议' } : {}),
      });
    }
  }
  // 陈建国, 组长 of 青溪片, records its monthly 片区座谈会 and marks his members.
  for (const month of ['02', '03', '04', '05']) {
    const forum = await api.callAs('demo-deputy', 'activities.record', {
      kind: 'liaison_forum',
      title: `青溪片${Number(month)}月片区座谈会`,
      date: `2026-${month}-12`,
      place: '青溪街道人大代表联络站',
      groupId: 'grp-qingxi',
      deputyIds: ['d01', 'd02', 'd03', 'd09'],
      suggestionIds: [],
      opinionIds: [],
    });
    for (const deputyId of ['d01', 'd02', 'd03', 'd09'])
      await api.callAs('demo-deputy', 'activities.markAttendance', {
        activityId: forum.id,
        deputyId,
        attendance: 'present',
      });
  }
  const visit = await api.callAs('demo-deputy', 'activities.record', {
    kind: 'voter_visit',
    title: '走访青草巷棚改户',
    date: '2026-05-20',
    place: '青草巷',
    votersVisited: 12,
    deputyIds: [],
    suggestionIds: [],
    opinionIds: [],
  });
  await api.callAs('demo-staff', 'activities.review', { activityId: visit.id, confirm: true });
  await api.callAs('demo-deputy', 'activities.record', {
    kind: 'voter_visit',
    title: '走访油车巷独居老人',
    date: '2026-05-28',
    place: '油车巷',
    votersVisited: 8,
    deputyIds: [],
    suggestionIds: [],
    opinionIds: [],
  });
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
    await activitiesOfTheSpring();
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

    // 履职: every number of the first sentence, the 一是 paragraph and the two tables is activities.figures'.
    const activities = await api.callAs('demo-admin', 'activities.figures', { from: '2026-01-01', to: '2026-06-01' });
    const n = (kind: string) => activities.byKind.find((k) => k.kind === kind)?.count ?? 0;
    const opening = ['law_enforcement_inspection', 'research_inspection', 'special_inquiry', 'special_deliberation'];
    expect([...opening, 'work_report_hearing'].map(n)).toEqual([3, 4, 2, 1, 5]);
    expect(['training', 'exchange_meeting', 'quarterly_meeting', 'liaison_forum'].map(n)).toEqual([2, 3, 1, 4]);
    expect(activities.votersVisited).toBe(12);
    expect(text).toContain(
      `自年初以来，青溪街道人大工委共开展执法检查${n('law_enforcement_inspection')}次，调研视察${n('research_inspection')}次，专题询问${n('special_inquiry')}次，专题审议${n('special_deliberation')}次，听取常规工作和专项工作汇报${n('work_report_hearing')}次。`,
    );
    expect(text).toContain(
      `已组织代表培训${n('training')}次，召开人大工作交流会${n('exchange_meeting')}次、季度工作例会${n('quarterly_meeting')}次，代表联络座谈会${n('liaison_forum')}次，走访选民${activities.votersVisited}人次`,
    );
    expect(text).not.toContain('*');
    expect(text).toContain('各人大小组履职活动情况');
    expect(activities.byGroup.length).toBeGreaterThan(0);
    for (const g of activities.byGroup) expect(text).toContain(`${g.name}${g.activities}${g.votersVisited}`);
    expect(text).toContain('代表履职情况');
    const chen = activities.deputies.find((d) => d.deputyId === 'd01')!;
    expect(chen).toMatchObject({ leave: 1, votersVisited: 12 });
    for (const d of activities.deputies) {
      expect(text).toContain(
        `${d.name}${d.groupName ?? '—'}${d.present}${d.leave}${d.absent}${written(d.attendanceRate)}${d.votersVisited}`,
      );
    }
  });

  test('a year that has not begun is refused', async () => {
    const { body } = await api.post('reports', { action: 'annualReport', year: 2099 }, 'demo-admin');
    expect(body.error.code).toBe('INVALID_INPUT');
  });
});
