import type { ActionInput } from '../../src/domain/actions/action-spec';
import type { opinionsActions } from '../../src/domain/actions/opinions';
import { isClaimable, noSuchClaimCode } from '../../src/domain/claim-codes';
import { excerptOf } from '../../src/domain/notifications';
import { shanghaiDate } from '../../src/domain/dates';
import { replyDueDate } from '../../src/domain/deadlines';
import { AppError } from '../../src/domain/errors';
import { createHolidayCalendar } from '../../src/domain/holiday-calendar';
import { canTransition, transition } from '../../src/domain/lifecycle';
import { SATISFACTION_LABELS, type OpinionStatus } from '../../src/domain/opinion';
import { withoutContact } from '../../src/domain/personal-data';
import type { OpinionSummary, OpinionView, Page } from '../../src/domain/views';
import { actorOf, visibleOpinion } from './actor';
import type { ServiceContext } from './context';
import { assignment, commit, decideRouting, event, notify, requireCleanText, SYSTEM, VOTER } from './opinion-change';
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

/** The caller and their own opinion; NOT_FOUND when they may not see it, FORBIDDEN when not theirs. */
export async function ownOpinion(ctx: ServiceContext, opinionId: string) {
  const actor = await actorOf(ctx);
  const opinion = await visibleOpinion(ctx, actor, opinionId);
  if (opinion.authorOpenid !== actor.openid) throw new AppError('FORBIDDEN', '只有提出意见的选民可以这样做');
  return { actor, opinion };
}

/**
 * opinions.withdraw: the voter takes an opinion back before it is answered. Its contact and consent
 * are erased at once (a public line says so): nobody needs to call about a withdrawn opinion.
 */
export async function withdrawOpinion(input: ActionInput<typeof opinionsActions, 'withdraw'>, ctx: ServiceContext) {
  const { actor, opinion } = await ownOpinion(ctx, input.opinionId);
  if (!canTransition(opinion.status, 'withdraw', 'voter'))
    throw new AppError('CONFLICT', WITHDRAW_REFUSED[opinion.status]);
  if (input.reason) await requireCleanText(ctx, input.reason, actor.openid);
  const status = transition(opinion.status, 'withdraw', 'voter');
  const now = ctx.clock.now();
  const text = input.reason ? `选民撤回了意见：${input.reason}` : '选民撤回了意见';
  // A withdrawn opinion needs nobody to call its voter: the contact goes with the withdrawal.
  const lines = [event(opinion, now, VOTER, 'withdrawn', text)];
  if (opinion.contact) lines.push(event(opinion, now, SYSTEM, 'contact_erased', CONTACT_ERASED_ON_WITHDRAWAL));
  const saved = await commit(ctx, opinion, { ...withoutContact(opinion), status }, lines);
  return viewOf(ctx, actor, saved);
}

/**
 * opinions.rate: after resolution the voter rates it. 满意 or 基本满意 closes it. A first 不满意
 * sends it back to the same deputy with a new due date (reopenCount + 1) — or, when that deputy
 * is no longer active, to the one the routing rule names, or to staff review with nobody left;
 * a second one puts it before the station's staff for review.
 */
export async function rateOpinion(input: ActionInput<typeof opinionsActions, 'rate'>, ctx: ServiceContext) {
  const { actor, opinion } = await ownOpinion(ctx, input.opinionId);
  if (opinion.status !== 'resolved' || opinion.staffReview) throw new AppError('CONFLICT', '这条意见现在不能评价');
  if (input.comment) await requireCleanText(ctx, input.comment, actor.openid);
  const now = ctx.clock.now();
  const rating = { satisfaction: input.satisfaction, ...(input.comment ? { comment: input.comment } : {}), at: now };
  const said = `选民评价：${SATISFACTION_LABELS[input.satisfaction]}${input.comment ? `，${input.comment}` : ''}`;
  const rated = event(opinion, now, VOTER, 'rated', said);

  if (input.satisfaction !== 'dissatisfied') {
    const status = transition(opinion.status, 'close', 'voter');
    return viewOf(ctx, actor, await commit(ctx, opinion, { ...opinion, status, rating }, [rated]));
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
        return viewOf(ctx, actor, await commit(ctx, opinion, next, [rated, line, ...events], outbox));
      }
      const saved = await commit(ctx, opinion, { ...opinion, rating, staffReview: true }, [
        rated,
        event(opinion, now, SYSTEM, 'review', '选民不满意，原办理代表已不再履职，已提交联络站处理'),
      ]);
      return viewOf(ctx, actor, saved);
    }
    const due = replyDueDate(shanghaiDate(now), createHolidayCalendar(await ctx.store.listHolidayArrangements()));
    const account = await ctx.store.getAccountByDeputy(opinion.assignedDeputyId);
    const saved = await commit(
      ctx,
      opinion,
      { ...opinion, status, rating, reopenCount: 1, assignedAt: now, replyDueDate: due },
      [rated, event(opinion, now, SYSTEM, 'reopened', '选民不满意，已退回代表重新办理')],
      notify(opinion, now, 'reopened_to_deputy', account?.openid, { due, excerpt: excerptOf(opinion.content) }),
    );
    return viewOf(ctx, actor, saved);
  }
  const saved = await commit(ctx, opinion, { ...opinion, rating, staffReview: true }, [
    rated,
    event(opinion, now, SYSTEM, 'review', '选民再次不满意，已提交联络站复核'),
  ]);
  return viewOf(ctx, actor, saved);
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
  // A change racing this one (another claimer, staff at work) is looked at again: the loser of
  // two claimers must get the same answer as for any other taken code.
  for (let attempt = 1; ; attempt += 1) {
    const opinion = await ctx.store.getOpinionByClaimCode(input.claimCode);
    if (opinion && opinion.authorOpenid === actor.openid) return viewOf(ctx, actor, opinion);
    if (!opinion || !isClaimable(opinion, now)) throw noSuchClaimCode();
    try {
      const saved = await commit(ctx, opinion, { ...opinion, authorOpenid: actor.openid }, [
        event(opinion, now, VOTER, 'claimed', '选民已在小程序中关注这条意见'),
      ]);
      return viewOf(ctx, actor, saved);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'CONFLICT') || attempt >= 3) throw error;
    }
  }
}
