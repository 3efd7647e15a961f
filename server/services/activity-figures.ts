import type { ActionInput } from '../../src/domain/actions/action-spec';
import type { activitiesActions } from '../../src/domain/actions/activities';
import {
  ACTIVITY_KINDS,
  ACTIVITY_KIND_LABELS,
  groupOf,
  MIN_ACTIVITIES_TO_JUDGE,
  minAttendanceOf,
} from '../../src/domain/activity';
import type { ActivityFiguresView } from '../../src/domain/activity-views';
import { shanghaiDate, type LocalDate } from '../../src/domain/dates';
import { rate } from '../../src/domain/figures';
import type { Store } from '../ports/store';
import { requireRole } from './actor';
import { activityActor, activityAudit } from './activity-access';
import type { ServiceContext } from './context';
import { recordedSessions } from './held-sessions';

/** The setting that holds the attendance the committee expects of a deputy. */
export const MIN_ATTENDANCE_SETTING = 'activities.minAttendance';

/**
 * The committee's activity counts from `from` to `to` (Shanghai days, inclusive): activities that
 * count by kind; 主题接待日 — sessions of any station with a theme, not cancelled, held by `today`
 * (the period's end when omitted); voters met; per group; per deputy in office (or with a mark in
 * the period) 出席 / 请假 / 缺席 with 出席率, and those below the expected attendance among the
 * deputies with at least MIN_ACTIVITIES_TO_JUDGE marked activities — the attendance the committee
 * set (activities.setMinAttendance), DEFAULT_MIN_ATTENDANCE until it does. Counted by the store.
 */
export async function activityFigures(
  store: Store,
  from: LocalDate,
  to: LocalDate,
  today: LocalDate = to,
): Promise<ActivityFiguresView> {
  const [byKind, byGroup, attendance, voters, groups, deputies, stations, minAttendanceSet] = await Promise.all([
    store.countActivitiesByKind(from, to),
    store.countActivitiesByGroup(from, to),
    store.countAttendance(from, to),
    store.countVotersVisited(from, to),
    store.listGroups(),
    store.listDeputies(),
    store.listStations(),
    store.getSetting(MIN_ATTENDANCE_SETTING),
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
  const minAttendance = minAttendanceOf(minAttendanceSet);
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

/**
 * activities.setMinAttendance: the committee sets the attendance it expects of a deputy (出席率, 30%–100%);
 * the figures judge every deputy by it from then on.
 */
export async function setMinAttendance(
  input: ActionInput<typeof activitiesActions, 'setMinAttendance'>,
  ctx: ServiceContext,
): Promise<{ minAttendance: number }> {
  const actor = await activityActor(ctx);
  requireRole(actor, ['admin'], '出席率要求由人大工委设置');
  const before = minAttendanceOf(await ctx.store.getSetting(MIN_ATTENDANCE_SETTING));
  await ctx.store.putSetting(
    MIN_ATTENDANCE_SETTING,
    String(input.minAttendance),
    activityAudit(
      ctx.clock.now(),
      actor,
      'setMinAttendance',
      { type: 'setting', id: MIN_ATTENDANCE_SETTING },
      { minAttendance: input.minAttendance, before },
    ),
  );
  return { minAttendance: input.minAttendance };
}
