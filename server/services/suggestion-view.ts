import { maskNumbersInText } from '../../src/domain/personal-data';
import type { ActionInput } from '../../src/domain/actions/action-spec';
import type { suggestionsActions } from '../../src/domain/actions/suggestions';
import { categoryLabel } from '../../src/domain/categories';
import { AppError } from '../../src/domain/errors';
import { excerptOf } from '../../src/domain/notifications';
import { SATISFACTION_LABELS, shortIdOf } from '../../src/domain/opinion';
import {
  ANSWER_CLASS_LABELS,
  DECLINE_GROUND_LABELS,
  pendingDueDate,
  SUGGESTION_OPEN_STATUSES,
  SUGGESTION_STATUS_LABELS,
  type HandlingUnit,
  type Suggestion,
  type SuggestionStatus,
} from '../../src/domain/suggestion';
import { isSuggestionOverdue } from '../../src/domain/suggestion-figures';
import type {
  SuggestionListItem,
  SuggestionListView,
  SuggestionSourceView,
  SuggestionView,
} from '../../src/domain/suggestion-views';
import type { Deputy } from '../../src/domain/station';
import type { SuggestionQuery } from '../ports/suggestion-store';
import { actorOf, requireRole, type Actor } from './actor';
import type { ServiceContext } from './context';
import { awaitsConfirmation, partIn, permissionsOf, visibleSuggestion, type SuggestionPart } from './suggestion-access';

/** A page of a box. */
export const SUGGESTION_PAGE_SIZE = 20;

const nameIn = (list: ReadonlyArray<{ id: string; name: string }>, id: string) =>
  list.find((x) => x.id === id)?.name ?? '（已删除）';

/**
 * The source opinions as a 建议 shows them: what was raised, where and when — never who raised it,
 * how to reach them, or their photos, whoever looks (units included).
 */
async function sourcesOf(ctx: ServiceContext, s: Suggestion): Promise<SuggestionSourceView[]> {
  const [opinions, stations, supports] = await Promise.all([
    Promise.all(s.opinionIds.map((id) => ctx.store.getOpinion(id))),
    ctx.store.listStations(),
    ctx.store.countSupports(s.opinionIds),
  ]);
  return opinions.flatMap((o) =>
    o
      ? [
          {
            opinionId: o.id,
            shortId: shortIdOf(o.id),
            excerpt: excerptOf(maskNumbersInText(o.content), 120),
            categoryLabel: categoryLabel(o.category),
            stationName: nameIn(stations, o.stationId),
            createdAt: o.createdAt,
            supportCount: supports.get(o.id) ?? 0,
          },
        ]
      : [],
  );
}

/** A 建议 as `actor`, who plays `part` in it, sees it. */
export async function toSuggestionView(
  ctx: ServiceContext,
  actor: Actor,
  part: SuggestionPart,
  s: Suggestion,
): Promise<SuggestionView> {
  const [deputies, units, sources] = await Promise.all([
    ctx.store.listDeputies(),
    ctx.store.listHandlingUnits(),
    sourcesOf(ctx, s),
  ]);
  const unitName = (id: string) => nameIn(units, id);
  const due = pendingDueDate(s);
  return {
    id: s.id,
    shortId: shortIdOf(s.id),
    title: s.title,
    reason: s.reason,
    content: s.content,
    categoryLabel: categoryLabel(s.category),
    status: s.status,
    statusLabel: SUGGESTION_STATUS_LABELS[s.status],
    lead: { deputyId: s.leadDeputyId, name: nameIn(deputies, s.leadDeputyId) },
    coSigners: s.coSigners.map((c) => ({
      deputyId: c.deputyId,
      name: nameIn(deputies, c.deputyId),
      confirmed: c.confirmedAt !== undefined,
    })),
    sources,
    createdAt: s.createdAt,
    ...(s.submittedAt !== undefined ? { submittedAt: s.submittedAt } : {}),
    ...(s.decisionDueDate ? { decisionDueDate: s.decisionDueDate } : {}),
    ...(s.decline
      ? { decline: { groundLabel: DECLINE_GROUND_LABELS[s.decline.ground], note: s.decline.note, at: s.decline.at } }
      : {}),
    ...(s.assignment
      ? {
          assignment: {
            leadUnit: { id: s.assignment.leadUnitId, name: unitName(s.assignment.leadUnitId) },
            coUnits: s.assignment.coUnitIds.map((id) => ({ id, name: unitName(id) })),
            assignedOn: s.assignment.assignedOn,
            dueDate: s.assignment.dueDate,
            coViewDueDate: s.assignment.coViewDueDate,
            ...(s.assignment.extension
              ? { extension: { dueDate: s.assignment.extension.dueDate, reason: s.assignment.extension.reason } }
              : {}),
          },
        }
      : {}),
    returns: s.returns.map((r) => ({
      unitName: unitName(r.unitId),
      reason: r.reason,
      at: r.at,
      ...(r.ruling
        ? { ruling: { label: r.ruling.decision === 'reassigned' ? '同意改交' : '不同意退回', note: r.ruling.note } }
        : {}),
    })),
    coViews: s.coViews.map((v) => ({ unitName: unitName(v.unitId), content: v.content, at: v.at })),
    answers: s.answers.map((a) => ({
      unitName: unitName(a.unitId),
      answerClass: a.answerClass,
      classLabel: ANSWER_CLASS_LABELS[a.answerClass],
      content: a.content,
      ...(a.plannedDate ? { plannedDate: a.plannedDate } : {}),
      at: a.at,
      onTime: a.onTime,
      round: a.round,
    })),
    feedback: s.feedback.map((f) => ({
      satisfactionLabel: SATISFACTION_LABELS[f.satisfaction],
      ...(f.comment ? { comment: f.comment } : {}),
      at: f.at,
      round: f.round,
    })),
    ...(s.fulfilment ? { fulfilment: s.fulfilment } : {}),
    ...(s.keySupervision ? { keySupervision: s.keySupervision } : {}),
    ...(due ? { pendingDueDate: due } : {}),
    overdue: isSuggestionOverdue(s, ctx.clock.now()),
    overdueCount: s.overdueFor.length,
    events: s.events,
    can: permissionsOf(actor, part, s),
  };
}

