import { formatDateZh, shanghaiDate } from '../../src/domain/dates';
import { replyDueDate } from '../../src/domain/deadlines';
import { AppError } from '../../src/domain/errors';
import { createHolidayCalendar } from '../../src/domain/holiday-calendar';
import type { ActorRole, Opinion, TimelineEvent } from '../../src/domain/opinion';
import { nextSessions } from '../../src/domain/reception-calendar';
import { routeOpinion, type RoutingDecision } from '../../src/domain/routing';
import type { NotificationKind, NotificationPayloads } from '../../src/domain/notifications';
import { excerptOf } from '../../src/domain/notifications';
import { isErasedAuthor } from '../../src/domain/personal-data';
import { OpinionConflictError, type OutboxMessage } from '../ports/opinion-store';
import type { OpinionSupport } from '../ports/store-types';
import type { ServiceContext } from './context';

/** The timeline's name for lines the system writes (routing, deadlines, checks, retention). */
export const SYSTEM = { role: 'system' as const, name: '系统' };
/** The timeline's name for a voter: never their OPENID or their contact name. */
export const VOTER = { role: 'voter' as const, name: '选民' };

/** A timeline line written by `actor`. */
export function event(
  opinion: Pick<Opinion, 'id'>,
  at: number,
  actor: { role: ActorRole; name: string },
  kind: string,
  text: string,
  visibility: TimelineEvent['visibility'] = 'public',
): TimelineEvent {
  return { opinionId: opinion.id, at, actorRole: actor.role, actorName: actor.name, kind, text, visibility };
}

/**
 * A new outbox message, due now. `subjectId` is what it is about: an opinion id, or
 * `stationSubject(<id>)` for a station's sessions and digests.
 */
export function outboxMessage<K extends NotificationKind>(
  subjectId: string,
  at: number,
  kind: K,
  recipient: string,
  payload: NotificationPayloads[K],
): OutboxMessage {
  return {
    kind,
    recipientOpenid: recipient,
    subjectId,
    payload: { ...payload },
    createdAt: at,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: at,
  };
}

/**
 * An outbox message about an opinion for `recipient`; nothing when there is nobody to tell (an
 * unclaimed walk-in, or a voter who erased their account).
 */
export function notify<K extends NotificationKind>(
  opinion: Pick<Opinion, 'id'>,
  at: number,
  kind: K,
  recipient: string | undefined,
  payload: NotificationPayloads[K],
): OutboxMessage[] {
  return recipient && !isErasedAuthor(recipient) ? [outboxMessage(opinion.id, at, kind, recipient, payload)] : [];
}

/** A change of an opinion as an action decides it: the opinion as it will be, its lines, messages and carried 附议. */
export interface OpinionChange {
  next: Omit<Opinion, 'version' | 'updatedAt'>;
  events: readonly TimelineEvent[];
  outbox?: readonly OutboxMessage[];
  /** A merge: the duplicate's supporters carried over to the opinion it was merged into. */
  supports?: readonly OpinionSupport[];
}

/**
 * Change the opinion `opinionId` as `decide` says, `decide` being given the opinion as stored
 * when the change is written (OpinionStore.changeOpinion): an action's rules are checked against
 * exactly what its change replaces, and the opinion is read once, by the change. Its lines,
 * messages and carried 附议 are written in the same transaction. Null from `decide`: nothing to
 * write, and the opinion is answered as it is. NOT_FOUND when there is no such opinion; CONFLICT
 * when other changes kept coming first.
 */
export async function changeOpinion(
  ctx: ServiceContext,
  opinionId: string,
  decide: (opinion: Opinion) => Promise<OpinionChange | null>,
): Promise<Opinion> {
  try {
    const result = await ctx.store.changeOpinion(opinionId, async (current) => {
      const change = await decide(current);
      if (!change) return null;
      return {
        next: { ...change.next, version: current.version + 1, updatedAt: ctx.clock.now() },
        events: change.events,
        outbox: change.outbox ?? [],
        supports: change.supports ?? [],
      };
    });
    if (!result) throw new AppError('NOT_FOUND', '没有找到这条意见');
    return result.opinion;
  } catch (error) {
    if (error instanceof OpinionConflictError) {
      throw new AppError('CONFLICT', '这条意见刚刚被其他人处理过，请刷新后再操作');
    }
    throw error;
  }
}

