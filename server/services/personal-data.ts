import type { ActionInput } from '../../src/domain/actions/action-spec';
import type { accountActions } from '../../src/domain/actions/account';
import type { opinionsActions } from '../../src/domain/actions/opinions';
import type { Clock } from '../../src/domain/dates';
import { AppError } from '../../src/domain/errors';
import type { Opinion, TimelineEvent } from '../../src/domain/opinion';
import { contactRetentionCutoff, erasedAuthorOf, withoutContact } from '../../src/domain/personal-data';
import type { ErasedAccountView, OpinionView } from '../../src/domain/views';
import type { Store } from '../ports/store';
import { actorOf } from './actor';
import type { ServiceContext } from './context';
import { changeOpinion, event, SYSTEM, VOTER } from './opinion-change';
import { viewOf } from './opinion-view';
import { requireOwn } from './voter-opinions';

/** The public timeline line of a voter erasing the contact they gave. */
export const CONTACT_ERASED_BY_VOTER = '删除了联系方式';
/** The public line of the retention job erasing a contact. */
export const CONTACT_ERASED_BY_RETENTION = '意见结束已满保存期限，系统删除了联系方式';
/** The line on each opinion of a voter who erased their account. */
export const AUTHOR_ERASED = '选民删除了个人信息，意见内容保留用于统计';

/** Opinions changed per batch by the retention job and by an account's erasure. */
const BATCH = 100;
/** Batches one retention run goes through; what is left waits for the next day's run. */
const RETENTION_BATCHES = 20;

/**
 * Write `change(opinion)` over the stored opinion with its timeline lines, reading it again when
 * another change came first (a few times): an erasure must not be lost to a race with staff at work.
 * Undefined when, as read now, there is nothing to change.
 */
async function rewrite(
  store: Store,
  now: number,
  first: Opinion,
  change: (o: Opinion) => { next: Opinion; events: TimelineEvent[] } | undefined,
): Promise<Opinion | undefined> {
  let current: Opinion | null = first;
  for (let attempt = 1; current; attempt += 1) {
    const planned = change(current);
    if (!planned) return undefined;
    const next = { ...planned.next, version: current.version + 1, updatedAt: now };
    if (await store.updateOpinion(next, current.version, planned.events, [])) return next;
    if (attempt >= 3) throw new AppError('CONFLICT', '这条意见刚刚被其他人处理过，请稍后再试');
    current = await store.getOpinion(first.id);
  }
  return undefined;
}

/**
 * opinions.eraseContact: the voter erases the contact they left on their opinion. The contact and
 * its consent go, a public timeline line and an audit line say so, and from then on neither the
 * deputy nor staff nor an export sees it. Idempotent: an opinion without a contact is answered as
 * it is, and nothing is written. A walk-in's contact was written down by staff; whoever claimed it
 * with its code cannot erase it (holding the code does not prove being that voter): staff can.
 */
export async function eraseContact(
  input: ActionInput<typeof opinionsActions, 'eraseContact'>,
  ctx: ServiceContext,
): Promise<OpinionView> {
  const actor = await actorOf(ctx);
  const now = ctx.clock.now();
  let erased = false;
  const saved = await changeOpinion(ctx, input.opinionId, async (opinion) => {
    await requireOwn(ctx, actor, opinion);
    if (opinion.source !== 'app') {
      throw new AppError('FORBIDDEN', '这条意见是工作人员在接待日代为登记的，删除联系方式请联系联络站工作人员');
    }
    // Decided on the opinion as written: a contact already gone is answered as it is.
    erased = opinion.contact !== undefined;
    return erased
      ? {
          next: withoutContact(opinion),
          events: [event(opinion, now, VOTER, 'contact_erased', CONTACT_ERASED_BY_VOTER)],
        }
      : null;
  });
  if (erased) {
    await ctx.store.appendAudit({
      at: now,
      actor: actor.openid,
      action: 'opinions.eraseContact',
      targetType: 'opinion',
      targetId: saved.id,
    });
  }
  return viewOf(ctx, actor, saved);
}