/** suggestions.get: a 建议 the caller has a part in (NOT_FOUND to anyone else). */
export async function getSuggestion(
  input: ActionInput<typeof suggestionsActions, 'get'>,
  ctx: ServiceContext,
): Promise<SuggestionView> {
  const actor = await actorOf(ctx);
  const { suggestion, part } = await visibleSuggestion(ctx, actor, input.suggestionId);
  return toSuggestionView(ctx, actor, part, suggestion);
}

const FINISHED: readonly SuggestionStatus[] = ['declined', 'settled', 'withdrawn'];
const NOT_DRAFTS: readonly SuggestionStatus[] = [...SUGGESTION_OPEN_STATUSES, ...FINISHED];

const PART_LABELS: Partial<Record<SuggestionPart, string>> = {
  lead: '领衔',
  cosigner: '附议',
  leadUnit: '主办',
  coUnit: '协办',
  pastUnit: '已改交',
};

/**
 * suggestions.list: the caller's box — a deputy's 建议 (led or co-signed, drafts included), a
 * unit's (主办 or 协办), every submitted one for the committee and station staff; voters have none.
 */
export async function listSuggestions(
  input: ActionInput<typeof suggestionsActions, 'list'>,
  ctx: ServiceContext,
): Promise<SuggestionListView> {
  const actor = await actorOf(ctx);
  requireRole(actor, ['deputy', 'unit', 'staff', 'admin'], '代表建议只对代表、承办单位和工作人员开放');
  const scope: Omit<SuggestionQuery, 'limit'> =
    actor.role === 'deputy'
      ? { deputyId: actor.deputyId ?? '' }
      : actor.role === 'unit'
        ? { unitId: actor.unitId ?? '' }
        : {};
  const wanted =
    input.state === 'open'
      ? actor.role === 'deputy'
        ? ['draft' as const, ...SUGGESTION_OPEN_STATUSES]
        : SUGGESTION_OPEN_STATUSES
      : input.state === 'finished'
        ? FINISHED
        : actor.role === 'deputy'
          ? undefined
          : NOT_DRAFTS;
  const page = await ctx.store.listSuggestions({
    ...scope,
    ...(wanted ? { statuses: wanted } : {}),
    limit: SUGGESTION_PAGE_SIZE,
    ...(input.cursor ? { cursor: input.cursor } : {}),
  });
  const [deputies, units] = await Promise.all([ctx.store.listDeputies(), ctx.store.listHandlingUnits()]);
  const items = page.items.flatMap((s) => {
    const part = partIn(actor, s);
    return part ? [listItem(ctx, actor, s, part, deputies, units)] : [];
  });
  return { items, ...(page.cursor ? { cursor: page.cursor } : {}) };
}

function listItem(
  ctx: ServiceContext,
  actor: Actor,
  s: Suggestion,
  part: SuggestionPart,
  deputies: readonly Deputy[],
  units: readonly HandlingUnit[],
): SuggestionListItem {
  const due = pendingDueDate(s);
  const label = PART_LABELS[part];
  return {
    id: s.id,
    shortId: shortIdOf(s.id),
    title: s.title,
    status: s.status,
    statusLabel: SUGGESTION_STATUS_LABELS[s.status],
    leadName: nameIn(deputies, s.leadDeputyId),
    ...(s.assignment ? { leadUnitName: nameIn(units, s.assignment.leadUnitId) } : {}),
    ...(due ? { pendingDueDate: due } : {}),
    overdue: isSuggestionOverdue(s, ctx.clock.now()),
    keySupervision: s.keySupervision !== undefined,
    ...(label ? { roleLabel: label } : {}),
    ...(part === 'cosigner' && awaitsConfirmation(s, actor.deputyId) ? { awaitsYou: true as const } : {}),
    updatedAt: s.updatedAt,
  };
}

/** suggestions.units: the active 承办单位, for the committee's 交办 and anyone reading a 建议. */
export async function listUnits(
  _input: ActionInput<typeof suggestionsActions, 'units'>,
  ctx: ServiceContext,
): Promise<{ units: HandlingUnit[] }> {
  const actor = await actorOf(ctx);
  requireRole(actor, ['deputy', 'unit', 'staff', 'admin'], '代表建议只对代表、承办单位和工作人员开放');
  return { units: (await ctx.store.listHandlingUnits()).filter((u) => u.active) };
}

/** The 建议 a deputy drafts from: NOT_FOUND unless the caller is a deputy linked to a record. */
export function requireDeputy(actor: Actor): string {
  if (actor.role !== 'deputy' || !actor.deputyId) throw new AppError('FORBIDDEN', '只有人大代表可以提出代表建议');
  return actor.deputyId;
}
