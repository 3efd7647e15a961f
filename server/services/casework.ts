import type { ActionInput } from '../../src/domain/actions/action-spec';
import type { caseworkActions } from '../../src/domain/actions/casework';
import { excerptOf } from '../../src/domain/notifications';
import { addDays, formatDateZh, shanghaiDate } from '../../src/domain/dates';
import { addWorkingDays } from '../../src/domain/deadlines';
import { AppError } from '../../src/domain/errors';
import { createHolidayCalendar } from '../../src/domain/holiday-calendar';
import { transition } from '../../src/domain/lifecycle';
import type { InboxFilter } from '../../src/domain/opinion-schemas';
import { acceptsMerges, shortIdOf, type Opinion, type OpinionStatus } from '../../src/domain/opinion';
import type { OpinionSummary, Page } from '../../src/domain/views';
import type { OpinionQuery } from '../ports/opinion-store';
import { actorOf, requireRole, requireVisible, type Actor } from './actor';
import type { ServiceContext } from './context';
import {
  assignment,
  changeOpinion,
  decideRouting,
  event,
  notify,
  requireCleanText,
  routingOf,
  SYSTEM,
} from './opinion-change';
import { summaryPage, viewOf } from './opinion-view';
import { notifySupporters, supportersCarriedOver } from './support';

const OPEN: OpinionStatus[] = ['assigned', 'transferred'];

/** The statuses and due-date bound a filter means (docs/DESIGN.md, The opinion lifecycle: Queues). */
async function filterQuery(ctx: ServiceContext, filter: InboxFilter): Promise<Partial<OpinionQuery>> {
  const today = shanghaiDate(ctx.clock.now());
  switch (filter) {
    case 'new':
      return { statuses: ['assigned'] };
    case 'due_soon': {
      const calendar = createHolidayCalendar(await ctx.store.listHolidayArrangements());
      return { statuses: OPEN, dueOnOrBefore: addWorkingDays(today, 2, calendar) };
    }
    case 'overdue':
      return { statuses: OPEN, dueOnOrBefore: addDays(today, -1) };
    case 'replied':
      return { statuses: ['replied', 'resolved', 'closed'] };
    case 'unrouted':
      return { statuses: ['submitted'] };
    case 'held':
      return { statuses: ['held'] };
    case 'awaiting_confirmation':
      return { statuses: ['replied'] };
    case 'review':
      return { statuses: ['resolved'], staffReview: true };
    default:
      return {};
  }
}

/**
 * casework.inbox: a deputy's routed opinions, or the station queue for staff (all stations
 * for admins), newest first, with the filters the issue names.
 */
export async function listInbox(
  input: ActionInput<typeof caseworkActions, 'inbox'>,
  ctx: ServiceContext,
): Promise<Page<OpinionSummary>> {
  const actor = await actorOf(ctx);
  requireRole(actor, ['deputy', 'staff', 'admin'], '只有代表和联络站工作人员可以查看待办意见');
  const scope: Partial<OpinionQuery> =
    actor.role === 'deputy'
      ? { assignedDeputyId: actor.deputyId ?? '-' }
      : actor.role === 'staff'
        ? { stationId: actor.stationId ?? '-' }
        : {};
  return summaryPage(ctx, { ...scope, ...(await filterQuery(ctx, input.filter ?? 'all')) }, input);
}

/** The caller, a deputy; whether the opinion is theirs is asked of it as the change reads it. */
async function deputyActor(ctx: ServiceContext) {
  const actor = await actorOf(ctx);
  requireRole(actor, ['deputy'], '只有被分派的代表可以这样做');
  return actor;
}

/** NOT_FOUND unless the deputy may see the opinion, FORBIDDEN unless it is routed to them. */
async function requireAssignedTo(ctx: ServiceContext, actor: Actor, opinion: Opinion) {
  await requireVisible(ctx, actor, opinion);
  if (opinion.assignedDeputyId !== actor.deputyId) throw new AppError('FORBIDDEN', '这条意见没有分派给您');
}

/** The caller, station staff or an admin; the opinion must be one they may see (of their station). */
async function staffActor(ctx: ServiceContext) {
  const actor = await actorOf(ctx);
  requireRole(actor, ['staff', 'admin'], '只有联络站工作人员可以这样做');
  return actor;
}

const who = (actor: Actor) => ({ role: actor.role, name: actor.name });

