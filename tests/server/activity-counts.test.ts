import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  activityDocument,
  createCloudbaseActivityStore,
} from '../../server/adapters/cloudbase/cloudbase-activity-store';
import { openDatabase } from '../../server/adapters/sqlite/database';
import { ACTIVITY_COUNTS_SQL } from '../../server/adapters/sqlite/sqlite-activity-figures';
import { createSqliteStore } from '../../server/adapters/sqlite/sqlite-store';
import { DEPUTY_SUGGESTIONS_SQL } from '../../server/adapters/sqlite/sqlite-suggestion-figures';
import type { ActivityStore } from '../../server/ports/activity-store';
import {
  ACTIVITY_KINDS,
  type Activity,
  type ActivityKind,
  activityCounts,
  type Attendance,
  type Attendee,
  GROUP_KINDS,
} from '../../src/domain/activity';
import { addDays } from '../../src/domain/dates';
import { createMemoryDatabase, sdkDatabaseOver } from '../support/memory-cloudbase';
import { seededRandom } from '../support/seeded-random';
import { ACT_T0, anActivity, aVisit, confirmed, ofGroup, rejected } from '../support/activity-builders';

// Both stores count the same 3,000 activities of a year — 60 deputies, 12 groups, committee and
// group activities with every mark, deputies' own visits pending, confirmed or rejected — and
// must agree with a recount here, from each activity. The attendance groups (deputy × kind ×
// mark) are more than the 1,000 results one CloudBase aggregation returns. The CloudBase
// pipeline is the real SDK's, run in memory.

const [FROM, TO] = ['2025-02-01', '2025-11-30'];
const DEPUTIES = Array.from({ length: 60 }, (_v, i) => `dep-${String(i).padStart(2, '0')}`);
const GROUPS = Array.from({ length: 12 }, (_v, i) => `grp-${String(i).padStart(2, '0')}`);
const MARKS: readonly Attendance[] = ['invited', 'present', 'leave', 'absent'];

function activities(n: number): Activity[] {
  const rnd = seededRandom(20250201);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const attendees = (count: number): Attendee[] => {
    const chosen = new Set<string>();
    while (chosen.size < count) chosen.add(pick(DEPUTIES));
    return [...chosen].map((deputyId) => {
      const attendance = pick(MARKS);
      return attendance === 'leave' ? { deputyId, attendance, leaveReason: '外出' } : { deputyId, attendance };
    });
  };
  return Array.from({ length: n }, (_v, i): Activity => {
    const id = `act-${String(i).padStart(5, '0')}`;
    const date = addDays('2025-01-01', Math.floor(rnd() * 365));
    const scope = rnd();
    if (scope < 0.4) {
      return anActivity({ id, date, kind: pick(ACTIVITY_KINDS), attendees: attendees(2 + Math.floor(rnd() * 18)) });
    }
    if (scope < 0.7) {
      const kind = pick(GROUP_KINDS);
      const visit = kind === 'voter_visit' ? { votersVisited: 5 + Math.floor(rnd() * 60) } : {};
      return anActivity(
        { id, date, kind, attendees: attendees(2 + Math.floor(rnd() * 6)), ...visit },
        ofGroup(pick(GROUPS)),
      );
    }
    const review = rnd();
    const steps = review < 0.5 ? [confirmed('staff', ACT_T0)] : review < 0.75 ? [rejected('staff', ACT_T0)] : [];
    return aVisit(pick(DEPUTIES), 'station-1', 1 + Math.floor(rnd() * 40), { id, date }, ...steps);
  });
}

