import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '../../server/adapters/sqlite/sqlite-store';
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

  test('about three months of opinions, carried through the real functions', async () => {
    expect(seeded.seeded).toBe(true);
    if (!seeded.seeded) return;
    expect(seeded.activity!.submitted).toBeGreaterThan(300);
    expect(seeded.activity!.replied).toBeGreaterThan(seeded.activity!.submitted / 2);
    expect(seeded.activity!.refused).toEqual({});
    expect(await store.getMarker(DEMO_ACTIVITY_MARKER)).toBe('2026-08-27T02:00:00.000Z/2026-11-26T02:00:00.000Z');
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

  test('a second start finds the store seeded and writes nothing', async () => {
    const before = (store.db.prepare('SELECT COUNT(*) AS n FROM opinions').get() as { n: number }).n;
    expect(await seedLivedInStreet({ ...runtime, clock: { now: () => NOW + 86_400_000 } })).toEqual({ seeded: false });
    expect((store.db.prepare('SELECT COUNT(*) AS n FROM opinions').get() as { n: number }).n).toBe(before);
  });
});
