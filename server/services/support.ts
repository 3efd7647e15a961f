import type { ActionInput } from '../../src/domain/actions/action-spec';
import type { opinionsActions } from '../../src/domain/actions/opinions';
import { CATEGORY_LABELS } from '../../src/domain/categories';
import { AppError } from '../../src/domain/errors';
import type { NotificationKind, NotificationPayloads } from '../../src/domain/notifications';
import { OPINION_STATUS_LABELS, shortIdOf, type Opinion } from '../../src/domain/opinion';
import { isErasedAuthor, maskNumbersInText } from '../../src/domain/personal-data';
import { bigrams, diceOf, SIMILAR_MIN_CHARS, SIMILARITY_THRESHOLD } from '../../src/domain/similarity';
import {
  isSupportable,
  SIMILAR_CANDIDATES,
  SIMILAR_SHOWN,
  SUPPORT_LINE,
  SUPPORTABLE_STATUSES,
  SUPPORTERS_CARRIED_ON_MERGE,
  SUPPORTERS_NOTIFIED,
} from '../../src/domain/support';
import type { OpinionView, SimilarOpinionsView } from '../../src/domain/views';
import type { OutboxMessage } from '../ports/opinion-store';
import type { OpinionSupport } from '../ports/store-types';
import { actorOf, requireRole } from './actor';
import type { ServiceContext } from './context';
import { event, notify, VOTER } from './opinion-change';
import { listExcerpt, viewOf } from './opinion-view';

/** The start of an opinion's text as neighbours read it: a number typed into it keeps its last 4 digits. */
const excerpt = (text: string) => listExcerpt(maskNumbersInText(text));

/**
 * opinions.similar: the open opinions of the draft's station and category that read like it
 * (src/domain/similarity.ts), the most alike first, at most SIMILAR_SHOWN. Only the newest
 * SIMILAR_CANDIDATES open ones are compared, fetched by one indexed query. Read-only; each line
 * carries nothing about who raised it — no contact, author, photos or internal lines — only
 * whether the caller raised it (`mine`: they cannot support their own) or supports it already.
 */
export async function findSimilarOpinions(
  input: ActionInput<typeof opinionsActions, 'similar'>,
  ctx: ServiceContext,
): Promise<SimilarOpinionsView> {
  const actor = await actorOf(ctx);
  if (Array.from(input.content).length < SIMILAR_MIN_CHARS) return { items: [] };
  const candidates = await ctx.store.listOpinionsOfCategory(
    input.stationId,
    input.category,
    SUPPORTABLE_STATUSES,
    SIMILAR_CANDIDATES,
  );
  const draft = bigrams(input.content);
  const alike = candidates
    .map((opinion) => ({ opinion, score: diceOf(draft, bigrams(opinion.content)) }))
    .filter((c) => c.score >= SIMILARITY_THRESHOLD)
    .sort((a, b) => b.score - a.score || b.opinion.createdAt - a.opinion.createdAt)
    .slice(0, SIMILAR_SHOWN)
    .map((c) => c.opinion);
  const supported = await ctx.store.listSupportedAmong(
    actor.openid,
    alike.map((o) => o.id),
  );
  return {
    items: alike.map((o) => ({
      id: o.id,
      shortId: shortIdOf(o.id),
      excerpt: excerpt(o.content),
      category: o.category,
      categoryLabel: CATEGORY_LABELS[o.category],
      status: o.status,
      statusLabel: OPINION_STATUS_LABELS[o.status],
      supportCount: o.supportCount ?? 0,
      createdAt: o.createdAt,
      supportedByMe: supported.has(o.id),
      mine: o.authorOpenid === actor.openid,
    })),
  };
}

/**
 * opinions.support (附议): a voter who met the same problem joins an open opinion. Once per
 * person: the row, a public line that never says who, and an audit line are one transaction,
 * and a second 附议 answers the same view and writes nothing. Its author cannot (CONFLICT); an
 * opinion no longer open cannot (CONFLICT); one held for review or withdrawn is shown to nobody
 * else, so it is NOT_FOUND like one that does not exist. Deputies, staff and the committee
 * handle opinions rather than support them (FORBIDDEN).
 */