/** The routing decision for an opinion at its station now (docs/DESIGN.md, Routing and deadlines). */
export async function decideRouting(ctx: ServiceContext, opinion: Opinion, exclude?: string): Promise<RoutingDecision> {
  const station = await ctx.store.getStation(opinion.stationId);
  if (!station) throw new AppError('NOT_FOUND', '没有找到这个联络站');
  const today = shanghaiDate(ctx.clock.now());
  const [deputies, openCounts, overrides, arrangements] = await Promise.all([
    ctx.store.listDeputies([station.id]),
    ctx.store.countOpenByDeputy(station.id),
    ctx.store.listSessionOverrides([station.id], today.slice(0, 7)),
    ctx.store.listHolidayArrangements(),
  ]);
  // The next session that will be held: a cancelled one is listed before it, with a duty list
  // of deputies who will not be there.
  const next = nextSessions({
    rule: station.receptionRule,
    calendar: createHolidayCalendar(arrangements),
    overrides,
    today,
    count: 1,
  }).find((session) => session.status !== 'cancelled');
  const active = deputies.filter((d) => d.active);
  const onDutyNext = next && next.deputyIds.length > 0 ? next.deputyIds : [];
  return routeOpinion({
    category: opinion.category,
    deputies: active,
    onDutyNext,
    openCounts,
    ...(exclude ? { exclude } : {}),
  });
}

/** Why an opinion a deputy took down on their own visit stays with them. */
export const VISIT_ROUTING_REASON = '代表走访选民时收集，由该代表本人办理';

/**
 * Where an opinion goes when it is (re)leased to routing: one a deputy recorded on their own
 * 走访选民 stays with that deputy while they are in office; any other by the routing rule.
 */
export async function routingOf(ctx: ServiceContext, opinion: Opinion): Promise<RoutingDecision> {
  if (opinion.source === 'visit') {
    const recorder = await ctx.store.getAccount(opinion.submittedBy);
    const deputy = recorder?.deputyId ? await ctx.store.getDeputy(recorder.deputyId) : null;
    if (deputy?.active && deputy.stationId === opinion.stationId) {
      return { deputyId: deputy.id, reason: VISIT_ROUTING_REASON };
    }
  }
  return decideRouting(ctx, opinion);
}

/**
 * The opinion assigned to `deputyId`: assignment time, reply due date (N working days from
 * today), the public line the voter sees, the internal reason, and the deputy's notification.
 */
export async function assignment(
  ctx: ServiceContext,
  opinion: Opinion,
  deputyId: string,
  reason: string,
  actor: { role: ActorRole; name: string },
) {
  const now = ctx.clock.now();
  const [deputy, account, arrangements] = await Promise.all([
    ctx.store.getDeputy(deputyId),
    ctx.store.getAccountByDeputy(deputyId),
    ctx.store.listHolidayArrangements(),
  ]);
  const due = replyDueDate(shanghaiDate(now), createHolidayCalendar(arrangements));
  const next: Opinion = {
    ...opinion,
    status: 'assigned',
    assignedDeputyId: deputyId,
    assignedAt: now,
    replyDueDate: due,
    routingReason: reason,
  };
  const events = [
    event(opinion, now, actor, 'assigned', `已交由代表 ${deputy?.name ?? ''} 办理，应于${formatDateZh(due)}前答复`),
    event(opinion, now, actor, 'routing', reason, 'internal'),
  ];
  const outbox = notify(opinion, now, 'assigned_to_deputy', account?.openid, {
    category: opinion.category,
    due,
    excerpt: excerptOf(opinion.content),
  });
  return { next, events, outbox };
}

/**
 * Text that others will read (a comment, a reason, a reply) passes the same content check as an
 * opinion: anything but a clean pass is refused here, since such text is not held for review.
 */
export async function requireCleanText(ctx: ServiceContext, text: string, openid: string): Promise<void> {
  if ((await ctx.contentCheck.checkText(text, openid)) !== 'pass') {
    throw new AppError('CONTENT_REJECTED', '内容含有不适宜发布的词语，请修改后再提交');
  }
}
