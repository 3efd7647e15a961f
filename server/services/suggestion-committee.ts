import type { ActionInput } from '../../src/domain/actions/action-spec';
import type { suggestionsActions } from '../../src/domain/actions/suggestions';
import { formatYearDateZh, shanghaiDate } from '../../src/domain/dates';
import { AppError } from '../../src/domain/errors';
import {
  DECLINE_GROUND_LABELS,
  signersOf,
  unitsOf,
  type Suggestion,
  type UnitAssignment,
} from '../../src/domain/suggestion';
import { answerDueDate, coViewDueDate, latestExtendedDueDate } from '../../src/domain/suggestion-deadlines';
import { suggestionTransition } from '../../src/domain/suggestion-lifecycle';
import type { SuggestionView } from '../../src/domain/suggestion-views';
import { actorOf, type Actor } from './actor';
import type { ServiceContext } from './context';
import { requirePart, visibleSuggestion, type SuggestionPart } from './suggestion-access';
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

const COMMITTEE = { role: 'admin' as const, name: '人大工委' };
const ONLY_COMMITTEE = '只有人大工委可以立案、交办和督办代表建议';

async function committeeCase(
  ctx: ServiceContext,
  suggestionId: string,
): Promise<{ actor: Actor; suggestion: Suggestion; part: SuggestionPart }> {
  const actor = await actorOf(ctx);
  const found = await visibleSuggestion(ctx, actor, suggestionId);
  requirePart(found.part, ['committee'], ONLY_COMMITTEE);
  return { actor, ...found };
}

/** The units named for 交办: each exists and is active. INVALID_INPUT otherwise. */
async function checkUnits(ctx: ServiceContext, unitIds: readonly string[]): Promise<Map<string, string>> {
  const units = await ctx.store.listHandlingUnits();
  const names = new Map(units.filter((u) => u.active).map((u) => [u.id, u.name]));
  for (const id of unitIds) if (!names.has(id)) throw new AppError('INVALID_INPUT', '请选择在册的承办单位');
  return names;
}

/** 交办 today: 3 months for the 主办's answer, 1 month for the 协办's views. */
function assignmentOf(leadUnitId: string, coUnitIds: readonly string[], now: number): UnitAssignment {
  const today = shanghaiDate(now);
  return {
    leadUnitId,
    coUnitIds: [...coUnitIds],
    assignedAt: now,
    assignedOn: today,
    dueDate: answerDueDate(today),
    coViewDueDate: coViewDueDate(today),
  };
}

/** The messages of a 交办 (or 改交): the 主办's and 协办's contacts, and the deputies. */
async function assignmentNotices(ctx: ServiceContext, s: Suggestion, a: UnitAssignment, what: string, now: number) {
  const title = titleOf(s);
  return [
    ...suggestionNotices(s.id, now, 'suggestion_to_unit', await unitContacts(ctx, [a.leadUnitId]), {
      title,
      what: `${what}（主办）`,
      due: a.dueDate,
    }),
    ...suggestionNotices(s.id, now, 'suggestion_to_unit', await unitContacts(ctx, a.coUnitIds), {
      title,
      what: `${what}（协办）`,
      due: a.coViewDueDate,
    }),
  ];
}

function unitList(names: Map<string, string>, a: UnitAssignment): string {
  const co = a.coUnitIds.map((id) => names.get(id) ?? id);
  return `${names.get(a.leadUnitId) ?? a.leadUnitId}（主办）${co.length ? `、${co.join('、')}（协办）` : ''}`;
}

/**
 * suggestions.assign: the committee accepts (立案) and hands the 建议 to one 主办 and any 协办
 * units (交办); the 主办 answers within 3 months, the 协办 give views within 1 month. A decision
 * after the 5 working days is still taken, and the timeline says it was late.
 */
