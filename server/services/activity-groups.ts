import type { ActionInput } from '../../src/domain/actions/action-spec';
import type { activitiesActions } from '../../src/domain/actions/activities';
import type { DeputyGroup } from '../../src/domain/activity';
import type { GroupView } from '../../src/domain/activity-views';
import { AppError } from '../../src/domain/errors';
import { activityActor, activityAudit } from './activity-access';
import { toGroupView } from './activity-view';
import type { ServiceContext } from './context';
import { requireCleanText } from './opinion-change';

/**
 * activities.setGroup: the committee names a 人大小组 — its 片区, members (deputies in office, each
 * in one group at most) and 组长 — or changes one.
 */
export async function setGroup(
  input: ActionInput<typeof activitiesActions, 'setGroup'>,
  ctx: ServiceContext,
): Promise<GroupView> {
  const actor = await activityActor(ctx);
  if (actor.role !== 'admin') throw new AppError('FORBIDDEN', '人大小组由人大工委设置');
  const [groups, deputies, stations] = await Promise.all([
    ctx.store.listGroups(),
    ctx.store.listDeputies(),
    ctx.store.listStations(),
  ]);
  for (const id of input.memberDeputyIds) {
    const deputy = deputies.find((d) => d.id === id);
    if (!deputy || !deputy.active) throw new AppError('INVALID_INPUT', '小组成员须为在任的人大代表');
    const other = groups.find((g) => g.id !== input.groupId && g.memberDeputyIds.includes(id));
    if (other) throw new AppError('INVALID_INPUT', `${deputy.name}已是${other.name}的成员，请先从该小组移出`);
  }
  await requireCleanText(ctx, `${input.name}\n${input.area}`, actor.openid);
  const existing = groups.find((g) => g.id === input.groupId);
  const group: DeputyGroup = {
    id: input.groupId,
    name: input.name,
    area: input.area,
    memberDeputyIds: input.memberDeputyIds,
    ...(input.leaderDeputyId ? { leaderDeputyId: input.leaderDeputyId } : {}),
    sortOrder: existing?.sortOrder ?? groups.reduce((n, g) => Math.max(n, g.sortOrder), 0) + 1,
  };
  await ctx.store.putGroup(
    group,
    activityAudit(
      ctx.clock.now(),
      actor,
      'setGroup',
      { type: 'group', id: group.id },
      {
        memberDeputyIds: group.memberDeputyIds,
        ...(group.leaderDeputyId ? { leaderDeputyId: group.leaderDeputyId } : {}),
        created: !existing,
      },
    ),
  );
  return toGroupView(group, deputies, stations);
}