/** casework.reply: the deputy's official answer, which the voter sees. */
export async function replyToOpinion(input: ActionInput<typeof caseworkActions, 'reply'>, ctx: ServiceContext) {
  const actor = await deputyActor(ctx);
  await requireCleanText(ctx, input.content, actor.openid);
  const saved = await changeOpinion(ctx, input.opinionId, async (opinion) => {
    await requireAssignedTo(ctx, actor, opinion);
    const status = transition(opinion.status, 'reply', 'deputy');
    const now = ctx.clock.now();
    const told = { excerpt: excerptOf(opinion.content), reply: excerptOf(input.content, 80) };
    // Its voter and those who support it hear the same, in the reply's transaction.
    return {
      next: { ...opinion, status, reply: { content: input.content, deputyId: opinion.assignedDeputyId!, at: now } },
      events: [event(opinion, now, who(actor), 'replied', '作出答复')],
      outbox: [
        ...notify(opinion, now, 'reply_to_voter', opinion.authorOpenid, told),
        ...(await notifySupporters(ctx, opinion, now, 'reply_to_voter', told)),
      ],
    };
  });
  return viewOf(ctx, actor, saved);
}

/** casework.transfer: the deputy refers it to a handling unit (承办单位); the voter is told which and when. */
export async function transferOpinion(input: ActionInput<typeof caseworkActions, 'transfer'>, ctx: ServiceContext) {
  const actor = await deputyActor(ctx);
  if (input.expectedDate < shanghaiDate(ctx.clock.now()))
    throw new AppError('INVALID_INPUT', '预计办结日期不能早于今天');
  const saved = await changeOpinion(ctx, input.opinionId, async (opinion) => {
    await requireAssignedTo(ctx, actor, opinion);
    const status = transition(opinion.status, 'transfer', 'deputy');
    const now = ctx.clock.now();
    const text = `已转交${input.unit}办理，预计${formatDateZh(input.expectedDate)}前办结`;
    return {
      next: { ...opinion, status, transfer: { unit: input.unit, expectedDate: input.expectedDate, at: now } },
      events: [event(opinion, now, who(actor), 'transferred', text)],
    };
  });
  return viewOf(ctx, actor, saved);
}

/** casework.note: an internal note for deputies and staff, never shown to the voter. */
export async function addNote(input: ActionInput<typeof caseworkActions, 'note'>, ctx: ServiceContext) {
  const actor = await actorOf(ctx);
  requireRole(actor, ['deputy', 'staff', 'admin'], '只有代表和工作人员可以添加内部备注');
  const saved = await changeOpinion(ctx, input.opinionId, async (opinion) => {
    await requireVisible(ctx, actor, opinion);
    if (actor.role === 'deputy' && opinion.assignedDeputyId !== actor.deputyId) {
      throw new AppError('FORBIDDEN', '这条意见没有分派给您');
    }
    const now = ctx.clock.now();
    return { next: opinion, events: [event(opinion, now, who(actor), 'note', input.text, 'internal')] };
  });
  return viewOf(ctx, actor, saved);
}

/** casework.assign: staff (re)assign to a deputy of the station, or to the routing rule's choice. */
export async function assignOpinion(input: ActionInput<typeof caseworkActions, 'assign'>, ctx: ServiceContext) {
  const actor = await staffActor(ctx);
  const saved = await changeOpinion(ctx, input.opinionId, async (opinion) => {
    await requireVisible(ctx, actor, opinion);
    transition(opinion.status, 'assign', actor.role);
    let deputyId = input.deputyId;
    let reason: string;
    if (deputyId) {
      const deputy = await ctx.store.getDeputy(deputyId);
      if (!deputy || !deputy.active || deputy.stationId !== opinion.stationId) {
        throw new AppError('INVALID_INPUT', '只能分派给本站在任的代表');
      }
      if (deputyId === opinion.assignedDeputyId) throw new AppError('CONFLICT', '已经分派给这位代表');
      reason = `${actor.name}指定由${deputy.name}办理`;
    } else {
      const decision = await decideRouting(ctx, opinion, opinion.assignedDeputyId);
      if (!decision.deputyId) throw new AppError('CONFLICT', '本站暂无可分派的代表');
      deputyId = decision.deputyId;
      reason = `${actor.name}按分派规则重新分派：${decision.reason}`;
    }
    const { next, events, outbox } = await assignment(ctx, opinion, deputyId, reason, who(actor));
    const { transfer: _previousTransfer, ...rest } = next;
    return { next: rest, events, outbox };
  });
  return viewOf(ctx, actor, saved);
}

