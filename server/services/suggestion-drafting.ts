import type { ActionInput } from '../../src/domain/actions/action-spec';
import type { suggestionsActions } from '../../src/domain/actions/suggestions';
import { shanghaiDate, formatYearDateZh } from '../../src/domain/dates';
import { AppError } from '../../src/domain/errors';
import { createHolidayCalendar } from '../../src/domain/holiday-calendar';
import { shortIdOf } from '../../src/domain/opinion';
import type { Suggestion } from '../../src/domain/suggestion';
import { decisionDueDate } from '../../src/domain/suggestion-deadlines';
import { suggestionTransition } from '../../src/domain/suggestion-lifecycle';
import type { SuggestionView } from '../../src/domain/suggestion-views';
import { actorOf, type Actor } from './actor';
import type { ServiceContext } from './context';
import { requireCleanText } from './opinion-change';
import { awaitsConfirmation, requirePart, visibleSuggestion } from './suggestion-access';
import {
  commitSuggestion,
  deputyContacts,
  sourceLines,
  sourceVoterNotices,
  suggestionAudit,
  suggestionEvent,
  suggestionNotices,
  titleOf,
} from './suggestion-change';
import { requireDeputy, toSuggestionView } from './suggestion-view';

type Body = ActionInput<typeof suggestionsActions, 'draft'>;

/** Opinions a deputy may cite: each routed to them, and one that was accepted (not held, withdrawn or rejected). */
const CITABLE = new Set(['assigned', 'transferred', 'replied', 'resolved', 'closed']);

/**
 * Check what a draft cites and who co-signs it: every opinion is one routed to the 领衔 deputy and
 * accepted; every 附议代表 is another deputy in office. INVALID_INPUT naming the first that is not.
 */
async function checkBody(ctx: ServiceContext, actor: Actor, deputyId: string, body: Body): Promise<void> {
  const opinions = await Promise.all(body.opinionIds.map((id) => ctx.store.getOpinion(id)));
  opinions.forEach((o, i) => {
    if (!o || o.assignedDeputyId !== deputyId || !CITABLE.has(o.status)) {
      throw new AppError(
        'INVALID_INPUT',
        `只能引用交由您办理的群众意见（编号${shortIdOf(body.opinionIds[i] ?? '')}不符合）`,
      );
    }
  });
  if (body.coSignerIds.includes(deputyId)) throw new AppError('INVALID_INPUT', '领衔代表不必再作为附议代表');
  const cosigners = await Promise.all(body.coSignerIds.map((id) => ctx.store.getDeputy(id)));
  if (cosigners.some((d) => !d || !d.active)) throw new AppError('INVALID_INPUT', '附议代表须为在任的人大代表');
  await requireCleanText(ctx, `${body.title}\n${body.reason}\n${body.content}`, actor.openid);
}

/** The deputies asked to confirm their 附议: a message each. */
async function askCosigners(ctx: ServiceContext, s: Suggestion, actor: Actor, at: number, ids: readonly string[]) {
  return suggestionNotices(s.id, at, 'suggestion_to_deputy', await deputyContacts(ctx, ids), {
    title: titleOf(s),
    result: '待您附议',
    note: `${actor.name}邀请您联名提出这件建议，请查看并确认`,
  });
}

/** suggestions.draft: a deputy drafts a 建议 from opinions routed to them, alone or with 附议代表. */
export async function draftSuggestion(
  input: ActionInput<typeof suggestionsActions, 'draft'>,
  ctx: ServiceContext,
): Promise<SuggestionView> {
  const actor = await actorOf(ctx);
  const deputyId = requireDeputy(actor);
  await checkBody(ctx, actor, deputyId, input);
  const now = ctx.clock.now();
  const draft: Suggestion = {
    id: ctx.ids.suggestionId(),
    title: input.title,
    reason: input.reason,
    content: input.content,
    category: input.category,
    leadDeputyId: deputyId,
    coSigners: input.coSignerIds.map((id) => ({ deputyId: id })),
    opinionIds: input.opinionIds,
    status: 'draft',
    version: 1,
    createdAt: now,
    updatedAt: now,
    returns: [],
    coViews: [],
    answers: [],
    feedback: [],
    overdueFor: [],
    events: [suggestionEvent(now, actor, 'drafted', `起草建议，引用群众意见${input.opinionIds.length}条`)],
  };
  await ctx.store.createSuggestion(draft, {
    audit: suggestionAudit(now, actor, 'draft', draft.id, {
      opinionIds: input.opinionIds,
      coSignerIds: input.coSignerIds,
    }),
    opinionEvents: [],
    outbox: await askCosigners(ctx, draft, actor, now, input.coSignerIds),
  });
  return toSuggestionView(ctx, actor, 'lead', draft);
}

/**
 * suggestions.edit: the 领衔 deputy rewrites the draft; what the 附议代表 confirmed was the old
 * text, so every confirmation starts again and each of them is asked anew.
 */
export async function editSuggestion(
  input: ActionInput<typeof suggestionsActions, 'edit'>,
  ctx: ServiceContext,
): Promise<SuggestionView> {
  const actor = await actorOf(ctx);
  const { suggestion, part } = await visibleSuggestion(ctx, actor, input.suggestionId);
  requirePart(part, ['lead'], '只有领衔代表可以修改建议');
  suggestionTransition(suggestion.status, 'edit', 'deputy');
  await checkBody(ctx, actor, suggestion.leadDeputyId, input);
  const now = ctx.clock.now();
  const next = {
    ...suggestion,
    title: input.title,
    reason: input.reason,
    content: input.content,
    category: input.category,
    opinionIds: input.opinionIds,
    coSigners: input.coSignerIds.map((id) => ({ deputyId: id })),
    events: [...suggestion.events, suggestionEvent(now, actor, 'edited', '修改了建议，附议代表需重新确认')],
  };
  const saved = await commitSuggestion(ctx, suggestion, next, {
    audit: suggestionAudit(now, actor, 'edit', suggestion.id, {
      opinionIds: input.opinionIds,
      coSignerIds: input.coSignerIds,
    }),
    opinionEvents: [],
    outbox: await askCosigners(ctx, next, actor, now, input.coSignerIds),
  });
  return toSuggestionView(ctx, actor, part, saved);
}

