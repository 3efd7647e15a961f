import type { ActionInput } from '../../src/domain/actions/action-spec';
import type { suggestionsActions } from '../../src/domain/actions/suggestions';
import { formatYearDateZh, shanghaiDate } from '../../src/domain/dates';
import { AppError } from '../../src/domain/errors';
import { excerptOf } from '../../src/domain/notifications';
import { SATISFACTION_LABELS } from '../../src/domain/opinion';
import { ANSWER_CLASS_LABELS, pendingDueDate, type Suggestion } from '../../src/domain/suggestion';
import { redoDueDate } from '../../src/domain/suggestion-deadlines';
import { suggestionTransition } from '../../src/domain/suggestion-lifecycle';
import type { SuggestionView } from '../../src/domain/suggestion-views';
import { actorOf, type Actor } from './actor';
import type { ServiceContext } from './context';
import { requireCleanText } from './opinion-change';
import { hasAskedReturn, requirePart, visibleSuggestion, type SuggestionPart } from './suggestion-access';
import {
  commitSuggestion,
  deputyContacts,
  sourceLines,
  sourceVoterNotices,
  suggestionAudit,
  suggestionEvent,
  suggestionNotices,
  titleOf,
  unitContacts,
} from './suggestion-change';
import { toSuggestionView } from './suggestion-view';

async function myCase(
  ctx: ServiceContext,
  suggestionId: string,
  parts: readonly SuggestionPart[],
  message: string,
): Promise<{ actor: Actor; suggestion: Suggestion; part: SuggestionPart }> {
  const actor = await actorOf(ctx);
  const found = await visibleSuggestion(ctx, actor, suggestionId);
  requirePart(found.part, parts, message);
  return { actor, ...found };
}

const committeeOpenids = (ctx: ServiceContext) => ctx.config.adminOpenids;

/**
 * suggestions.requestReturn: the 主办 unit asks, once per 建议, to have it handed elsewhere, with a
 * reason. The committee rules; the answer clock does not stop meanwhile. Counted for the unit.
 */
export async function requestReturn(
  input: ActionInput<typeof suggestionsActions, 'requestReturn'>,
  ctx: ServiceContext,
): Promise<SuggestionView> {
  const { actor, suggestion, part } = await myCase(ctx, input.suggestionId, ['leadUnit'], '只有主办单位可以申请退回');
  const status = suggestionTransition(suggestion.status, 'requestReturn', 'unit');
  if (hasAskedReturn(suggestion, actor.unitId)) throw new AppError('CONFLICT', '每件建议只能申请退回一次');
  const now = ctx.clock.now();
  const saved = await commitSuggestion(
    ctx,
    suggestion,
    {
      ...suggestion,
      status,
      returns: [...suggestion.returns, { unitId: actor.unitId!, reason: input.reason, at: now }],
      events: [...suggestion.events, suggestionEvent(now, actor, 'return.requested', `申请退回：${input.reason}`)],
    },
    {
      audit: suggestionAudit(now, actor, 'requestReturn', suggestion.id, {
        unitId: actor.unitId,
        reason: input.reason,
      }),
      opinionEvents: [],
      outbox: suggestionNotices(suggestion.id, now, 'suggestion_to_committee', committeeOpenids(ctx), {
        title: titleOf(suggestion),
        result: '申请退回',
        note: `${actor.name}：${excerptOf(input.reason, 60)}`,
      }),
    },
  );
  return toSuggestionView(ctx, actor, part, saved);
}

