import type { ActionInput } from '../../src/domain/actions/action-spec';
import type { opinionsActions } from '../../src/domain/actions/opinions';
import { isClaimable, noSuchClaimCode } from '../../src/domain/claim-codes';
import { excerptOf } from '../../src/domain/notifications';
import { shanghaiDate } from '../../src/domain/dates';
import { replyDueDate } from '../../src/domain/deadlines';
import { AppError } from '../../src/domain/errors';
import { createHolidayCalendar } from '../../src/domain/holiday-calendar';
import { canTransition, transition } from '../../src/domain/lifecycle';
import { SATISFACTION_LABELS, type Opinion, type OpinionStatus } from '../../src/domain/opinion';
import { withoutContact } from '../../src/domain/personal-data';
import type { OpinionSummary, OpinionView, Page } from '../../src/domain/views';
import { actorOf, requireVisible, visibleOpinion, type Actor } from './actor';
import type { ServiceContext } from './context';
import {
  assignment,
  changeOpinion,
  decideRouting,
  event,
  notify,
  type OpinionChange,
  requireCleanText,
  SYSTEM,
  VOTER,
} from './opinion-change';
import { summariesOf, summaryPage, viewOf } from './opinion-view';

/** The timeline line of a withdrawal that took the voter's contact with it. */
export const CONTACT_ERASED_ON_WITHDRAWAL = '意见已撤回，联系方式已随之删除';

/** Why a withdrawal is refused, in the words that fit the opinion's state. */
const WITHDRAW_REFUSED: Record<OpinionStatus, string> = {
  submitted: '',
  held: '',
  assigned: '',
  transferred: '',
  replied: '代表已经答复，不能再撤回',
  resolved: '这条意见已经办结，不能再撤回',
  closed: '这条意见已经办结，不能再撤回',
  rejected: '这条意见已不予受理，无需撤回',
  withdrawn: '这条意见已经撤回',
};

/**
 * opinions.mine: the caller's own opinions, newest first, a page at a time; with `supported`,
 * those they support (我附议的), the latest 附议 first.
 */
export async function listMyOpinions(
  input: ActionInput<typeof opinionsActions, 'mine'>,
  ctx: ServiceContext,
): Promise<Page<OpinionSummary>> {
  const actor = await actorOf(ctx);
  if (!input.supported) return summaryPage(ctx, { authorOpenid: actor.openid }, input);
  const page = await ctx.store.listSupportedOpinions(actor.openid, input.cursor, input.limit ?? 20);
  const items = await summariesOf(ctx, page.items, true);
  return { items: items.map((o) => ({ ...o, supportedByMe: true as const })), nextCursor: page.nextCursor };
}

/** opinions.get: one opinion, as far as the caller may see it. */
export async function getOpinion(
  input: ActionInput<typeof opinionsActions, 'get'>,
  ctx: ServiceContext,
): Promise<OpinionView> {
  const actor = await actorOf(ctx);
  return viewOf(ctx, actor, await visibleOpinion(ctx, actor, input.opinionId));
}

/** NOT_FOUND when the actor may not see the opinion, FORBIDDEN when it is not theirs. */
export async function requireOwn(ctx: ServiceContext, actor: Actor, opinion: Opinion): Promise<void> {
  await requireVisible(ctx, actor, opinion);
  if (opinion.authorOpenid !== actor.openid) throw new AppError('FORBIDDEN', '只有提出意见的选民可以这样做');
}

/**
 * opinions.withdraw: the voter takes an opinion back before it is answered. Its contact and consent
 * are erased at once (a public line says so): nobody needs to call about a withdrawn opinion.
 */
export async function withdrawOpinion(input: ActionInput<typeof opinionsActions, 'withdraw'>, ctx: ServiceContext) {
  const actor = await actorOf(ctx);
  if (input.reason) await requireCleanText(ctx, input.reason, actor.openid);
  const saved = await changeOpinion(ctx, input.opinionId, async (opinion) => {
    await requireOwn(ctx, actor, opinion);
    if (!canTransition(opinion.status, 'withdraw', 'voter'))
      throw new AppError('CONFLICT', WITHDRAW_REFUSED[opinion.status]);
    const status = transition(opinion.status, 'withdraw', 'voter');
    const now = ctx.clock.now();
    const text = input.reason ? `撤回了意见：${input.reason}` : '撤回了意见';
    // A withdrawn opinion needs nobody to call its voter: the contact goes with the withdrawal.
    const lines = [event(opinion, now, VOTER, 'withdrawn', text)];
    if (opinion.contact) lines.push(event(opinion, now, SYSTEM, 'contact_erased', CONTACT_ERASED_ON_WITHDRAWAL));
    return { next: { ...withoutContact(opinion), status }, events: lines };
  });
  return viewOf(ctx, actor, saved);
}

/**
 * opinions.rate: after resolution the voter rates it. 满意 or 基本满意 closes it. A first 不满意
 * sends it back to the same deputy with a new due date (reopenCount + 1) — or, when that deputy
 * is no longer active, to the one the routing rule names, or to staff review with nobody left;
 * a second one puts it before the station's staff for review.
 */