/** suggestions.cosign: a 附议代表 confirms joining the draft as it now reads. */
export async function cosignSuggestion(
  input: ActionInput<typeof suggestionsActions, 'cosign'>,
  ctx: ServiceContext,
): Promise<SuggestionView> {
  const actor = await actorOf(ctx);
  const { suggestion, part } = await visibleSuggestion(ctx, actor, input.suggestionId);
  requirePart(part, ['cosigner'], '只有受邀的附议代表可以确认附议');
  suggestionTransition(suggestion.status, 'cosign', 'deputy');
  if (!awaitsConfirmation(suggestion, actor.deputyId)) throw new AppError('CONFLICT', '您已确认附议');
  const now = ctx.clock.now();
  const coSigners = suggestion.coSigners.map((c) => (c.deputyId === actor.deputyId ? { ...c, confirmedAt: now } : c));
  const allConfirmed = coSigners.every((c) => c.confirmedAt !== undefined);
  const saved = await commitSuggestion(
    ctx,
    suggestion,
    {
      ...suggestion,
      coSigners,
      events: [...suggestion.events, suggestionEvent(now, actor, 'cosigned', '确认附议')],
    },
    {
      audit: suggestionAudit(now, actor, 'cosign', suggestion.id),
      opinionEvents: [],
      outbox: allConfirmed
        ? suggestionNotices(
            suggestion.id,
            now,
            'suggestion_to_deputy',
            await deputyContacts(ctx, [suggestion.leadDeputyId]),
            {
              title: titleOf(suggestion),
              result: '附议已确认',
              note: '附议代表均已确认，可以提交人大工委',
            },
          )
        : [],
    },
  );
  return toSuggestionView(ctx, actor, part, saved);
}

/**
 * suggestions.submit: the 领衔 deputy submits the 建议 to the committee once every 附议代表 has
 * confirmed; the committee decides within 5 working days; each source opinion's voter is told
 * their opinion became a 建议 (a public line on the opinion, and a message).
 */
export async function submitSuggestion(
  input: ActionInput<typeof suggestionsActions, 'submit'>,
  ctx: ServiceContext,
): Promise<SuggestionView> {
  const actor = await actorOf(ctx);
  const { suggestion, part } = await visibleSuggestion(ctx, actor, input.suggestionId);
  requirePart(part, ['lead'], '只有领衔代表可以提交建议');
  const status = suggestionTransition(suggestion.status, 'submit', 'deputy');
  if (suggestion.coSigners.some((c) => c.confirmedAt === undefined))
    throw new AppError('CONFLICT', '还有附议代表未确认，请等全部确认后再提交');
  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  const due = decisionDueDate(today, createHolidayCalendar(await ctx.store.listHolidayArrangements()));
  const line =
    suggestion.opinionIds.length > 1
      ? `代表将这条意见和其他群众意见一起形成代表建议《${suggestion.title}》，已提交人大工委`
      : `代表将这条意见形成代表建议《${suggestion.title}》，已提交人大工委`;
  const saved = await commitSuggestion(
    ctx,
    suggestion,
    {
      ...suggestion,
      status,
      submittedAt: now,
      submittedOn: today,
      decisionDueDate: due,
      events: [
        ...suggestion.events,
        suggestionEvent(now, actor, 'submitted', `提交人大工委，应于${formatYearDateZh(due)}前作出立案或交办决定`),
      ],
    },
    {
      audit: suggestionAudit(now, actor, 'submit', suggestion.id),
      opinionEvents: sourceLines(suggestion, now, { role: 'deputy', name: actor.name }, 'suggestion.submitted', line),
      outbox: await sourceVoterNotices(
        ctx,
        suggestion,
        now,
        '形成建议',
        `代表已将您反映的问题写入代表建议《${suggestion.title}》`,
      ),
    },
  );
  return toSuggestionView(ctx, actor, part, saved);
}

/** suggestions.withdraw: the 领衔 deputy withdraws a draft, or a 建议 the committee has not decided on. */
export async function withdrawSuggestion(
  input: ActionInput<typeof suggestionsActions, 'withdraw'>,
  ctx: ServiceContext,
): Promise<SuggestionView> {
  const actor = await actorOf(ctx);
  const { suggestion, part } = await visibleSuggestion(ctx, actor, input.suggestionId);
  requirePart(part, ['lead'], '只有领衔代表可以撤回建议');
  const status = suggestionTransition(suggestion.status, 'withdraw', 'deputy');
  const now = ctx.clock.now();
  const wasSubmitted = suggestion.status === 'submitted';
  const saved = await commitSuggestion(
    ctx,
    suggestion,
    {
      ...suggestion,
      status,
      events: [...suggestion.events, suggestionEvent(now, actor, 'withdrawn', `撤回建议：${input.reason}`)],
    },
    {
      audit: suggestionAudit(now, actor, 'withdraw', suggestion.id, { reason: input.reason }),
      opinionEvents: wasSubmitted
        ? sourceLines(
            suggestion,
            now,
            { role: 'deputy', name: actor.name },
            'suggestion.withdrawn',
            '代表撤回了据此形成的代表建议，意见仍由代表继续办理',
          )
        : [],
      outbox: [],
    },
  );
  return toSuggestionView(ctx, actor, part, saved);
}