const ALL = activities(3000);
const counted = ALL.filter((a) => activityCounts(a) && a.date >= FROM && a.date <= TO);
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Every count, from each activity, one by one. */
function recount() {
  const kinds = new Map<string, number>();
  const kindsOfGroup = new Map<string, number>();
  const groups = new Map<string, { groupId: string; activities: number; votersVisited: number }>();
  const attendance = new Map<string, { deputyId: string; kind: ActivityKind; attendance: Attendance; count: number }>();
  const voters = new Map<string, number>();
  let total = 0;
  const add = <K>(map: Map<K, number>, key: K, n: number) => map.set(key, (map.get(key) ?? 0) + n);
  for (const a of counted) {
    add(kinds, a.kind, 1);
    if (a.groupId === GROUPS[3]) add(kindsOfGroup, a.kind, 1);
    if (a.groupId) {
      const g = groups.get(a.groupId) ?? { groupId: a.groupId, activities: 0, votersVisited: 0 };
      groups.set(a.groupId, {
        ...g,
        activities: g.activities + 1,
        votersVisited: g.votersVisited + (a.votersVisited ?? 0),
      });
    }
    total += a.votersVisited ?? 0;
    for (const x of a.attendees) {
      const key = `${x.deputyId}/${a.kind}/${x.attendance}`;
      const row = attendance.get(key) ?? { deputyId: x.deputyId, kind: a.kind, attendance: x.attendance, count: 0 };
      attendance.set(key, { ...row, count: row.count + 1 });
      if (x.attendance === 'present' && a.votersVisited !== undefined) add(voters, x.deputyId, a.votersVisited);
    }
  }
  const kindRows = (m: Map<string, number>) =>
    [...m].map(([kind, count]) => ({ kind: kind as ActivityKind, count })).sort((a, b) => byText(a.kind, b.kind));
  return {
    kinds: kindRows(kinds),
    kindsOfGroup: kindRows(kindsOfGroup),
    groups: [...groups.values()].sort((a, b) => byText(a.groupId, b.groupId)),
    attendance: [...attendance.values()].sort(
      (a, b) => byText(a.deputyId, b.deputyId) || byText(a.kind, b.kind) || byText(a.attendance, b.attendance),
    ),
    voters: {
      total,
      byDeputy: [...voters]
        .map(([deputyId, n]) => ({ deputyId, voters: n }))
        .sort((a, b) => byText(a.deputyId, b.deputyId)),
    },
  };
}

const expected = recount();
const SOME = DEPUTIES.slice(10, 25);

type Counting = () => Promise<{ store: ActivityStore; dispose: () => Promise<void> }>;

const describeCounts = (name: string, open: Counting) =>
  describe(`${name} counts the activities of a period as a recount does`, () => {
    let opened: Awaited<ReturnType<Counting>>;
    beforeAll(async () => {
      opened = await open();
    });
    afterAll(() => opened.dispose());

    test('more than 1,000 attendance groups, and visits left out as pending or rejected: the recount has them', () => {
      expect(expected.attendance.length).toBeGreaterThan(1000);
      const visits = ALL.filter((a) => a.scope === 'deputy' && a.date >= FROM && a.date <= TO);
      expect(visits.some((a) => a.status === 'pending')).toBe(true);
      expect(visits.some((a) => a.status === 'rejected')).toBe(true);
      expect(ALL.some((a) => a.date === FROM) && ALL.some((a) => a.date === TO)).toBe(true);
    });
    test('by kind', async () => {
      expect(await opened.store.countActivitiesByKind(FROM, TO)).toEqual(expected.kinds);
    });
    test('by kind, of one group', async () => {
      expect(await opened.store.countActivitiesByKind(FROM, TO, GROUPS[3])).toEqual(expected.kindsOfGroup);
    });
    test('by group', async () => {
      expect(await opened.store.countActivitiesByGroup(FROM, TO)).toEqual(expected.groups);
    });
    test('attendance of every deputy', async () => {
      expect(await opened.store.countAttendance(FROM, TO)).toEqual(expected.attendance);
    });
    test('attendance of some deputies', async () => {
      expect(await opened.store.countAttendance(FROM, TO, SOME)).toEqual(
        expected.attendance.filter((r) => SOME.includes(r.deputyId)),
      );
    });
    test('voters visited', async () => {
      expect(await opened.store.countVotersVisited(FROM, TO)).toEqual(expected.voters);
    });
  });