export async function rateOpinion(input: ActionInput<typeof opinionsActions, 'rate'>, ctx: ServiceContext) {
  const actor = await actorOf(ctx);
  if (input.comment) await requireCleanText(ctx, input.comment, actor.openid);
  const saved = await changeOpinion(ctx, input.opinionId, async (opinion) => {
    await requireOwn(ctx, actor, opinion);
    if (opinion.status !== 'resolved' || opinion.staffReview) throw new AppError('CONFLICT', '这条意见现在不能评价');
    return ratingChange(ctx, opinion, input);
  });
  return viewOf(ctx, actor, saved);
}

/** What a rating changes, by the rules of rateOpinion. */
async function ratingChange(
  ctx: ServiceContext,
  opinion: Opinion,
  input: ActionInput<typeof opinionsActions, 'rate'>,
): Promise<OpinionChange> {
  const now = ctx.clock.now();
  const rating = { satisfaction: input.satisfaction, ...(input.comment ? { comment: input.comment } : {}), at: now };
  // Shown after who said it (选民：评价为满意), so the text does not name the voter again.
  const said = `评价为${SATISFACTION_LABELS[input.satisfaction]}${input.comment ? `，${input.comment}` : ''}`;
  const rated = event(opinion, now, VOTER, 'rated', said);

  if (input.satisfaction !== 'dissatisfied') {
    const status = transition(opinion.status, 'close', 'voter');
    return { next: { ...opinion, status, rating }, events: [rated] };
  }
  if (opinion.reopenCount === 0 && opinion.assignedDeputyId) {
    const status = transition(opinion.status, 'reopen', 'voter');
    const deputy = await ctx.store.getDeputy(opinion.assignedDeputyId);
    if (!deputy?.active) {
      // The deputy who handled it has stepped down: the routing rule names another, and with
      // nobody left at the station it goes before the staff, as a second 不满意 does.
      const reopened = { ...opinion, status, rating, reopenCount: 1 };
      const { deputyId, reason } = await decideRouting(ctx, opinion, opinion.assignedDeputyId);
      if (deputyId) {
        const { next, events, outbox } = await assignment(ctx, reopened, deputyId, reason, SYSTEM);
        const line = event(
          opinion,
          now,
          SYSTEM,
          'reopened',
          '选民不满意，原办理代表已不再履职，已转交其他代表重新办理',
        );
        return { next, events: [rated, line, ...events], outbox };
      }
      return {
        next: { ...opinion, rating, staffReview: true },
        events: [rated, event(opinion, now, SYSTEM, 'review', '选民不满意，原办理代表已不再履职，已提交联络站处理')],
      };
    }
    const due = replyDueDate(shanghaiDate(now), createHolidayCalendar(await ctx.store.listHolidayArrangements()));
    const account = await ctx.store.getAccountByDeputy(opinion.assignedDeputyId);
    return {
      next: { ...opinion, status, rating, reopenCount: 1, assignedAt: now, replyDueDate: due },
      events: [rated, event(opinion, now, SYSTEM, 'reopened', '选民不满意，已退回代表重新办理')],
      outbox: notify(opinion, now, 'reopened_to_deputy', account?.openid, { due, excerpt: excerptOf(opinion.content) }),
    };
  }
  return {
    next: { ...opinion, rating, staffReview: true },
    events: [rated, event(opinion, now, SYSTEM, 'review', '选民再次不满意，已提交联络站复核')],
  };
}

/**
 * opinions.claim: a voter whose opinion was recorded at a reception day follows it with its code.
 * Codes are short enough to guess, so a caller gets ten tries a Shanghai day; a code lapses 30
 * days after the recording; and an unknown, lapsed or already claimed code gets one answer, so
 * that no answer tells which codes exist. The voter who claimed it may enter it again.
 */
export async function claimOpinion(input: ActionInput<typeof opinionsActions, 'claim'>, ctx: ServiceContext) {
  const actor = await actorOf(ctx);
  // The ten tries a day are counted before this runs, right or wrong (`WRITE_LIMITS`).
  const now = ctx.clock.now();
  const found = await ctx.store.getOpinionByClaimCode(input.claimCode);
  if (!found) throw noSuchClaimCode();
  if (found.authorOpenid === actor.openid) return viewOf(ctx, actor, found);
  // Decided again on the opinion as the claim writes it: the loser of two claimers racing each
  // other gets the same answer as for any other taken code.
  const saved = await changeOpinion(ctx, found.id, async (opinion) => {
    if (opinion.claimCode !== input.claimCode) throw noSuchClaimCode();
    if (opinion.authorOpenid === actor.openid) return null;
    if (!isClaimable(opinion, now)) throw noSuchClaimCode();
    return {
      next: { ...opinion, authorOpenid: actor.openid },
      events: [event(opinion, now, VOTER, 'claimed', '已在小程序中关注这条意见')],
    };
  });
  return viewOf(ctx, actor, saved);
}
