import { maskNumbersInText } from '../../src/domain/personal-data';
import { CATEGORY_LABELS } from '../../src/domain/categories';
import { claimCodeExpiresAt } from '../../src/domain/claim-codes';
import { shanghaiDate } from '../../src/domain/dates';
import { isOverdue } from '../../src/domain/deadlines';
import { canTransition, type OpinionAction } from '../../src/domain/lifecycle';
import {
  maskPhone,
  OPINION_STATUS_LABELS,
  SATISFACTION_LABELS,
  shortIdOf,
  type Contact,
  type Opinion,
  type OpinionStatus,
  type TimelineEvent,
} from '../../src/domain/opinion';
import type { OpinionActions, OpinionSummary, OpinionView, Page } from '../../src/domain/views';
import type { OpinionQuery } from '../ports/opinion-store';
import type { Actor } from './actor';
import type { ServiceContext } from './context';

const OPEN = ['assigned', 'transferred'];

function overdue(opinion: Opinion, today: string): boolean {
  return Boolean(opinion.replyDueDate && OPEN.includes(opinion.status) && isOverdue(opinion.replyDueDate, today));
}

/** Names the views need, loaded once per request. */
export async function namesFor(ctx: ServiceContext, opinions: readonly Opinion[]) {
  const stationIds = [...new Set(opinions.map((o) => o.stationId))];
  const [stations, deputies] = await Promise.all([ctx.store.listStations(), ctx.store.listDeputies(stationIds)]);
  return {
    station: new Map(stations.map((s) => [s.id, s.name])),
    deputy: new Map(deputies.map((d) => [d.id, d.name])),
  };
}

type Names = Awaited<ReturnType<typeof namesFor>>;

function actionsFor(actor: Actor, opinion: Opinion): OpinionActions {
  const may = (action: OpinionAction) => canTransition(opinion.status, action, actor.role);
  const isAuthor = opinion.authorOpenid === actor.openid;
  const isAssigned = actor.role === 'deputy' && opinion.assignedDeputyId === actor.deputyId;
  const isStaff = actor.role === 'admin' || (actor.role === 'staff' && opinion.stationId === actor.stationId);
  return {
    withdraw: isAuthor && canTransition(opinion.status, 'withdraw', 'voter'),
    eraseContact: isAuthor && opinion.source === 'app' && Boolean(opinion.contact),
    rate: isAuthor && opinion.status === 'resolved' && !opinion.staffReview,
    reply: isAssigned && may('reply'),
    transfer: isAssigned && may('transfer'),
    note: isAssigned || isStaff,
    assign: isStaff && may('assign'),
    resolve: isStaff && may('resolve'),
    reject: isStaff && may('reject'),
    release: isStaff && may('release'),
    close: isStaff && may('close') && Boolean(opinion.staffReview),
  };
}

/**
 * The contact as a viewer may see it. In full to the station's staff, to the voter who gave it
 * in the app, and to the assigned deputy unless the voter asked for anonymity (then none). The
 * contact staff wrote down for a walk-in is not shown to whoever claims the opinion with its
 * code: holding the code does not prove being that person. Everyone else sees the phone masked.
 * Nobody but its voter sees the contact of a withdrawn opinion, and a voter who only supports it
 * (附议) sees none at all.
 */
function contactFor(
  opinion: Opinion,
  viewer: { isAuthor: boolean; isStationStaff: boolean; isAssigned: boolean; isSupporterOnly: boolean },
): Contact | undefined {
  const { contact } = opinion;
  if (!contact || viewer.isSupporterOnly) return undefined;
  // A withdrawn opinion is nobody's to call about (withdrawing erases the contact; one withdrawn
  // before that rule is hidden all the same until the retention job erases it).
  if (opinion.status === 'withdrawn' && !(viewer.isAuthor && opinion.source === 'app')) return undefined;
  if (viewer.isStationStaff || (viewer.isAuthor && opinion.source === 'app')) return contact;
  if (viewer.isAssigned) return opinion.anonymous ? undefined : contact;
  if (viewer.isAuthor) return undefined;
  return { name: contact.name, phone: maskPhone(contact.phone) };
}