describeCounts('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lianluo-activity-counts-'));
  const store = createSqliteStore(join(dir, 'store.sqlite'));
  const audit = { at: ACT_T0, actor: 'system', action: 'test', targetType: 'activity', targetId: '' };
  for (const a of ALL) await store.createActivity(a, audit);
  return {
    store,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describeCounts('CloudBase (the SDK’s real pipeline, run in memory)', async () => {
  const memory = createMemoryDatabase();
  memory.load(
    'activities',
    ALL.map((a) => ({ _id: a.id, ...activityDocument(a) })),
  );
  const calls: string[] = [];
  const db = sdkDatabaseOver(memory, calls);
  return {
    store: createCloudbaseActivityStore(db),
    dispose: async () => {
      // aggregate calls only: no document list was ever asked for
      expect(new Set(calls)).toEqual(new Set(['database.aggregateDocuments']));
    },
  };
});

describe('the SQLite schema of 履职', () => {
  const { BY_KIND, BY_KIND_OF_GROUP, BY_GROUP, ATTENDANCE, attendanceOf, VOTERS_TOTAL, VOTERS_BY_DEPUTY } =
    ACTIVITY_COUNTS_SQL;
  const PERIOD = [FROM, TO];
  const PERIOD_MS = [Date.UTC(2025, 0, 1), Date.UTC(2026, 0, 1)];
  const list = (where: string) => `SELECT doc FROM activities ${where} ORDER BY date DESC, id DESC LIMIT ?`;
  test.each`
    name                                      | sql                                                                                     | params                     | index
    ${'listGroups'}                           | ${'SELECT doc FROM deputy_groups ORDER BY sort_order, id'}                              | ${[]}                      | ${'deputy_groups_sort'}
    ${'listActivities (a period)'}            | ${list('WHERE date >= ? AND date <= ?')}                                                | ${[...PERIOD, 20]}         | ${'activities_date'}
    ${'listActivities (kind)'}                | ${list('WHERE kind = ?')}                                                               | ${['training', 20]}        | ${'activities_kind_date'}
    ${'listActivities (group)'}               | ${list('WHERE group_id = ?')}                                                           | ${['g', 20]}               | ${'activities_group_date'}
    ${'listActivities (station, statuses)'}   | ${list('WHERE station_id = ? AND status IN (?)')}                                       | ${['s', 'pending', 20]}    | ${'activities_station_status_date'}
    ${'listActivities (deputy)'}              | ${list('WHERE id IN (SELECT activity_id FROM activity_attendees WHERE deputy_id = ?)')} | ${['d', 20]}               | ${'activity_attendees_deputy'}
    ${'countActivitiesByKind'}                | ${BY_KIND}                                                                              | ${PERIOD}                  | ${'COVERING INDEX activities_counting'}
    ${'countActivitiesByKind (group)'}        | ${BY_KIND_OF_GROUP}                                                                     | ${[...PERIOD, 'g']}        | ${'COVERING INDEX activities_group_counting'}
    ${'countActivitiesByGroup'}               | ${BY_GROUP}                                                                             | ${PERIOD}                  | ${'COVERING INDEX activities_counting'}
    ${'countAttendance'}                      | ${ATTENDANCE}                                                                           | ${PERIOD}                  | ${'COVERING INDEX activity_attendees_counting'}
    ${'countAttendance (deputies)'}           | ${attendanceOf(2)}                                                                      | ${[...PERIOD, 'd1', 'd2']} | ${'COVERING INDEX activity_attendees_deputy'}
    ${'countVotersVisited (total)'}           | ${VOTERS_TOTAL}                                                                         | ${PERIOD}                  | ${'COVERING INDEX activities_counting'}
    ${'countVotersVisited (by deputy)'}       | ${VOTERS_BY_DEPUTY}                                                                     | ${PERIOD}                  | ${'COVERING INDEX activity_attendees_counting'}
    ${'countSuggestionsOfDeputy (led)'}       | ${DEPUTY_SUGGESTIONS_SQL.LED}                                                           | ${['d', ...PERIOD_MS]}     | ${'COVERING INDEX suggestions_lead_submitted'}
    ${'countSuggestionsOfDeputy (co-signed)'} | ${DEPUTY_SUGGESTIONS_SQL.CO_SIGNED}                                                     | ${['d', ...PERIOD_MS]}     | ${'suggestion_deputies_deputy'}
  `('$name reads $index', ({ sql, params, index }: { sql: string; params: unknown[]; index: string }) => {
    const dir = mkdtempSync(join(tmpdir(), 'lianluo-activity-plan-'));
    const db = openDatabase(join(dir, 'plan.sqlite'));
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>)
      .map((r) => r.detail)
      .join(' | ');
    expect(plan).toContain(index);
    expect(plan).not.toMatch(
      /SCAN (deputy_groups|activities|activity_attendees|suggestions|suggestion_\w+|d|s)\b(?! USING)/,
    );
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