export async function assignSuggestion(
  input: ActionInput<typeof suggestionsActions, 'assign'>,
  ctx: ServiceContext,
): Promise<SuggestionView> {
  const { actor, suggestion, part } = await committeeCase(ctx, input.suggestionId);
  const status = suggestionTransition(suggestion.status, 'assign', 'admin');
  const names = await checkUnits(ctx, [input.leadUnitId, ...input.coUnitIds]);
  const now = ctx.clock.now();
  const assignment = assignmentOf(input.leadUnitId, input.coUnitIds, now);
  const late = suggestion.decisionDueDate !== undefined && assignment.assignedOn > suggestion.decisionDueDate;
  const text = `立案并交${unitList(names, assignment)}办理，应于${formatYearDateZh(assignment.dueDate)}前答复`;
  const saved = await commitSuggestion(
    ctx,
    suggestion,
    {
      ...suggestion,
      status,
      assignment,
      events: [
        ...suggestion.events,
        suggestionEvent(now, actor, 'assigned', late ? `${text}（交办晚于5个工作日）` : text),
      ],
    },
    {
      audit: suggestionAudit(now, actor, 'assign', suggestion.id, {
        leadUnitId: input.leadUnitId,
        coUnitIds: input.coUnitIds,
        late,
      }),
      opinionEvents: sourceLines(suggestion, now, COMMITTEE, 'suggestion.assigned', `据此形成的代表建议已${text}`),
      outbox: [
        ...(await assignmentNotices(ctx, suggestion, assignment, '交办', now)),
        ...suggestionNotices(
          suggestion.id,
          now,
          'suggestion_to_deputy',
          await deputyContacts(ctx, signersOf(suggestion)),
          {
            title: titleOf(suggestion),
            result: '已交办',
            note: text,
          },
        ),
      ],
    },
  );
  return toSuggestionView(ctx, actor, part, saved);
}

/**
 * suggestions.decline: the committee does not accept the 建议 (不予立案), on one of the grounds of
 * the rules and a note; its deputies and each source opinion's voter are told why.
 */
export async function declineSuggestion(
  input: ActionInput<typeof suggestionsActions, 'decline'>,
  ctx: ServiceContext,
): Promise<SuggestionView> {
  const { actor, suggestion, part } = await committeeCase(ctx, input.suggestionId);
  const status = suggestionTransition(suggestion.status, 'decline', 'admin');
  const now = ctx.clock.now();
  const why = `${DECLINE_GROUND_LABELS[input.ground]}：${input.note}`;
  const saved = await commitSuggestion(
    ctx,
    suggestion,
    {
      ...suggestion,
      status,
      decline: { ground: input.ground, note: input.note, at: now },
      events: [...suggestion.events, suggestionEvent(now, actor, 'declined', `不予立案（${why}）`)],
    },
    {
      audit: suggestionAudit(now, actor, 'decline', suggestion.id, { ground: input.ground }),
      opinionEvents: sourceLines(
        suggestion,
        now,
        COMMITTEE,
        'suggestion.declined',
        `据此形成的代表建议未予立案（${why}），意见仍由代表继续办理`,
      ),
      outbox: [
        ...suggestionNotices(
          suggestion.id,
          now,
          'suggestion_to_deputy',
          await deputyContacts(ctx, signersOf(suggestion)),
          {
            title: titleOf(suggestion),
            result: '不予立案',
            note: why,
          },
        ),
        ...(await sourceVoterNotices(ctx, suggestion, now, '未予立案', why)),
      ],
    },
  );
  return toSuggestionView(ctx, actor, part, saved);
}

/**
 * suggestions.ruleReturn: the committee rules on a unit's 退回. Granted (reassign): the 建议 goes to
 * the units now named, with a new 交办 day and new clocks; refused: it stays with the unit, whose
 * clock never stopped. Either way the request and the ruling stay on record, counted for the unit.
 */
export async function ruleOnReturn(
  input: ActionInput<typeof suggestionsActions, 'ruleReturn'>,
  ctx: ServiceContext,
): Promise<SuggestionView> {
  const { actor, suggestion, part } = await committeeCase(ctx, input.suggestionId);
  const reassign = input.decision === 'reassign';
  const status = suggestionTransition(suggestion.status, reassign ? 'reassign' : 'refuseReturn', 'admin');
  const pending = suggestion.returns[suggestion.returns.length - 1];
  if (!pending || pending.ruling || !suggestion.assignment) throw new AppError('CONFLICT', '没有待处理的退回申请');
  const now = ctx.clock.now();
  const ruling = { decision: reassign ? ('reassigned' as const) : ('refused' as const), note: input.note, at: now };
  const returns = [...suggestion.returns.slice(0, -1), { ...pending, ruling }];
  if (!reassign) {
    const saved = await commitSuggestion(
      ctx,
      suggestion,
      {
        ...suggestion,
        status,
        returns,
        events: [...suggestion.events, suggestionEvent(now, actor, 'return.refused', `不同意退回：${input.note}`)],
      },
      {
        audit: suggestionAudit(now, actor, 'ruleReturn', suggestion.id, { decision: 'refuse' }),
        opinionEvents: [],
        outbox: suggestionNotices(suggestion.id, now, 'suggestion_to_unit', await unitContacts(ctx, [pending.unitId]), {
          title: titleOf(suggestion),
          what: '退回未获同意',
          due: suggestion.assignment.extension?.dueDate ?? suggestion.assignment.dueDate,
        }),
      },
    );
    return toSuggestionView(ctx, actor, part, saved);
  }
  const leadUnitId = input.leadUnitId!;
  const names = await checkUnits(ctx, [leadUnitId, ...input.coUnitIds]);
  if (leadUnitId === pending.unitId) throw new AppError('INVALID_INPUT', '改交时请选择另一个主办单位');
  const assignment = assignmentOf(leadUnitId, input.coUnitIds, now);
  const text = `同意退回，改交${unitList(names, assignment)}办理，应于${formatYearDateZh(assignment.dueDate)}前答复`;
  const saved = await commitSuggestion(
    ctx,
    suggestion,
    {
      ...suggestion,
      status,
      returns,
      assignment,
      events: [...suggestion.events, suggestionEvent(now, actor, 'return.granted', `${text}（${input.note}）`)],
    },
    {
      audit: suggestionAudit(now, actor, 'ruleReturn', suggestion.id, {
        decision: 'reassign',
        from: pending.unitId,
        leadUnitId,
        coUnitIds: input.coUnitIds,
      }),
      opinionEvents: sourceLines(suggestion, now, COMMITTEE, 'suggestion.reassigned', `据此形成的代表建议已${text}`),
      outbox: await assignmentNotices(ctx, suggestion, assignment, '改交', now),
    },
  );
  return toSuggestionView(ctx, actor, part, saved);
}

