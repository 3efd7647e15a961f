import type { ActionInput } from '../../src/domain/actions/action-spec';
import type { opinionsActions } from '../../src/domain/actions/opinions';
import { AppError } from '../../src/domain/errors';
import { shanghaiDate } from '../../src/domain/dates';
import { isPhotoIn } from '../../src/domain/photo-files';
import { consentAt } from '../../src/domain/personal-data';
import type { ActorRole, Contact, Opinion, OpinionSource, TimelineEvent } from '../../src/domain/opinion';
import { type OutboxMessage, QuotaExceededError } from '../ports/opinion-store';
import type { CategoryId } from '../../src/domain/categories';
import type { SubmitResult } from '../../src/domain/views';
import { actorOf, type Actor } from './actor';
import type { ServiceContext } from './context';
import { assignment, event, routingOf, SYSTEM, VOTER } from './opinion-change';

export interface OpinionDraft {
  stationId: string;
  category: CategoryId;
  content: string;
  requestId: string;
  images?: string[];
  contact?: Contact;
  anonymous?: boolean;
}

/** A claim code no other opinion has (codes are random; a clash is retried). */
async function freeClaimCode(ctx: ServiceContext): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const code = ctx.ids.claimCode();
    if (!(await ctx.store.getOpinionByClaimCode(code))) return code;
  }
  throw new AppError('INTERNAL');
}

export function result(opinion: Opinion): SubmitResult {
  return {
    opinionId: opinion.id,
    status: opinion.status,
    assignedDeputyId: opinion.assignedDeputyId ?? null,
    replyDueAt: opinion.replyDueDate ?? null,
  };
}

/** How someone else took an opinion down for a voter: staff at a reception day, or a deputy on their visit. */
export type RecordedFor = Exclude<OpinionSource, 'app'>;

/** The first public line of an opinion, in the words of whoever put it in. */
function submittedLine(
  actor: Actor,
  recordedFor: RecordedFor | undefined,
): { who: { role: ActorRole; name: string }; text: string } {
  if (recordedFor === 'visit')
    return { who: { role: 'deputy', name: actor.name }, text: `${actor.name}走访选民时代为登记了这条意见` };
  if (recordedFor === 'walk_in')
    return { who: { role: 'staff', name: actor.name }, text: `${actor.name}在接待日代为登记了这条意见` };
  return { who: VOTER, text: '意见已提交' };
}

/**
 * Create an opinion and route it, once per (submitter, requestId): a retry returns the first
 * answer and writes nothing (the store finds the first one in the creating transaction, so a
 * first submit reads nothing for it). The text is checked first: risky is refused, review is
 * held for staff, anything else goes to a deputy by the routing rule (or the staff queue) —
 * except one a deputy took down on their own visit, which stays with them (`routingOf`).
 */
export async function createAndRoute(
  ctx: ServiceContext,
  actor: Actor,
  draft: OpinionDraft,
  recordedFor?: RecordedFor,
): Promise<Opinion> {
  // Taken down for a voter: no author until claimed, a claim code, and the recorder's limit, not the voter's.
  const forVoter = recordedFor !== undefined;
  const now = ctx.clock.now();
  const id = ctx.ids.opinionId(actor.openid, draft.requestId);

  // Before any check fetches them with the server's privileges: only the caller's own uploads.
  const folder = ctx.ids.photoFolder(actor.openid);
  if ((draft.images ?? []).some((fileId) => !isPhotoIn(fileId, folder))) {
    throw new AppError('INVALID_INPUT', '只能附上您本人刚上传的照片，请重新选择照片');
  }
  if (!(await ctx.store.getStation(draft.stationId))) throw new AppError('NOT_FOUND', '没有找到这个联络站');
  // The contact name is shown to deputies and staff, so it is checked with the text.
  const checked = draft.contact ? `${draft.content}\n${draft.contact.name}` : draft.content;
  const verdict = await ctx.contentCheck.checkText(checked, actor.openid);
  if (verdict === 'risky') throw new AppError('CONTENT_REJECTED', '意见内容含有不适宜发布的信息，请修改后再提交');
  const images = draft.images ?? [];
  const imageVerdicts = await Promise.all(images.map((fileId) => ctx.contentCheck.checkImage(fileId, actor.openid)));
  if (imageVerdicts.some((v) => v.verdict === 'risky')) {
    throw new AppError('CONTENT_REJECTED', '有图片未通过安全审核，请更换后再提交');
  }
  const hiddenImages = images.filter((_, i) => imageVerdicts[i]?.verdict === 'pending');
  const pendingChecks = images.flatMap((fileId, i) => {
    const v = imageVerdicts[i];
    return v?.verdict === 'pending' && v.traceId ? [{ traceId: v.traceId, fileId }] : [];
  });

  const base: Opinion = {
    id,
    stationId: draft.stationId,
    category: draft.category,
    content: draft.content,
    images,
    ...(hiddenImages.length ? { hiddenImages } : {}),
    // The voter (or, for a walk-in, staff on the voter's word) agreed to the notice of today.
    ...(draft.contact ? { contact: draft.contact, consent: consentAt(now) } : {}),
    anonymous: draft.anonymous ?? false,
    authorOpenid: forVoter ? '' : actor.openid,
    submittedBy: actor.openid,
    source: recordedFor ?? 'app',
    ...(forVoter ? { claimCode: await freeClaimCode(ctx) } : {}),
    requestId: draft.requestId,
    status: 'submitted',
    version: 1,
    createdAt: now,
    reopenCount: 0,
    updatedAt: now,
  };
  // One Asia/Shanghai day's quota per voter, counted in the creating transaction (one taken down for a voter counts against its recorder's own casework.intake limit).
  const quota = forVoter
    ? undefined
    : { key: `${actor.openid}:${shanghaiDate(now)}`, max: ctx.config.dailySubmitLimit };
  const create = async (opinion: Opinion, lines: TimelineEvent[], outbox: OutboxMessage[]) => {
    try {
      const { created, opinion: saved } = await ctx.store.createOpinion(opinion, lines, outbox, quota);
      if (created && pendingChecks.length) await ctx.store.recordMediaChecks(saved.id, pendingChecks);
      return saved;
    } catch (error) {
      if (error instanceof QuotaExceededError) {
        throw new AppError('RATE_LIMITED', `每天最多提交${ctx.config.dailySubmitLimit}条意见，请明天再提交`);
      }
      throw error;
    }
  };
  const first = submittedLine(actor, recordedFor);
  const events = [event(base, now, first.who, 'submitted', first.text)];
  if (verdict === 'review') {
    const held: Opinion = { ...base, status: 'held' };
    events.push(event(base, now, SYSTEM, 'held', '内容正在审核，审核通过后将交代表办理'));
    return create(held, events, []);
  }
  const decision = await routingOf(ctx, base);
  if (!decision.deputyId) {
    events.push(event(base, now, SYSTEM, 'queued', '已转联络站工作人员分派'));
    events.push(event(base, now, SYSTEM, 'routing', decision.reason, 'internal'));
    return create({ ...base, routingReason: decision.reason }, events, []);
  }
  const assigned = await assignment(ctx, base, decision.deputyId, decision.reason, SYSTEM);
  return create(assigned.next, [...events, ...assigned.events], assigned.outbox);
}

/** opinions.submit: a voter's opinion. */
export async function submitOpinion(
  input: ActionInput<typeof opinionsActions, 'submit'>,
  ctx: ServiceContext,
): Promise<SubmitResult> {
  const actor = await actorOf(ctx);
  return result(await createAndRoute(ctx, actor, input));
}
