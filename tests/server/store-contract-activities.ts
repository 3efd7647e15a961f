import type { ActivityQuery } from '../../server/ports/activity-store';
import type { AuditEntry } from '../../server/ports/store-types';
import type { Activity, ActivityKind } from '../../src/domain/activity';
import type { LocalDate } from '../../src/domain/dates';
import {
  ACT_T0,
  aGroup,
  anActivity,
  aVisit,
  changedActivity,
  confirmed,
  corrected,
  invited,
  marked,
  ofGroup,
  rejected,
  withOutcome,
} from '../support/activity-builders';
import { aSuggestion, assigned, coSignedBy, declined, submitted } from '../support/suggestion-builders';
import type { ContractContext } from './store-contract';

/**
 * 人大小组 and 履职活动: groups in their order, an activity written whole under its version with
 * its audit line, the lists (by period, kind, group, deputy, a station's visits to confirm) and
 * the counts the figures and the 履职档案 are made of — only activities that count (recorded,
 * or a visit staff confirmed), dates of the period inclusive — and a deputy's 建议 counted.
 * Each part keeps to a year no other part of the contract writes in, so counts of a shared
 * database are read as what this run added.
 */
export function activitiesContract({ store, id }: ContractContext) {
  const auditOf = (activityId: string, action = 'activity.test', at = ACT_T0): AuditEntry => ({
    at,
    actor: id('admin'),
    action,
    targetType: 'activity',
    targetId: activityId,
  });
  const create = async (...activities: Activity[]) => {
    for (const a of activities) await store.createActivity(a, auditOf(a.id));
  };
  const ids = async (query: Omit<ActivityQuery, 'limit'>, limit = 50) =>
    (await store.listActivities({ ...query, limit })).items.map((a) => a.id).filter((x) => x.startsWith(id('')));

  describe('人大小组', () => {
    test('groups are listed by their order, then id; a put replaces a group and is audited', async () => {
      const [d1, d2, d3] = [id('g-d1'), id('g-d2'), id('g-d3')];
      const audit = (groupId: string): AuditEntry => ({ ...auditOf(groupId, 'group.set'), targetType: 'group' });
      const west = aGroup(id('grp-b'), [d1, d2], { name: '第二人大小组', sortOrder: 2 });
      const east = aGroup(id('grp-c'), [d3], { name: '第三人大小组', area: '城东片区', sortOrder: 1 });
      const leaderless = aGroup(id('grp-a'), [], { name: '第一人大小组', sortOrder: 1 });
      for (const g of [west, east, leaderless]) await store.putGroup(g, audit(g.id));
      const renamed = { ...west, area: '城西片区（含新区）', memberDeputyIds: [d2, d1, d3], leaderDeputyId: d2 };
      await store.putGroup(renamed, audit(west.id));

      const ours = (await store.listGroups()).filter((g) => g.id.startsWith(id('grp-')));
      expect(ours).toStrictEqual([leaderless, east, renamed]);
      expect((await store.listAudit('group', west.id)).map((a) => a.action)).toEqual(['group.set', 'group.set']);
    });
  });

  describe('an activity and its changes', () => {
    const [dA, dB, dC] = [id('rt-dA'), id('rt-dB'), id('rt-dC')];
    const full = anActivity(
      { id: id('act-rt'), subject: '县交通运输局', followsActivityId: id('act-earlier') },
      ofGroup(id('grp-b')),
      invited(dA, dB, dC),
      marked(dA, 'present'),
      marked(dB, 'leave', '外出参加培训'),
      marked(dC, 'absent'),
      corrected(dC, 'present', '签到表漏记', ACT_T0 + 3_600_000),
      withOutcome('群众反映路口信号灯配时不合理。', { suggestionIds: [id('sg-x')], opinionIds: [id('op-x')] }),
    );
    const visit = aVisit(id('rt-dV'), id('a'), 23, { id: id('act-visit') }, confirmed(id('staff'), ACT_T0 + 1));

    test('an activity is read back as it was written, in every part', async () => {
      await create(full, visit, anActivity({ id: id('act-bare') }));
      expect(await store.getActivity(full.id)).toStrictEqual(full);
      expect(await store.getActivity(visit.id)).toStrictEqual(visit);
      expect(await store.getActivity(id('act-bare'))).toStrictEqual(anActivity({ id: id('act-bare') }));
      expect(await store.getActivity(id('act-none'))).toBeNull();
      expect((await store.listAudit('activity', full.id)).map((a) => a.action)).toEqual(['activity.test']);
    });

    test('an update writes the activity whole, with its audit line; whom it invites is rewritten with it', async () => {
      const dD = id('rt-dD');
      const before = (await store.getActivity(full.id)) as Activity;
      // dB is no longer invited; dD is
      const next = changedActivity(before, {
        attendees: [...before.attendees.filter((x) => x.deputyId !== dB), { deputyId: dD, attendance: 'invited' }],
        updatedAt: ACT_T0 + 7_200_000,
      });
      const at = ACT_T0 + 7_200_000;
      expect(await store.updateActivity(next, before.version, auditOf(next.id, 'activity.invite', at))).toBe(true);

      expect(await store.getActivity(full.id)).toStrictEqual(next);
      expect((await store.listAudit('activity', full.id)).map((a) => a.action)).toEqual([
        'activity.test',
        'activity.invite',
      ]);
      expect(await ids({ deputyId: dD })).toEqual([full.id]);
      expect(await ids({ deputyId: dB })).toEqual([]);
    });

    test('an update from a stale version is refused and writes nothing: no activity, attendee or audit line', async () => {
      const current = (await store.getActivity(full.id)) as Activity;
      const dE = id('rt-dE');
      const stale = changedActivity(
        { ...current, version: current.version - 1 },
        { title: '过时的修改', attendees: [{ deputyId: dE, attendance: 'present' }] },
      );
      expect(await store.updateActivity(stale, current.version - 1, auditOf(full.id, 'activity.stale'))).toBe(false);

      expect(await store.getActivity(full.id)).toStrictEqual(current);
      expect(await ids({ deputyId: dE })).toEqual([]);
      expect((await store.listAudit('activity', full.id)).map((a) => a.action)).not.toContain('activity.stale');
    });

    test('an update of an activity never created is refused', async () => {
      const ghost = changedActivity(anActivity({ id: id('act-ghost') }));
      expect(await store.updateActivity(ghost, 1, auditOf(ghost.id))).toBe(false);
      expect(await store.getActivity(ghost.id)).toBeNull();
    });

    test('two updates from the same version: exactly one is written', async () => {
      const current = (await store.getActivity(full.id)) as Activity;
      const a = changedActivity(current, { title: '甲的修改' });
      const b = changedActivity(current, { title: '乙的修改' });
      const results = await Promise.all([
        store.updateActivity(a, current.version, auditOf(current.id)),
        store.updateActivity(b, current.version, auditOf(current.id)),
      ]);
      expect([...results].sort()).toEqual([false, true]);
      expect(await store.getActivity(current.id)).toStrictEqual(results[0] ? a : b);
    });

    test('creating an activity whose id is taken fails', async () => {
      // (an error of the SQLite driver may come from another test file's realm: not `instanceof Error` here)
      await expect(store.createActivity(anActivity({ id: id('act-bare') }), auditOf('x'))).rejects.toHaveProperty(
        'message',
      );
    });
  });

  describe('the lists of activities', () => {
    // In 2021: no other activity of the contract is in that year.
    const [dA, dB] = [id('ls-dA'), id('ls-dB')];
    const [gX, sS, sT] = [id('ls-gX'), id('ls-sS'), id('ls-sT')];
    const l = (n: number, date: LocalDate, kind: ActivityKind, ...steps: Parameters<typeof anActivity>[1][]) =>
      anActivity({ id: id(`ls-${n}`), date, kind }, ...steps);
    const l1 = l(1, '2021-04-01', 'law_enforcement_inspection', invited(dA, dB));
    const l2 = l(2, '2021-04-15', 'liaison_forum', ofGroup(gX), invited(dA));
    // the same day as l2: the id decides
    const l3 = aVisit(dB, sS, 15, { id: id('ls-3'), date: '2021-04-15' });
    const l4 = aVisit(dA, sS, 9, { id: id('ls-4'), date: '2021-05-01' }, confirmed(id('staff'), ACT_T0));
    const l5 = aVisit(dB, sT, 30, { id: id('ls-5'), date: '2021-05-02' });
    const l6 = l(6, '2021-06-30', 'training', invited(dB));
    const l7 = l(7, '2021-07-01', 'research_inspection', ofGroup(gX));
    const l8 = aVisit(dA, sS, 4, { id: id('ls-8'), date: '2021-05-20' }, rejected(id('staff'), ACT_T0));

    beforeAll(async () => {
      await create(l1, l2, l3, l4, l5, l6, l7, l8);
    });

    test('a period holds the activities of its days, both ends included, latest date first, then id', async () => {
      expect(await ids({ fromDate: '2021-04-15', toDate: '2021-06-30' })).toEqual([
        l6.id,
        l8.id,
        l5.id,
        l4.id,
        l3.id,
        l2.id,
      ]);
      expect(await ids({ fromDate: '2021-07-01' })).toEqual(expect.arrayContaining([l7.id]));
      expect(await ids({ toDate: '2021-04-01', fromDate: '2021-01-01' })).toEqual([l1.id]);
    });

    test('a kind, a group, a deputy invited (or visiting) narrow the list; they combine', async () => {
      const in2021 = { fromDate: '2021-01-01', toDate: '2021-12-31' };
      expect(await ids({ ...in2021, kind: 'voter_visit' })).toEqual([l8.id, l5.id, l4.id, l3.id]);
      expect(await ids({ groupId: gX })).toEqual([l7.id, l2.id]);
      expect(await ids({ deputyId: dA })).toEqual([l8.id, l4.id, l2.id, l1.id]);
      expect(await ids({ deputyId: dB })).toEqual([l6.id, l5.id, l3.id, l1.id]);
      expect(await ids({ deputyId: dB, kind: 'voter_visit' })).toEqual([l5.id, l3.id]);
      expect(await ids({ deputyId: dA, fromDate: '2021-04-02', toDate: '2021-05-01' })).toEqual([l4.id, l2.id]);
      expect(await ids({ deputyId: id('ls-nobody') })).toEqual([]);
    });

    test('a station’s visits in the statuses asked: the ones its staff have to confirm', async () => {
      expect(await ids({ stationId: sS, statuses: ['pending'] })).toEqual([l3.id]);
      expect(await ids({ stationId: sS })).toEqual([l8.id, l4.id, l3.id]);
      expect(await ids({ stationId: sS, statuses: ['confirmed', 'rejected'] })).toEqual([l8.id, l4.id]);
      expect(await ids({ stationId: sT, statuses: ['pending'] })).toEqual([l5.id]);
      expect(await ids({ stationId: sS, statuses: [] })).toEqual([]);
    });

    test('pages follow each other by their cursor, with no activity twice and none left out', async () => {
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await store.listActivities({ deputyId: dB, limit: 1, ...(cursor ? { cursor } : {}) });
        seen.push(...page.items.map((a) => a.id));
        cursor = page.cursor;
        pages += 1;
      } while (cursor && pages < 10);
      expect(seen).toEqual([l6.id, l5.id, l3.id, l1.id]);

      const everything: string[] = [];
      cursor = undefined;
      do {
        const page = await store.listActivities({
          fromDate: '2021-01-01',
          toDate: '2021-12-31',
          limit: 3,
          ...(cursor ? { cursor } : {}),
        });
        expect(page.items.length).toBeLessThanOrEqual(3);
        everything.push(...page.items.map((a) => a.id));
        cursor = page.cursor;
      } while (cursor);
      expect(new Set(everything).size).toBe(everything.length);
      expect(everything.filter((x) => x.startsWith(id('ls-')))).toEqual(
        [l7, l6, l8, l5, l4, l3, l2, l1].map((a) => a.id),
      );
    });
  });

  describe('the counts, by the database, of the activities that count in a period', () => {
    // The first quarter of 2022, both ends included. No other activity of the contract is in 2022.
    const [FROM, TO] = ['2022-01-01', '2022-03-31'];
    const [d1, d2, d3] = [id('cnt-d1'), id('cnt-d2'), id('cnt-d3')];
    const [gA, gB] = [id('cnt-gA'), id('cnt-gB')];
    const station = id('a');
    const c = (n: number, date: LocalDate, kind: ActivityKind, ...steps: Parameters<typeof anActivity>[1][]) =>
      anActivity({ id: id(`cnt-c${n}`), date, kind }, ...steps);
    const v = (
      n: number,
      deputyId: string,
      voters: number,
      date: LocalDate,
      ...steps: Parameters<typeof aVisit>[4][]
    ) => aVisit(deputyId, station, voters, { id: id(`cnt-v${n}`), date }, ...steps);
    const staff = id('cnt-staff');
    const activities = [
      // the first day of the period
      c(
        1,
        FROM,
        'law_enforcement_inspection',
        invited(d1, d2, d3),
        marked(d1, 'present'),
        marked(d2, 'leave', '住院'),
        marked(d3, 'absent'),
      ),
      // the last day; d2 never marked (待登记)
      c(2, TO, 'training', invited(d1, d2), marked(d1, 'present')),
      // the day before and the day after: outside
      c(3, '2021-12-31', 'training', invited(d1), marked(d1, 'present')),
      c(4, '2022-04-01', 'training', invited(d1), marked(d1, 'present')),
      c(5, '2022-02-10', 'liaison_forum', ofGroup(gA), invited(d1, d2), marked(d1, 'present'), marked(d2, 'present')),
      // a group's visit: 30 voters, d1 there, d3 absent
      c(6, '2022-02-11', 'voter_visit', ofGroup(gA), invited(d1, d3), marked(d1, 'present'), marked(d3, 'absent')),
      c(7, '2022-02-12', 'liaison_forum', ofGroup(gB), invited(d3), marked(d3, 'present')),
      // deputies' own visits: confirmed ones count, pending and rejected ones do not
      v(1, d1, 12, '2022-02-01', confirmed(staff, ACT_T0)),
      v(2, d2, 20, '2022-02-02'),
      v(3, d3, 40, '2022-02-03', rejected(staff, ACT_T0)),
      v(4, d2, 8, TO, confirmed(staff, ACT_T0)),
      v(5, d3, 50, '2022-04-01', confirmed(staff, ACT_T0)),
    ].map((a) => (a.id === id('cnt-c6') ? { ...a, votersVisited: 30 } : a));
    const ours = <T extends { deputyId: string }>(rows: T[]) => rows.filter((r) => r.deputyId.startsWith(id('cnt-')));
    let kindsBefore: Array<{ kind: ActivityKind; count: number }> = [];
    let votersBefore = 0;

    const added = (after: Array<{ kind: ActivityKind; count: number }>) =>
      after
        .map((r) => ({ kind: r.kind, count: r.count - (kindsBefore.find((b) => b.kind === r.kind)?.count ?? 0) }))
        .filter((r) => r.count !== 0);

    beforeAll(async () => {
      kindsBefore = await store.countActivitiesByKind(FROM, TO);
      votersBefore = (await store.countVotersVisited(FROM, TO)).total;
      await create(...activities);
    });

    test('by kind: the period’s activities that count, each once', async () => {
      expect(added(await store.countActivitiesByKind(FROM, TO))).toEqual([
        { kind: 'law_enforcement_inspection', count: 1 },
        { kind: 'liaison_forum', count: 2 },
        { kind: 'training', count: 1 },
        { kind: 'voter_visit', count: 3 },
      ]);
    });

    test('by kind, of one group', async () => {
      expect(await store.countActivitiesByKind(FROM, TO, gA)).toEqual([
        { kind: 'liaison_forum', count: 1 },
        { kind: 'voter_visit', count: 1 },
      ]);
      expect(await store.countActivitiesByKind(FROM, TO, gB)).toEqual([{ kind: 'liaison_forum', count: 1 }]);
      expect(await store.countActivitiesByKind(FROM, TO, id('cnt-gNone'))).toEqual([]);
    });

    test('by group: its activities and the voters its visits met; activities of no group left out', async () => {
      const groups = (await store.countActivitiesByGroup(FROM, TO)).filter((r) => r.groupId.startsWith(id('cnt-')));
      expect(groups).toEqual([
        { groupId: gA, activities: 2, votersVisited: 30 },
        { groupId: gB, activities: 1, votersVisited: 0 },
      ]);
    });

    const attendanceOfAll = [
      { deputyId: d1, kind: 'law_enforcement_inspection', attendance: 'present', count: 1 },
      { deputyId: d1, kind: 'liaison_forum', attendance: 'present', count: 1 },
      { deputyId: d1, kind: 'training', attendance: 'present', count: 1 },
      { deputyId: d1, kind: 'voter_visit', attendance: 'present', count: 2 },
      { deputyId: d2, kind: 'law_enforcement_inspection', attendance: 'leave', count: 1 },
      { deputyId: d2, kind: 'liaison_forum', attendance: 'present', count: 1 },
      { deputyId: d2, kind: 'training', attendance: 'invited', count: 1 },
      { deputyId: d2, kind: 'voter_visit', attendance: 'present', count: 1 },
      { deputyId: d3, kind: 'law_enforcement_inspection', attendance: 'absent', count: 1 },
      { deputyId: d3, kind: 'liaison_forum', attendance: 'present', count: 1 },
      { deputyId: d3, kind: 'voter_visit', attendance: 'absent', count: 1 },
    ];

    test('attendance: per deputy, kind and mark, the activities that count they were invited to', async () => {
      expect(await store.countAttendance(FROM, TO, [d1, d2, d3])).toEqual(attendanceOfAll);
      expect(ours(await store.countAttendance(FROM, TO))).toEqual(attendanceOfAll);
      expect(await store.countAttendance(FROM, TO, [d2])).toEqual(attendanceOfAll.filter((r) => r.deputyId === d2));
      expect(await store.countAttendance(FROM, TO, [])).toEqual([]);
    });

    test('voters visited: in all, and per deputy present at the visit (not absent, not pending or rejected)', async () => {
      const counted = await store.countVotersVisited(FROM, TO);
      expect(counted.total - votersBefore).toBe(30 + 12 + 8);
      expect(ours(counted.byDeputy)).toEqual([
        { deputyId: d1, voters: 30 + 12 },
        { deputyId: d2, voters: 8 },
      ]);
    });

    test('a visit confirmed later counts from then on, and a corrected mark is counted as it now stands', async () => {
      const pending = (await store.getActivity(id('cnt-v2'))) as Activity;
      const confirmedNow = changedActivity(confirmed(staff, ACT_T0 + 1)(pending));
      expect(await store.updateActivity(confirmedNow, pending.version, auditOf(pending.id, 'activity.review'))).toBe(
        true,
      );
      const visit = (await store.getActivity(id('cnt-c6'))) as Activity;
      const present = changedActivity(corrected(d3, 'present', '补签到', ACT_T0 + 2)(visit));
      expect(await store.updateActivity(present, visit.version, auditOf(visit.id, 'activity.attendance'))).toBe(true);

      const counted = await store.countVotersVisited(FROM, TO);
      expect(counted.total - votersBefore).toBe(30 + 12 + 8 + 20);
      expect(ours(counted.byDeputy)).toEqual([
        { deputyId: d1, voters: 42 },
        { deputyId: d2, voters: 28 },
        { deputyId: d3, voters: 30 },
      ]);
      expect(await store.countAttendance(FROM, TO, [d2, d3])).toEqual([
        { deputyId: d2, kind: 'law_enforcement_inspection', attendance: 'leave', count: 1 },
        { deputyId: d2, kind: 'liaison_forum', attendance: 'present', count: 1 },
        { deputyId: d2, kind: 'training', attendance: 'invited', count: 1 },
        { deputyId: d2, kind: 'voter_visit', attendance: 'present', count: 2 },
        { deputyId: d3, kind: 'law_enforcement_inspection', attendance: 'absent', count: 1 },
        { deputyId: d3, kind: 'liaison_forum', attendance: 'present', count: 1 },
        { deputyId: d3, kind: 'voter_visit', attendance: 'present', count: 1 },
      ]);
    });

    test('an empty period counts nothing', async () => {
      const [from, to] = ['1999-01-01', '1999-12-31'];
      expect(await store.countActivitiesByKind(from, to)).toEqual([]);
      expect(await store.countActivitiesByGroup(from, to)).toEqual([]);
      expect(await store.countAttendance(from, to)).toEqual([]);
      expect(await store.countVotersVisited(from, to)).toEqual({ total: 0, byDeputy: [] });
    });
  });

  describe('a deputy’s 建议, counted by the database', () => {
    // 2023 in Shanghai: [P0, P1). No other 建议 of the contract is in 2023.
    const P0 = Date.UTC(2022, 11, 31, 16, 0);
    const P1 = Date.UTC(2023, 11, 31, 16, 0);
    const inside = P0 + 100 * 86_400_000;
    const [lead, co, other] = [id('sd-lead'), id('sd-co'), id('sd-other')];
    const s = (n: number, leadDeputyId: string, ...steps: Parameters<typeof aSuggestion>[1][]) =>
      aSuggestion({ id: id(`sd-${n}`), leadDeputyId, createdAt: P0 - 86_400_000 }, ...steps);

    beforeAll(async () => {
      const suggestions = [
        s(1, lead, submitted(inside)),
        s(2, lead, coSignedBy(co), submitted(inside), assigned(id('sd-unit'), inside + 1)),
        s(3, co, coSignedBy(lead), submitted(inside), declined(inside + 1)),
        // submitted the moment the period ends: outside
        s(4, lead, submitted(P1)),
        // a draft: never submitted
        s(5, lead),
        // submitted at the very start, led by another
        s(6, other, coSignedBy(lead, co), submitted(P0)),
        // the moment before the period
        s(7, other, coSignedBy(lead), submitted(P0 - 1)),
      ];
      for (const x of suggestions) {
        await store.createSuggestion(x, { audit: auditOf(x.id), opinionEvents: [], outbox: [] });
      }
    });

    test('those they led and those they co-signed, each by status, submitted in the period', async () => {
      expect(await store.countSuggestionsOfDeputy(lead, P0, P1)).toEqual({
        led: { submitted: 1, assigned: 1 },
        coSigned: { declined: 1, submitted: 1 },
      });
      expect(await store.countSuggestionsOfDeputy(co, P0, P1)).toEqual({
        led: { declined: 1 },
        coSigned: { assigned: 1, submitted: 1 },
      });
      expect(await store.countSuggestionsOfDeputy(other, P0, P1)).toEqual({ led: { submitted: 1 }, coSigned: {} });
      expect(await store.countSuggestionsOfDeputy(id('sd-nobody'), P0, P1)).toEqual({ led: {}, coSigned: {} });
    });
  });
}
