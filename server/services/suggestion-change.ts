import { excerptOf, type NotificationKind, type NotificationPayloads } from '../../src/domain/notifications';
import type { ActorRole, TimelineEvent } from '../../src/domain/opinion';
import { isErasedAuthor } from '../../src/domain/personal-data';
import type { Suggestion, SuggestionEvent } from '../../src/domain/suggestion';
import { AppError } from '../../src/domain/errors';
import type { OutboxMessage } from '../ports/opinion-store';
import type { SuggestionChange } from '../ports/suggestion-store';
import type { AuditEntry } from '../ports/store-types';
import type { Actor } from './actor';
import type { ServiceContext } from './context';
import { event, outboxMessage } from './opinion-change';

/** What a 建议's messages are about: `suggestion:<id>` (the unit's and deputies' page opens it). */
export function suggestionSubject(suggestionId: string): string {
  return `suggestion:${suggestionId}`;
}

/** A line of a 建议's own timeline. */
export function suggestionEvent(at: number, actor: Pick<Actor, 'name'>, kind: string, text: string): SuggestionEvent {
  return { at, actorName: actor.name, kind, text };
}

/** The audit line of a change of a 建议 by `actor`. */
export function suggestionAudit(
  at: number,
  actor: { openid: string },
  action: string,
  suggestionId: string,
  detail?: Record<string, unknown>,
): AuditEntry {
  return {
    at,
    actor: actor.openid,
    action: `suggestions.${action}`,
    targetType: 'suggestion',
    targetId: suggestionId,
    ...(detail ? { detail } : {}),
  };
}

/**
 * Write `next` over `current` if nobody changed it meanwhile (version check), with its audit
 * line, the source opinions' timeline lines and the messages, in one transaction. CONFLICT when
 * another change won: the loser writes nothing.
 */
export async function commitSuggestion(
  ctx: ServiceContext,
  current: Suggestion,
  next: Omit<Suggestion, 'version' | 'updatedAt'>,
  change: SuggestionChange,
): Promise<Suggestion> {
  const saved: Suggestion = { ...next, version: current.version + 1, updatedAt: ctx.clock.now() };
  const ok = await ctx.store.updateSuggestion(saved, current.version, change);
  if (!ok) throw new AppError('CONFLICT', '这件建议刚刚被其他人处理过，请刷新后再操作');
  return saved;
}

/**
 * A public line on each source opinion's timeline: its voter sees what became of the 建议 their
 * opinion fed, on their opinion's page, and nothing else of it.
 */
export function sourceLines(
  s: Pick<Suggestion, 'opinionIds'>,
  at: number,
  actor: { role: ActorRole; name: string },
  kind: string,
  text: string,
): TimelineEvent[] {
  return s.opinionIds.map((opinionId) => event({ id: opinionId }, at, actor, kind, text));
}

/** How many supporters of each source opinion hear of its 建议, as of its reply (the earliest first). */
export const SUPPORTERS_TOLD = 50;

/**
 * A message to each source opinion's voter and its supporters (附议, followed like one's own; at
 * most `SUPPORTERS_TOLD` of each opinion), once per person, none for an unclaimed walk-in or an
 * erased voter: what became of the 建议, in a phrase and a note.
 */
export async function sourceVoterNotices(
  ctx: ServiceContext,
  s: Pick<Suggestion, 'opinionIds'>,
  at: number,
  result: string,
  note: string,
): Promise<OutboxMessage[]> {
  const [opinions, supporters] = await Promise.all([
    Promise.all(s.opinionIds.map((id) => ctx.store.getOpinion(id))),
    Promise.all(s.opinionIds.map((id) => ctx.store.listSupporters(id, SUPPORTERS_TOLD))),
  ]);
  const told = new Set<string>();
  const out: OutboxMessage[] = [];
  opinions.forEach((opinion, i) => {
    if (!opinion) return;
    const people = [opinion.authorOpenid, ...(supporters[i] ?? []).map((x) => x.openid)];
    for (const voter of people) {
      if (!voter || isErasedAuthor(voter) || told.has(voter)) continue;
      told.add(voter);
      out.push(
        outboxMessage(opinion.id, at, 'suggestion_to_voter', voter, {
          excerpt: excerptOf(opinion.content),
          result,
          note: excerptOf(note, 80),
        }),
      );
    }
  });
  return out;
}

/** One message of `kind` about a 建议 to each of `openids`. */
export function suggestionNotices<K extends NotificationKind>(
  suggestionId: string,
  at: number,
  kind: K,
  openids: readonly string[],
  payload: NotificationPayloads[K],
): OutboxMessage[] {
  return [...new Set(openids)].map((openid) =>
    outboxMessage(suggestionSubject(suggestionId), at, kind, openid, payload),
  );
}

/** The OPENIDs of the contacts of the given units. */
export async function unitContacts(ctx: ServiceContext, unitIds: readonly string[]): Promise<string[]> {
  const lists = await Promise.all(unitIds.map((id) => ctx.store.listUnitAccounts(id)));
  return lists.flat().map((a) => a.openid);
}

/** The OPENIDs of the given deputies' linked accounts (a deputy without one hears nothing). */
export async function deputyContacts(ctx: ServiceContext, deputyIds: readonly string[]): Promise<string[]> {
  const accounts = await Promise.all(deputyIds.map((id) => ctx.store.getAccountByDeputy(id)));
  return accounts.flatMap((a) => (a ? [a.openid] : []));
}

/** A 建议's title as a message quotes it. */
export function titleOf(s: Pick<Suggestion, 'title'>): string {
  return excerptOf(s.title, 40);
}
