import type { caseworkActions } from '../../src/domain/actions/casework';
import type { ActionInput } from '../../src/domain/actions/action-spec';
import type { opinionsActions } from '../../src/domain/actions/opinions';
import { claimCodeExpiresAt } from '../../src/domain/claim-codes';
import { AppError } from '../../src/domain/errors';
import { shanghaiDate } from '../../src/domain/dates';
import { isPhotoIn } from '../../src/domain/photo-files';
import { consentAt } from '../../src/domain/personal-data';
import type { Contact, Opinion, TimelineEvent } from '../../src/domain/opinion';
import { type OutboxMessage, QuotaExceededError } from '../ports/opinion-store';
import type { CategoryId } from '../../src/domain/categories';
import type { SubmitResult } from '../../src/domain/views';
import { actorOf, requireRole, type Actor } from './actor';
import type { ServiceContext } from './context';
import { assignment, decideRouting, event, SYSTEM, VOTER } from './opinion-change';

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

function result(opinion: Opinion): SubmitResult {
  return {
    opinionId: opinion.id,
    status: opinion.status,
    assignedDeputyId: opinion.assignedDeputyId ?? null,
    replyDueAt: opinion.replyDueDate ?? null,
  };
}

/**
 * Create an opinion and route it, once per (submitter, requestId): a retry returns the first
 * answer and writes nothing (the store finds the first one in the creating transaction, so a
 * first submit reads nothing for it). The text is checked first: risky is refused, review is
 * held for staff, anything else goes to a deputy by the routing rule (or the staff queue).
 */
async function createAndRoute(
  ctx: ServiceContext,
  actor: Actor,
  draft: OpinionDraft,
  walkIn: boolean,
): Promise<Opinion> {
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
    authorOpenid: walkIn ? '' : actor.openid,
    submittedBy: actor.openid,
    source: walkIn ? 'walk_in' : 'app',
    ...(walkIn ? { claimCode: await freeClaimCode(ctx) } : {}),
    requestId: draft.requestId,
    status: 'submitted',
    version: 1,
    createdAt: now,
    reopenCount: 0,
    updatedAt: now,
  };
  // One Asia/Shanghai day's quota per voter, counted in the creating transaction (walk-ins are staff's).
  const quota = walkIn ? undefined : { key: `${actor.openid}:${shanghaiDate(now)}`, max: ctx.config.dailySubmitLimit };
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
  const submitter = walkIn ? { role: 'staff' as const, name: actor.name } : VOTER;
  const events = [
    event(base, now, submitter, 'submitted', walkIn ? `${actor.name}在接待日代为登记了这条意见` : '意见已提交'),
  ];
  if (verdict === 'review') {
    const held: Opinion = { ...base, status: 'held' };
    events.push(event(base, now, SYSTEM, 'held', '内容正在审核，审核通过后将交代表办理'));
    return create(held, events, []);
  }
  const decision = await decideRouting(ctx, base);
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
  return result(await createAndRoute(ctx, actor, input, false));
}

/**
 * casework.intake: staff record a walk-in opinion from a reception day; the voter gets a claim
 * code, valid 30 days (the answer says until when, for the staff to tell the voter).
 */
export async function intakeOpinion(
  input: ActionInput<typeof caseworkActions, 'intake'>,
  ctx: ServiceContext,
): Promise<SubmitResult & { claimCode: string; claimCodeExpiresAt: number }> {
  const actor = await actorOf(ctx);
  requireRole(actor, ['staff', 'admin'], '只有联络站工作人员可以代为登记');
  const stationId = input.stationId ?? actor.stationId;
  if (!stationId) throw new AppError('INVALID_INPUT', '请选择联络站');
  if (actor.role === 'staff' && stationId !== actor.stationId) {
    throw new AppError('FORBIDDEN', '只能为本站登记意见');
  }
  const opinion = await createAndRoute(ctx, actor, { ...input, stationId }, true);
  return {
    ...result(opinion),
    claimCode: opinion.claimCode ?? '',
    claimCodeExpiresAt: claimCodeExpiresAt(opinion.createdAt),
  };
}
