import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { createSqliteStore } from '../../server/adapters/sqlite/sqlite-store';
import { DEMO_LOW_ATTENDANCE_DEPUTY } from '../../server/local/demo-activities';
import { DEMO_DEPUTIES } from '../../server/local/demo-street';
import { LOCAL_FUNCTIONS } from '../../server/local/functions';
import { DEMO_ACTIVITY_MARKER, seedLivedInStreet } from '../../server/local/lived-in-street';
import { setRuntime } from '../../server/runtime/runtime';
import { runScheduledJobs } from '../../server/services/scheduled-jobs';
import { testRuntime } from '../support/test-runtime';

// Thursday 2026-11-26, 10:00 in Shanghai: the first start.
const NOW = Date.UTC(2026, 10, 26, 2);
const clock = { now: () => NOW };

const call = async (fn: string, openid: string, event: Record<string, unknown>) => {
  const result = (await LOCAL_FUNCTIONS[fn]!(event, { environment: JSON.stringify({ WX_OPENID: openid }) })) as {
    ok: boolean;
    data: any;
  };
  expect(result.ok).toBe(true);
  return result.data;
};

describe('the first start makes a lived-in street', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lianluo-lived-in-'));
  const store = createSqliteStore(join(dir, 'lianluo.sqlite'));
  const runtime = testRuntime(store, clock, dir);
  let seeded: Awaited<ReturnType<typeof seedLivedInStreet>>;

  beforeAll(async () => {
    setRuntime(runtime);
    seeded = await seedLivedInStreet(runtime);
  }, 60000);
  afterAll(() => store.close());

  test('a year of opinions, carried through the real functions', async () => {
    expect(seeded.seeded).toBe(true);
    if (!seeded.seeded) return;
    expect(seeded.activity!.submitted).toBeGreaterThan(1500);
    expect(seeded.activity!.replied).toBeGreaterThan(seeded.activity!.submitted / 2);
    expect(seeded.activity!.refused).toEqual({});
    expect(await store.getMarker(DEMO_ACTIVITY_MARKER)).toBe('2025-11-26T02:00:00.000Z/2026-11-26T02:00:00.000Z');
    const inbox = await call('casework', 'demo-staff', { action: 'inbox', filter: 'all', limit: 50 });
    expect(inbox.items.length).toBe(50);
  });

  test('陈建国 has one opinion past its reply date that nobody has escalated yet, and one due tomorrow', async () => {
    if (!seeded.seeded) throw new Error('not seeded');
    const overdue = await store.getOpinion(seeded.dueCases.overdue);
    expect(overdue).toMatchObject({ assignedDeputyId: 'd01', stationId: 'qx-jiedao', status: 'assigned' });
    expect(overdue!.replyDueDate! < '2026-11-26').toBe(true);
    expect(overdue!.escalatedFor).toBeUndefined();
    // Friday 27 November is the next working day: tomorrow's deadline gets its 催办 today.
    const dueTomorrow = await store.getOpinion(seeded.dueCases.dueTomorrow);
    expect(dueTomorrow).toMatchObject({ assignedDeputyId: 'd01', status: 'assigned', replyDueDate: '2026-11-27' });
    expect(dueTomorrow!.remindedFor).toBeUndefined();
  });

  test('the first scheduler run escalates the overdue one to demo-staff and reminds demo-deputy of the other', async () => {
    if (!seeded.seeded) throw new Error('not seeded');
    const { dueCases } = seeded;
    const run = await runScheduledJobs({ ...runtime, store, clock });
    expect(run.deadlines).toMatchObject({ slot: '2026-11-26T09' });
    expect((run.deadlines as { escalated: number }).escalated).toBeGreaterThanOrEqual(1);
    expect((run.deadlines as { reminded: number }).reminded).toBeGreaterThanOrEqual(1);

    // demo-staff's station: the opinion is among the overdue, and its timeline says it was escalated.
    const overdue = await call('casework', 'demo-staff', { action: 'inbox', filter: 'overdue', limit: 50 });
    expect(overdue.items.map((o: { id: string }) => o.id)).toContain(dueCases.overdue);
    const view = await call('opinions', 'demo-staff', { action: 'get', opinionId: dueCases.overdue });
    expect(view.timeline.filter((l: { text: string }) => l.text.includes('已提请联络站督办'))).toHaveLength(1);

    const outbox = await store.listOutbox(500);
    const toStaff = outbox.filter((m) => m.kind === 'overdue_to_staff' && m.subjectId === dueCases.overdue);
    expect(toStaff.map((m) => m.recipientOpenid)).toEqual(['demo-staff']);
    const reminder = outbox.filter((m) => m.kind === 'reminder_to_deputy' && m.subjectId === dueCases.dueTomorrow);
    expect(reminder.map((m) => m.recipientOpenid)).toEqual(['demo-deputy']);
  });

  test('the street’s 代表建议 were carried through the real functions, none refused', async () => {
    if (!seeded.seeded) throw new Error('not seeded');
    expect(seeded.suggestions.refused).toEqual([]);
    const mine = await call('suggestions', 'demo-unit', { action: 'list', state: 'all' });
    expect(mine.items.length).toBeGreaterThanOrEqual(12);
    const all = await call('suggestions', 'demo-admin', { action: 'list', state: 'all' });
    const statuses = all.items.map((s: { status: string }) => s.status);
    for (const status of ['settled', 'assigned', 'declined', 'submitted']) expect(statuses).toContain(status);
    // 陈建国's draft waits for 张丽华 (demo-deputy-2) to confirm her 附议.
    const drafts = await call('suggestions', 'demo-deputy-2', { action: 'list', state: 'all' });
    expect(drafts.items.filter((s: { status: string }) => s.status === 'draft')).toHaveLength(1);
  });

  test('承办单位办理情况 tells the units apart: 交通运输局 answered three late, 住建局 asked 退回 twice', async () => {
    const figures = await call('suggestions', 'demo-admin', {
      action: 'figures',
      from: '2026-01-01',
      to: '2026-11-26',
    });
    const row = (name: string) => figures.units.find((u: { unitName: string }) => u.unitName === name);
    expect(row('县交通运输局')).toMatchObject({ assigned: 12, answered: 10, onTimeRate: { label: '70.0%' } });
    expect(row('县住房和城乡建设局')).toMatchObject({ returns: 2 });
    expect(row('县住建局内河处').supervised).toBeGreaterThanOrEqual(1);
    expect(figures.street.supervised).toBeGreaterThanOrEqual(2);
  });

  test('a year of 履职 was carried through the real activities entry, none refused', async () => {
    if (!seeded.seeded) throw new Error('not seeded');
    expect(seeded.luzhi.refused).toEqual([]);
    // Four 人大小组 by 片区, each with a 组长, covering every deputy of the street.
    const { groups } = await call('activities', 'demo-admin', { action: 'groups' });
    expect(groups.map((g: { area: string }) => g.area)).toEqual(['青溪片', '文昌片', '来薰片', '城西片']);
    for (const g of groups) expect(g.leader).toBeDefined();
    const members = groups.flatMap((g: { members: Array<{ id: string }> }) => g.members.map((m) => m.id));
    expect(new Set(members)).toEqual(new Set(DEMO_DEPUTIES.map((d) => d.id)));
  });

  test('the year’s figures read like a work report’s: every kind held, 赵国庆 below the attendance expected', async () => {
    const figures = await call('activities', 'demo-admin', { action: 'figures', from: '2026-01-01', to: '2026-11-26' });
    const n = (kind: string) => figures.byKind.find((k: { kind: string }) => k.kind === kind)?.count ?? 0;
    for (const kind of ['law_enforcement_inspection', 'research_inspection', 'special_inquiry', 'exchange_meeting'])
      expect(n(kind)).toBeGreaterThanOrEqual(2);
    for (const kind of ['special_deliberation', 'work_report_hearing', 'training'])
      expect(n(kind)).toBeGreaterThanOrEqual(1);
    expect(n('quarterly_meeting')).toBe(4);
    // Each group's monthly 片区座谈会.
    expect(n('liaison_forum')).toBeGreaterThanOrEqual(40);
    expect(figures.votersVisited).toBeGreaterThan(200);
    expect(figures.byGroup.every((g: { activities: number }) => g.activities >= 10)).toBe(true);
    expect(figures.below).toEqual([DEMO_LOW_ATTENDANCE_DEPUTY]);
    const deputies = figures.deputies as Array<{ deputyId: string; present: number; leave: number; absent: number }>;
    expect(deputies.some((d) => d.leave > 0)).toBe(true);
    expect(deputies.some((d) => d.absent > 0 && d.deputyId !== DEMO_LOW_ATTENDANCE_DEPUTY)).toBe(true);
  });

  test('陈建国’s latest visit of 12 voters waits for demo-staff; one of 李志强’s was not confirmed', async () => {
    const pending = await call('activities', 'demo-staff', { action: 'list', pending: true });
    expect(pending.items).toHaveLength(1);
    expect(pending.items[0]).toMatchObject({ kind: 'voter_visit', status: 'pending', votersVisited: 12 });
    const li = await call('activities', 'demo-admin', { action: 'list', deputyId: 'd03', kind: 'voter_visit' });
    expect(li.items.map((a: { status: string }) => a.status).sort()).toEqual(['confirmed', 'rejected']);
  });

  test('a correction, 建议 the activities led to, and a 回头看 that follows its inspection', async () => {
    const all: Array<{ id: string; title: string }> = [];
    for (let cursor: string | undefined, first = true; first || cursor; first = false) {
      const page = await call('activities', 'demo-admin', { action: 'list', ...(cursor ? { cursor } : {}) });
      all.push(...page.items);
      cursor = page.cursor;
    }
    const get = (title: string) =>
      call('activities', 'demo-admin', { action: 'get', activityId: all.find((a) => a.title === title)!.id });
    const safety = await get('安全生产执法检查');
    expect(safety.corrections).toHaveLength(1);
    expect(safety.corrections[0]).toMatchObject({ fromLabel: '缺席', toLabel: '请假' });
    const river = await get('剿灭劣V类水专项督查');
    expect(river.suggestions.map((s: { title: string }) => s.title)).toEqual([
      '关于城关中心河剿劣清淤和生态修复的建议',
    ]);
    const again = await get('剿劣“回头看”专项督查');
    expect(again.followsActivity).toMatchObject({ id: river.id, title: '剿灭劣V类水专项督查' });
  });

  test('the committee’s annual report for the year reads like a real one: numbers, never a *', async () => {
    await call('reports', 'demo-admin', { action: 'annualReport', year: 2026 });
    const made = readdirSync(join(dir, 'files')).filter((f) => f.startsWith('annual-report-2026'));
    expect(made).toHaveLength(1);
    const docx = unzipSync(new Uint8Array(readFileSync(join(dir, 'files', made[0]!))));
    const text = strFromU8(docx['word/document.xml']!).replace(/<[^>]+>/g, '');
    const figures = await call('activities', 'demo-admin', { action: 'figures', from: '2026-01-01', to: '2026-11-26' });
    const n = (kind: string) => figures.byKind.find((k: { kind: string }) => k.kind === kind)?.count ?? 0;
    expect(text).toContain(
      `共开展执法检查${n('law_enforcement_inspection')}次，调研视察${n('research_inspection')}次，专题询问${n('special_inquiry')}次`,
    );
    expect(text).toContain(`代表联络座谈会${n('liaison_forum')}次，走访选民${figures.votersVisited}人次`);
    expect(text).toContain('出席率低于60%的代表1名：赵国庆。');
    expect(text).not.toContain('*');
  });

  test('a second start finds the store seeded and writes nothing', async () => {
    const before = (store.db.prepare('SELECT COUNT(*) AS n FROM opinions').get() as { n: number }).n;
    expect(await seedLivedInStreet({ ...runtime, clock: { now: () => NOW + 86_400_000 } })).toEqual({ seeded: false });
    expect((store.db.prepare('SELECT COUNT(*) AS n FROM opinions').get() as { n: number }).n).toBe(before);
  });
});