/**
 * suggestions.extend: the committee extends a unit's answer, with a reason, to a later day no more
 * than 6 months after 交办. The original due date stays on record (on-time is judged by the new one).
 */
export async function extendSuggestion(
  input: ActionInput<typeof suggestionsActions, 'extend'>,
  ctx: ServiceContext,
): Promise<SuggestionView> {
  const { actor, suggestion, part } = await committeeCase(ctx, input.suggestionId);
  suggestionTransition(suggestion.status, 'extend', 'admin');
  const a = suggestion.assignment;
  if (!a) throw new AppError('CONFLICT', '这件建议尚未交办');
  const current = a.extension?.dueDate ?? a.dueDate;
  const latest = latestExtendedDueDate(a.assignedOn);
  if (input.dueDate <= current) throw new AppError('INVALID_INPUT', '延期后的期限须晚于现在的答复期限');
  if (input.dueDate > latest)
    throw new AppError('INVALID_INPUT', `延期最长至交办后6个月（${formatYearDateZh(latest)}）`);
  const now = ctx.clock.now();
  const text = `答复期限延至${formatYearDateZh(input.dueDate)}（${input.reason}）`;
  const saved = await commitSuggestion(
    ctx,
    suggestion,
    {
      ...suggestion,
      assignment: { ...a, extension: { dueDate: input.dueDate, reason: input.reason, at: now } },
      events: [...suggestion.events, suggestionEvent(now, actor, 'extended', text)],
    },
    {
      audit: suggestionAudit(now, actor, 'extend', suggestion.id, {
        from: current,
        to: input.dueDate,
        reason: input.reason,
      }),
      opinionEvents: [],
      outbox: suggestionNotices(suggestion.id, now, 'suggestion_to_unit', await unitContacts(ctx, [a.leadUnitId]), {
        title: titleOf(suggestion),
        what: '延期',
        due: input.dueDate,
      }),
    },
  );
  return toSuggestionView(ctx, actor, part, saved);
}

/** suggestions.supervise: the committee marks a 建议 for 重点督办; its units are told. */
export async function superviseSuggestion(
  input: ActionInput<typeof suggestionsActions, 'supervise'>,
  ctx: ServiceContext,
): Promise<SuggestionView> {
  const { actor, suggestion, part } = await committeeCase(ctx, input.suggestionId);
  suggestionTransition(suggestion.status, 'supervise', 'admin');
  if (suggestion.keySupervision) throw new AppError('CONFLICT', '这件建议已列为重点督办');
  const now = ctx.clock.now();
  const a = suggestion.assignment;
  const saved = await commitSuggestion(
    ctx,
    suggestion,
    {
      ...suggestion,
      keySupervision: { reason: input.reason, at: now },
      events: [...suggestion.events, suggestionEvent(now, actor, 'supervised', `列为重点督办：${input.reason}`)],
    },
    {
      audit: suggestionAudit(now, actor, 'supervise', suggestion.id, { reason: input.reason }),
      opinionEvents: [],
      outbox: a
        ? suggestionNotices(suggestion.id, now, 'suggestion_to_unit', await unitContacts(ctx, unitsOf(suggestion)), {
            title: titleOf(suggestion),
            what: '重点督办',
            due: a.extension?.dueDate ?? a.dueDate,
          })
        : [],
    },
  );
  return toSuggestionView(ctx, actor, part, saved);
}