/** How many support an opinion (附议), and whether the viewer is one of them. */
export interface SupportOf {
  count: number;
  mine: boolean;
}

/**
 * An opinion as `actor` may see it, the contact as `contactFor` allows. Internal timeline
 * lines and the routing reason are for deputies and staff only; the claim code and when it
 * lapses for staff only. A viewer who sees it only because they support it (附议) gets its
 * content, status, reply and public lines: no contact, no photos, nothing they may do to it.
 */
export function toView(
  opinion: Opinion,
  timeline: readonly TimelineEvent[],
  actor: Actor,
  names: Names,
  today: string,
  support: SupportOf = { count: 0, mine: false },
): OpinionView {
  const isAuthor = opinion.authorOpenid === actor.openid;
  const isStaff = actor.role === 'admin' || (actor.role === 'staff' && opinion.stationId === actor.stationId);
  const isStationStaff = actor.role === 'staff' && opinion.stationId === actor.stationId;
  const isAssigned = actor.role === 'deputy' && opinion.assignedDeputyId === actor.deputyId;
  const insider = isStaff || isAssigned;
  // canSee let nobody else this far: whoever is neither its voter nor handles it supports it.
  const isSupporterOnly = !isAuthor && !insider;
  const contact = contactFor(opinion, { isAuthor, isStationStaff, isAssigned, isSupporterOnly });
  const deputyName = opinion.assignedDeputyId ? names.deputy.get(opinion.assignedDeputyId) : undefined;
  return {
    id: opinion.id,
    shortId: shortIdOf(opinion.id),
    station: { id: opinion.stationId, name: names.station.get(opinion.stationId) ?? '' },
    category: opinion.category,
    categoryLabel: CATEGORY_LABELS[opinion.category],
    // A neighbour who 附议'd it reads what was raised, not a number the voter typed into it.
    content: isSupporterOnly ? maskNumbersInText(opinion.content) : opinion.content,
    images: isAuthor
      ? opinion.images
      : isSupporterOnly
        ? []
        : opinion.images.filter((f) => !opinion.hiddenImages?.includes(f)),
    status: opinion.status,
    statusLabel: OPINION_STATUS_LABELS[opinion.status],
    source: opinion.source,
    createdAt: opinion.createdAt,
    ...(opinion.replyDueDate ? { replyDueDate: opinion.replyDueDate } : {}),
    overdue: overdue(opinion, today),
    ...(opinion.assignedDeputyId && deputyName
      ? { assignedDeputy: { id: opinion.assignedDeputyId, name: deputyName } }
      : {}),
    ...(contact ? { contact } : {}),
    anonymous: opinion.anonymous,
    ...(opinion.reply
      ? {
          reply: {
            content: opinion.reply.content,
            deputyName: names.deputy.get(opinion.reply.deputyId) ?? '',
            at: opinion.reply.at,
          },
        }
      : {}),
    ...(opinion.transfer ? { transfer: opinion.transfer } : {}),
    ...(opinion.resolution ? { resolution: { note: opinion.resolution.note, at: opinion.resolution.at } } : {}),
    ...(opinion.rating
      ? { rating: { ...opinion.rating, label: SATISFACTION_LABELS[opinion.rating.satisfaction] } }
      : {}),
    ...(opinion.rejection ? { rejection: opinion.rejection } : {}),
    reopenCount: opinion.reopenCount,
    staffReview: Boolean(opinion.staffReview),
    supportCount: support.count,
    supportedByMe: support.mine,
    ...(isStaff && opinion.routingReason ? { routingReason: opinion.routingReason } : {}),
    ...(isStaff && opinion.claimCode
      ? { claimCode: opinion.claimCode, claimCodeExpiresAt: claimCodeExpiresAt(opinion.createdAt) }
      : {}),
    timeline: timeline
      .filter((e) => e.visibility === 'public' || insider)
      .map((e) => ({
        at: e.at,
        actorName: e.actorName,
        kind: e.kind,
        text: e.text,
        internal: e.visibility === 'internal',
      })),
    can: actionsFor(actor, opinion),
  };
}