export async function supportOpinion(
  input: ActionInput<typeof opinionsActions, 'support'>,
  ctx: ServiceContext,
): Promise<OpinionView> {
  const actor = await actorOf(ctx);
  requireRole(actor, ['voter'], '附议是选民的功能，代表和工作人员请在办理页面处理意见');
  // Another change of the case between reading it and writing the row is read again.
  for (let attempt = 1; ; attempt += 1) {
    const opinion = await ctx.store.getOpinion(input.opinionId);
    if (!opinion || opinion.status === 'held' || opinion.status === 'withdrawn') {
      throw new AppError('NOT_FOUND', '没有找到这条意见');
    }
    if (opinion.authorOpenid === actor.openid) {
      throw new AppError('CONFLICT', '这是您自己提的意见，不需要附议');
    }
    if (await ctx.store.isSupporting(opinion.id, actor.openid)) return viewOf(ctx, actor, opinion, true);
    if (!isSupportable(opinion.status)) {
      throw new AppError('CONFLICT', '这条意见已经办结或不再办理，不能附议；如果问题还在，请提交新的意见');
    }
    const now = ctx.clock.now();
    const outcome = await ctx.store.addSupport(
      { opinionId: opinion.id, openid: actor.openid, at: now },
      opinion.version,
      event(opinion, now, VOTER, 'supported', SUPPORT_LINE),
      { at: now, actor: actor.openid, action: 'opinions.support', targetType: 'opinion', targetId: opinion.id },
    );
    // The view shows the count this 附议 raised (the opinion was read before it).
    if (outcome === 'added')
      return viewOf(ctx, actor, { ...opinion, supportCount: (opinion.supportCount ?? 0) + 1 }, true);
    // Their other 附议 came first, after this one's read: read it again for the count that one raised.
    if (outcome === 'already') return viewOf(ctx, actor, (await ctx.store.getOpinion(opinion.id)) ?? opinion, true);
    if (attempt >= 3) throw new AppError('CONFLICT', '这条意见刚刚被其他人处理过，请刷新后再操作');
  }
}

/**
 * The same message the author gets, for each supporter of the opinion (the earliest
 * SUPPORTERS_NOTIFIED), to be written in the change's transaction.
 */
export async function notifySupporters<K extends NotificationKind>(
  ctx: ServiceContext,
  opinion: Opinion,
  at: number,
  kind: K,
  payload: NotificationPayloads[K],
): Promise<OutboxMessage[]> {
  if (!opinion.supportCount) return [];
  const supporters = await ctx.store.listSupporters(opinion.id, SUPPORTERS_NOTIFIED);
  return supporters
    .filter((s) => s.openid !== opinion.authorOpenid)
    .flatMap((s) => notify(opinion, at, kind, s.openid, payload));
}

/**
 * Who follows `target` once `duplicate` is merged into it: the duplicate's voter and its
 * supporters (the earliest SUPPORTERS_CARRIED_ON_MERGE) become supporters of the target — not its
 * own author, nor a walk-in nobody claimed, nor a voter who erased their account. They keep their
 * link to the duplicate too, which shows where it went.
 */
export async function supportersCarriedOver(
  ctx: ServiceContext,
  duplicate: Opinion,
  target: Opinion,
  at: number,
): Promise<OpinionSupport[]> {
  const supporters = duplicate.supportCount
    ? await ctx.store.listSupporters(duplicate.id, SUPPORTERS_CARRIED_ON_MERGE)
    : [];
  const openids = [duplicate.authorOpenid, ...supporters.map((s) => s.openid)];
  const carried = new Set(
    openids.filter((openid) => openid && !isErasedAuthor(openid) && openid !== target.authorOpenid),
  );
  return [...carried].map((openid) => ({ opinionId: target.id, openid, at }));
}