/**
 * account.erase: a voter erases their personal data. Every opinion of theirs loses the contact
 * they gave in the app and its link to them (the author becomes a marker of the opinion alone, so the figures still count
 * it and nobody finds it by their OPENID); their follows, 消息, subscription acceptances, read mark
 * and declared 选区 are deleted; one audit line counts what went. Deputies, staff and the committee
 * are refused: their accounts are unbound by the committee first. Doing it again erases what was
 * added since (or nothing).
 */
export async function eraseAccount(
  _input: ActionInput<typeof accountActions, 'erase'>,
  ctx: ServiceContext,
): Promise<ErasedAccountView> {
  const actor = await actorOf(ctx);
  if (actor.role === 'deputy' || actor.role === 'staff' || actor.role === 'unit') {
    throw new AppError(
      'FORBIDDEN',
      '代表、联络站工作人员和承办单位的账号不能自行删除，请先由人大工委解除绑定，再删除个人信息',
    );
  }
  if (actor.role === 'admin') throw new AppError('FORBIDDEN', '人大工委的账号不能在这里删除');
  const now = ctx.clock.now();
  let opinions = 0;
  let contacts = 0;
  // Each rewritten opinion leaves the voter's list, so the first page is read until it is empty.
  for (;;) {
    const page = await ctx.store.listOpinions({ authorOpenid: actor.openid, limit: BATCH });
    if (page.items.length === 0) break;
    for (const found of page.items) {
      let hadContact = false;
      const saved = await rewrite(ctx.store, now, found, (o) => {
        if (o.authorOpenid !== actor.openid) return undefined;
        const marker = erasedAuthorOf(o.id);
        // A walk-in's contact was written down by staff for whoever the voter was: it stays with them.
        const ownContact = o.source === 'app';
        hadContact = ownContact && Boolean(o.contact);
        return {
          next: {
            ...(ownContact ? withoutContact(o) : o),
            authorOpenid: marker,
            submittedBy: o.submittedBy === actor.openid ? marker : o.submittedBy,
          },
          events: [event(o, now, VOTER, 'author_erased', AUTHOR_ERASED)],
        };
      });
      if (saved && hadContact) contacts += 1;
      if (saved) opinions += 1;
    }
  }
  const records = await ctx.store.eraseVoterRecords(actor.openid, {
    at: now,
    actor: actor.openid,
    action: 'account.erase',
    targetType: 'account',
    targetId: actor.openid,
    detail: { opinions, contacts },
  });
  return { opinions, contacts, ...records };
}

/**
 * The scheduler's daily `retention` job: erase the contacts of opinions that ended (closed,
 * rejected, withdrawn) more than CONTACT_RETENTION_DAYS ago, a batch at a time, each with a public
 * timeline line, and one audit line for the run. Run again, it finds nothing left to erase.
 */
export async function eraseExpiredContacts(store: Store, clock: Clock): Promise<{ erased: number }> {
  const now = clock.now();
  const cutoff = contactRetentionCutoff(now);
  let erased = 0;
  for (let batch = 0; batch < RETENTION_BATCHES; batch += 1) {
    const due = await store.listContactsEndedBefore(cutoff, BATCH);
    let progress = 0;
    for (const found of due) {
      const saved = await rewrite(store, now, found, (o) =>
        o.contact
          ? { next: withoutContact(o), events: [event(o, now, SYSTEM, 'contact_erased', CONTACT_ERASED_BY_RETENTION)] }
          : undefined,
      );
      if (saved) progress += 1;
    }
    erased += progress;
    if (due.length < BATCH || progress === 0) break;
  }
  if (erased > 0) {
    await store.appendAudit({
      at: now,
      actor: 'system',
      action: 'retention.eraseContacts',
      targetType: 'opinions',
      targetId: 'contacts',
      detail: { erased, endedBefore: cutoff },
    });
  }
  return { erased };
}