/** The start of an opinion's text as a list line shows it: its first 60 characters. */
export function listExcerpt(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/**
 * A list line of an opinion, with how many support it. For a reader who only supports it (附议),
 * numbers in the text keep their last 4 digits, as on the opinion's page (`toView`).
 */
export function toSummary(
  opinion: Opinion,
  names: Names,
  today: string,
  supportCount = 0,
  supporterOnly = false,
): OpinionSummary {
  const deputyName = opinion.assignedDeputyId ? names.deputy.get(opinion.assignedDeputyId) : undefined;
  return {
    id: opinion.id,
    shortId: shortIdOf(opinion.id),
    stationName: names.station.get(opinion.stationId) ?? '',
    category: opinion.category,
    categoryLabel: CATEGORY_LABELS[opinion.category],
    excerpt: listExcerpt(supporterOnly ? maskNumbersInText(opinion.content) : opinion.content),
    status: opinion.status,
    statusLabel: OPINION_STATUS_LABELS[opinion.status],
    createdAt: opinion.createdAt,
    ...(opinion.replyDueDate ? { replyDueDate: opinion.replyDueDate } : {}),
    overdue: overdue(opinion, today),
    ...(deputyName ? { assignedDeputyName: deputyName } : {}),
    staffReview: Boolean(opinion.staffReview),
    supportCount,
  };
}

/**
 * Whether `actor` is neither the opinion's voter nor one who handles it (its deputy, its
 * station's staff, the committee): the only viewer who may support it (附议).
 */
function isOutsider(actor: Actor, opinion: Opinion): boolean {
  const isAuthor = opinion.authorOpenid === actor.openid;
  const isStaff = actor.role === 'admin' || (actor.role === 'staff' && opinion.stationId === actor.stationId);
  const isAssigned = actor.role === 'deputy' && opinion.assignedDeputyId === actor.deputyId;
  return !isAuthor && !isStaff && !isAssigned;
}

/**
 * The view of an opinion for `actor` now (after a change, for the caller who made it). Its 附议
 * count is the one the store keeps with it; whether the viewer supports it is asked only of a
 * viewer who could (`isOutsider`), unless the caller knows (`supporting`).
 */
export async function viewOf(
  ctx: ServiceContext,
  actor: Actor,
  opinion: Opinion,
  supporting?: boolean,
): Promise<OpinionView> {
  const asked = supporting === undefined && isOutsider(actor, opinion);
  const [timeline, names, mine] = await Promise.all([
    ctx.store.listTimeline(opinion.id),
    namesFor(ctx, [opinion]),
    asked ? ctx.store.isSupporting(opinion.id, actor.openid) : Promise.resolve(supporting ?? false),
  ]);
  const support = { count: opinion.supportCount ?? 0, mine };
  return toView(opinion, timeline, actor, names, shanghaiDate(ctx.clock.now()), support);
}

/** List lines of `opinions`, each with the 附议 count the store keeps with it; see `toSummary`. */
export async function summariesOf(
  ctx: ServiceContext,
  opinions: readonly Opinion[],
  supporterOnly = false,
): Promise<OpinionSummary[]> {
  const names = await namesFor(ctx, opinions);
  const today = shanghaiDate(ctx.clock.now());
  return opinions.map((o) => toSummary(o, names, today, o.supportCount ?? 0, supporterOnly));
}

/**
 * A page of list lines: the store's page with the caller's paging fields applied (20 a page by
 * default) and each opinion turned into its summary.
 */
export async function summaryPage(
  ctx: ServiceContext,
  query: Omit<OpinionQuery, 'cursor' | 'limit'>,
  paging: { status?: OpinionStatus; cursor?: string; limit?: number },
): Promise<Page<OpinionSummary>> {
  const page = await ctx.store.listOpinions({
    ...query,
    ...(paging.status ? { statuses: [paging.status] } : {}),
    ...(paging.cursor ? { cursor: paging.cursor } : {}),
    limit: paging.limit ?? 20,
  });
  return { items: await summariesOf(ctx, page.items), nextCursor: page.nextCursor };
}