/** suggestions.coView: a 协办 unit gives its view to the 主办 (once), due 1 month after 交办. */
export async function giveCoView(
  input: ActionInput<typeof suggestionsActions, 'coView'>,
  ctx: ServiceContext,
): Promise<SuggestionView> {
  const { actor, suggestion, part } = await myCase(ctx, input.suggestionId, ['coUnit'], '只有协办单位可以提交协办意见');
  suggestionTransition(suggestion.status, 'coView', 'unit');
  if (suggestion.coViews.some((v) => v.unitId === actor.unitId)) throw new AppError('CONFLICT', '贵单位已提交协办意见');
  await requireCleanText(ctx, input.content, actor.openid);
  const now = ctx.clock.now();
  const late = suggestion.assignment && shanghaiDate(now) > suggestion.assignment.coViewDueDate;
  const saved = await commitSuggestion(
    ctx,
    suggestion,
    {
      ...suggestion,
      coViews: [...suggestion.coViews, { unitId: actor.unitId!, content: input.content, at: now }],
      events: [
        ...suggestion.events,
        suggestionEvent(now, actor, 'coView', late ? '提交协办意见（逾期）' : '提交协办意见'),
      ],
    },
    {
      audit: suggestionAudit(now, actor, 'coView', suggestion.id, { unitId: actor.unitId, late: Boolean(late) }),
      opinionEvents: [],
      outbox: suggestionNotices(
        suggestion.id,
        now,
        'suggestion_to_unit',
        await unitContacts(ctx, suggestion.assignment ? [suggestion.assignment.leadUnitId] : []),
        { title: titleOf(suggestion), what: '协办意见已到', due: pendingDueDate(suggestion) ?? shanghaiDate(now) },
      ),
    },
  );
  return toSuggestionView(ctx, actor, part, saved);
}

/**
 * suggestions.answer: the 主办 unit answers, with its class — A 已解决或基本解决, B 列入计划逐步解决
 * (with a planned date not before today), C 因条件限制难以解决 (the content explains why). It is on
 * time when given by the due date of its round. The deputies see it whole; each source opinion's
 * voter gets a plain summary on their opinion's page.
 */
export async function answerSuggestion(
  input: ActionInput<typeof suggestionsActions, 'answer'>,
  ctx: ServiceContext,
): Promise<SuggestionView> {
  const { actor, suggestion, part } = await myCase(ctx, input.suggestionId, ['leadUnit'], '只有主办单位可以答复建议');
  const status = suggestionTransition(suggestion.status, 'answer', 'unit');
  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  if (input.answerClass === 'B' && input.plannedDate! < today)
    throw new AppError('INVALID_INPUT', '计划完成日期不能早于今天');
  await requireCleanText(ctx, input.content, actor.openid);
  const due = pendingDueDate(suggestion);
  const onTime = due === undefined || today <= due;
  const round = suggestion.answers.length + 1;
  const classLabel = ANSWER_CLASS_LABELS[input.answerClass];
  const planned = input.answerClass === 'B' ? `，计划${formatYearDateZh(input.plannedDate!)}前完成` : '';
  const summary = `${actor.name}答复（${classLabel}${planned}）：${excerptOf(input.content, 120)}`;
  const saved = await commitSuggestion(
    ctx,
    suggestion,
    {
      ...suggestion,
      status,
      answers: [
        ...suggestion.answers,
        {
          unitId: actor.unitId!,
          answerClass: input.answerClass,
          content: input.content,
          ...(input.answerClass === 'B' ? { plannedDate: input.plannedDate! } : {}),
          at: now,
          answeredOn: today,
          onTime,
          round,
        },
      ],
      events: [
        ...suggestion.events,
        suggestionEvent(
          now,
          actor,
          'answered',
          `${round > 1 ? '再次' : ''}答复（${classLabel}）${onTime ? '' : '，已超过答复期限'}`,
        ),
      ],
    },
    {
      audit: suggestionAudit(now, actor, 'answer', suggestion.id, { answerClass: input.answerClass, onTime, round }),
      opinionEvents: sourceLines(suggestion, now, { role: 'unit', name: actor.name }, 'suggestion.answered', summary),
      outbox: [
        ...suggestionNotices(
          suggestion.id,
          now,
          'suggestion_to_deputy',
          await deputyContacts(ctx, [suggestion.leadDeputyId]),
          {
            title: titleOf(suggestion),
            result: '单位已答复',
            note: `${actor.name}：${classLabel}，请填写征询意见`,
          },
        ),
        ...(await sourceVoterNotices(ctx, suggestion, now, '单位已答复', summary)),
      ],
    },
  );
  return toSuggestionView(ctx, actor, part, saved);
}

/**
 * suggestions.feedback: the 领衔 deputy's 征询意见 on the latest answer. 满意 or 基本满意 settles
 * the 建议; the first 不满意 sends it back to the 主办 for 再办, answered within 1 month; a 不满意
 * on the 再办 answer settles it as 不满意 (it is counted so, and the committee sees it).
 */