/** casework.resolve: staff confirm that a replied opinion is settled; the voter may then rate it. */
export async function resolveOpinion(input: ActionInput<typeof caseworkActions, 'resolve'>, ctx: ServiceContext) {
  const actor = await staffActor(ctx);
  const saved = await changeOpinion(ctx, input.opinionId, async (opinion) => {
    await requireVisible(ctx, actor, opinion);
    const status = transition(opinion.status, 'resolve', actor.role);
    const now = ctx.clock.now();
    const told = { excerpt: excerptOf(opinion.content), note: excerptOf(input.note, 80) };
    return {
      next: { ...opinion, status, resolution: { note: input.note, at: now, by: actor.openid } },
      events: [event(opinion, now, who(actor), 'resolved', `确认已办结：${input.note}`)],
      outbox: [
        ...notify(opinion, now, 'resolved_to_voter', opinion.authorOpenid, told),
        ...(await notifySupporters(ctx, opinion, now, 'resolved_to_voter', told)),
      ],
    };
  });
  return viewOf(ctx, actor, saved);
}

/**
 * casework.reject: out of remit, or a duplicate merged into another opinion of the station.
 * The voter sees the reason (and, for a duplicate, which opinion carries it on).
 */
export async function rejectOpinion(input: ActionInput<typeof caseworkActions, 'reject'>, ctx: ServiceContext) {
  const actor = await staffActor(ctx);
  const saved = await changeOpinion(ctx, input.opinionId, async (opinion) => {
    await requireVisible(ctx, actor, opinion);
    const status = transition(opinion.status, 'reject', actor.role);
    let target: Opinion | null = null;
    if (input.kind === 'duplicate') {
      target = input.mergedInto ? await ctx.store.getOpinion(input.mergedInto) : null;
      if (
        !target ||
        target.id === opinion.id ||
        target.stationId !== opinion.stationId ||
        !acceptsMerges(target.status)
      ) {
        throw new AppError('INVALID_INPUT', '请指明本站另一条意见作为合并对象');
      }
    }
    const now = ctx.clock.now();
    const text = target
      ? `与编号 ${shortIdOf(target.id)} 的意见重复，已合并办理：${input.reason}`
      : `不予受理：${input.reason}`;
    // A merged duplicate's voter and supporters follow the opinion it was merged into (附议), in
    // the same transaction; the target's public line says how many, never who.
    const carried = target ? await supportersCarriedOver(ctx, opinion, target, now) : [];
    const merged =
      target && carried.length > 0
        ? [
            event(
              target,
              now,
              who(actor),
              'merged',
              `编号 ${shortIdOf(opinion.id)} 的重复意见已合并到这条意见，${carried.length}位选民随之附议`,
            ),
          ]
        : [];
    return {
      next: {
        ...opinion,
        status,
        rejection: { kind: input.kind, reason: input.reason, ...(target ? { mergedInto: target.id } : {}), at: now },
      },
      events: [event(opinion, now, who(actor), 'rejected', text), ...merged],
      outbox: notify(opinion, now, 'rejected_to_voter', opinion.authorOpenid, {
        excerpt: excerptOf(opinion.content),
        reason: excerptOf(input.reason, 80),
      }),
      supports: carried,
    };
  });
  return viewOf(ctx, actor, saved);
}

/** casework.release: staff clear a held opinion after review; it is routed like a new one. */
export async function releaseOpinion(input: ActionInput<typeof caseworkActions, 'release'>, ctx: ServiceContext) {
  const actor = await staffActor(ctx);
  const saved = await changeOpinion(ctx, input.opinionId, async (opinion) => {
    await requireVisible(ctx, actor, opinion);
    const submitted = transition(opinion.status, 'release', actor.role);
    const now = ctx.clock.now();
    const released: Opinion = { ...opinion, status: submitted };
    const cleared = event(opinion, now, who(actor), 'released', '内容审核通过');
    const decision = await routingOf(ctx, released);
    if (!decision.deputyId) {
      return {
        next: { ...released, routingReason: decision.reason },
        events: [cleared, event(opinion, now, SYSTEM, 'queued', '已转联络站工作人员分派')],
      };
    }
    const { next, events, outbox } = await assignment(ctx, released, decision.deputyId, decision.reason, SYSTEM);
    return { next, events: [cleared, ...events], outbox };
  });
  return viewOf(ctx, actor, saved);
}

/** casework.close: staff close an opinion after reviewing a second 不满意. */
export async function closeOpinion(input: ActionInput<typeof caseworkActions, 'close'>, ctx: ServiceContext) {
  const actor = await staffActor(ctx);
  const saved = await changeOpinion(ctx, input.opinionId, async (opinion) => {
    await requireVisible(ctx, actor, opinion);
    if (!opinion.staffReview) throw new AppError('CONFLICT', '这条意见不需要复核');
    const status = transition(opinion.status, 'close', actor.role);
    const now = ctx.clock.now();
    return {
      next: { ...opinion, status, staffReview: false },
      events: [event(opinion, now, who(actor), 'closed', `复核后结案：${input.note}`)],
    };
  });
  return viewOf(ctx, actor, saved);
}
