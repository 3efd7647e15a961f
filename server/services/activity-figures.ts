import type { ActionInput } from '../../src/domain/actions/action-spec';
import type { activitiesActions } from '../../src/domain/actions/activities';
import {
  ACTIVITY_KINDS,
  ACTIVITY_KIND_LABELS,
  DEFAULT_MIN_ATTENDANCE,
  groupOf,
  MIN_ACTIVITIES_TO_JUDGE,
} from '../../src/domain/activity';
import type { ActivityFiguresView } from '../../src/domain/activity-views';
import { shanghaiDate, type LocalDate } from '../../src/domain/dates';
import { rate } from '../../src/domain/figures';
import type { Store } from '../ports/store';
import { requireRole } from './actor';
import { activityActor } from './activity-access';
import type { ServiceContext } from './context';
import { recordedSessions } from './held-sessions';

/**
 * The committee's activity counts from `from` to `to` (Shanghai days, inclusive): activities that
 * count by kind; 主题接待日 — sessions of any station with a theme, not cancelled, held by `today`
 * (the period's end when omitted); voters met; per group; per deputy in office (or with a mark in
 * the period) 出席 / 请假 / 缺席 with 出席率, and those below the expected attendance among the
 * deputies with at least MIN_ACTIVITIES_TO_JUDGE marked activities. Counted by the store.
 */
export async function activityFigures(
  store: Store,
  from: LocalDate,
  to: LocalDate,
  today: LocalDate = to,
): Promise<ActivityFiguresView> {
  const [byKind, byGroup, attendance, voters, groups, deputies, stations] = await Promise.all([
    store.countActivitiesByKind(from, to),
    store.countActivitiesByGroup(from, to),
    store.countAttendance(from, to),
    store.countVotersVisited(from, to),
    store.listGroups(),
    store.listDeputies(),
    store.listStations(),
  ]);
  const last = to < today ? to : today;
  const sessions =
    from <= last
      ? await recordedSessions(
          store,
          stations,
          stations.map((s) => s.id),
          { from, to: last },
        )
      : [];
  const marked = new Set(attendance.filter((r) => r.attendance !== 'invited').map((r) => r.deputyId));
  const rows = deputies
    .filter((d) => d.active || marked.has(d.id))
    .map((d) => {
      const count = (a: string) =>
        attendance.filter((r) => r.deputyId === d.id && r.attendance === a).reduce((n, r) => n + r.count, 0);
      const present = count('present');
      const leave = count('leave');
      const absent = count('absent');
      const groupName = groupOf(groups, d.id)?.name;
      return {
        deputyId: d.id,
        name: d.name,
        ...(groupName ? { groupName } : {}),
        present,
        leave,
        absent,
        attendanceRate: rate(present, present + leave + absent),
        votersVisited: voters.byDeputy.find((v) => v.deputyId === d.id)?.voters ?? 0,
      };
    });
  const minAttendance = DEFAULT_MIN_ATTENDANCE;
  return {
    from,
    to,
    byKind: ACTIVITY_KINDS.map((kind) => ({
      kind,
      label: ACTIVITY_KIND_LABELS[kind],
      count: byKind.find((r) => r.kind === kind)?.count ?? 0,
    })),
    themedReceptions: sessions.filter((s) => s.theme && !s.cancelled).length,
    votersVisited: voters.total,
    byGroup: groups.map((g) => {
      const row = byGroup.find((r) => r.groupId === g.id);
      return { groupId: g.id, name: g.name, activities: row?.activities ?? 0, votersVisited: row?.votersVisited ?? 0 };
    }),
    deputies: rows,
    minAttendance,
    below: rows
      .filter((r) => {
        const judged = r.present + r.leave + r.absent;
        return judged >= MIN_ACTIVITIES_TO_JUDGE && r.present / judged < minAttendance;
      })
      .map((r) => r.deputyId),
  };
}

/** activities.figures: the committee's activity counts, for the committee and station staff. */
export async function getActivityFigures(
  input: ActionInput<typeof activitiesActions, 'figures'>,
  ctx: ServiceContext,
): Promise<ActivityFiguresView> {
  const actor = await activityActor(ctx);
  requireRole(actor, ['staff', 'admin'], '履职统计只对联络站工作人员和人大工委开放');
  return activityFigures(ctx.store, input.from, input.to, shanghaiDate(ctx.clock.now()));
}