export async function giveSuggestionFeedback(
  input: ActionInput<typeof suggestionsActions, 'feedback'>,
  ctx: ServiceContext,
): Promise<SuggestionView> {
  const { actor, suggestion, part } = await myCase(ctx, input.suggestionId, ['lead'], '只有领衔代表可以填写征询意见');
  const redo =
    input.satisfaction === 'dissatisfied' && !suggestion.feedback.some((f) => f.satisfaction === 'dissatisfied');
  const status = suggestionTransition(suggestion.status, redo ? 'sendBack' : 'settle', 'deputy');
  const now = ctx.clock.now();
  const round = suggestion.answers.length;
  const label = SATISFACTION_LABELS[input.satisfaction];
  const redoDue = redo ? redoDueDate(shanghaiDate(now)) : undefined;
  const text = redo
    ? `征询意见：不满意（${input.comment ?? ''}），退回承办单位再办，应于${formatYearDateZh(redoDue!)}前重新答复`
    : `征询意见：${label}${input.comment ? `（${input.comment}）` : ''}，建议办结`;
  const leadUnit = suggestion.assignment?.leadUnitId;
  const saved = await commitSuggestion(
    ctx,
    suggestion,
    {
      ...suggestion,
      status,
      feedback: [
        ...suggestion.feedback,
        { satisfaction: input.satisfaction, ...(input.comment ? { comment: input.comment } : {}), at: now, round },
      ],
      ...(redoDue ? { redoDueDate: redoDue } : {}),
      events: [...suggestion.events, suggestionEvent(now, actor, redo ? 'sentBack' : 'settled', text)],
    },
    {
      audit: suggestionAudit(now, actor, 'feedback', suggestion.id, { satisfaction: input.satisfaction, round }),
      opinionEvents: sourceLines(
        suggestion,
        now,
        { role: 'deputy', name: actor.name },
        redo ? 'suggestion.sentBack' : 'suggestion.settled',
        redo ? '代表对承办单位的答复不满意，已要求重新办理' : `代表对承办单位的答复表示${label}，建议已办结`,
      ),
      outbox: redo
        ? suggestionNotices(
            suggestion.id,
            now,
            'suggestion_to_unit',
            await unitContacts(ctx, leadUnit ? [leadUnit] : []),
            {
              title: titleOf(suggestion),
              what: '再办',
              due: redoDue!,
            },
          )
        : [],
    },
  );
  return toSuggestionView(ctx, actor, part, saved);
}

/** suggestions.fulfil: the 主办 unit reports that a B-class answer's plan has been carried out. */
export async function fulfilSuggestion(
  input: ActionInput<typeof suggestionsActions, 'fulfil'>,
  ctx: ServiceContext,
): Promise<SuggestionView> {
  const { actor, suggestion, part } = await myCase(
    ctx,
    input.suggestionId,
    ['leadUnit'],
    '只有主办单位可以报告落实情况',
  );
  suggestionTransition(suggestion.status, 'fulfil', 'unit');
  const latest = suggestion.answers[suggestion.answers.length - 1];
  if (latest?.answerClass !== 'B') throw new AppError('CONFLICT', '只有B类答复需要报告落实情况');
  if (suggestion.fulfilment) throw new AppError('CONFLICT', '已报告过落实情况');
  const now = ctx.clock.now();
  const saved = await commitSuggestion(
    ctx,
    suggestion,
    {
      ...suggestion,
      fulfilment: { note: input.note, at: now },
      events: [...suggestion.events, suggestionEvent(now, actor, 'fulfilled', `报告落实情况：${input.note}`)],
    },
    {
      audit: suggestionAudit(now, actor, 'fulfil', suggestion.id),
      opinionEvents: sourceLines(
        suggestion,
        now,
        { role: 'unit', name: actor.name },
        'suggestion.fulfilled',
        `${actor.name}报告：列入计划的事项已落实（${excerptOf(input.note, 80)}）`,
      ),
      outbox: suggestionNotices(
        suggestion.id,
        now,
        'suggestion_to_deputy',
        await deputyContacts(ctx, [suggestion.leadDeputyId]),
        {
          title: titleOf(suggestion),
          result: '已落实',
          note: excerptOf(input.note, 60),
        },
      ),
    },
  );
  return toSuggestionView(ctx, actor, part, saved);
}
