import { AppError } from '../../src/domain/errors';
import { latestAnswer, type Suggestion } from '../../src/domain/suggestion';
import { canMoveSuggestion, type SuggestionAction } from '../../src/domain/suggestion-lifecycle';
import type { SuggestionPermissions } from '../../src/domain/suggestion-views';
import type { Actor } from './actor';
import type { ServiceContext } from './context';

/** The part a caller plays in a 建议, which decides what they see and may do. */
export type SuggestionPart = 'lead' | 'cosigner' | 'committee' | 'staff' | 'leadUnit' | 'coUnit' | 'pastUnit';

/**
 * The caller's part in a 建议, or null when it is none of theirs: its 领衔 and 附议代表 (a draft
 * only to them), the committee and station staff (once submitted; staff read only), the units it
 * is in the hands of, and a unit that had it before a granted 退回 (read only). Voters have none:
 * they see a summary on their own opinion's page.
 */
export function partIn(actor: Actor, s: Suggestion): SuggestionPart | null {
  switch (actor.role) {
    case 'deputy':
      if (s.leadDeputyId === actor.deputyId) return 'lead';
      return s.coSigners.some((c) => c.deputyId === actor.deputyId) ? 'cosigner' : null;
    // A draft withdrawn before it was submitted never reached them: it stays the deputies' own.
    case 'admin':
      return s.submittedAt === undefined ? null : 'committee';
    case 'staff':
      return s.submittedAt === undefined ? null : 'staff';
    case 'unit': {
      if (!actor.unitId || !s.assignment) return null;
      if (s.assignment.leadUnitId === actor.unitId) return 'leadUnit';
      if (s.assignment.coUnitIds.includes(actor.unitId)) return 'coUnit';
      return s.returns.some((r) => r.unitId === actor.unitId) ? 'pastUnit' : null;
    }
    default:
      return null;
  }
}

/** Load a 建议 the caller has a part in, or NOT_FOUND (its existence is not revealed). */
export async function visibleSuggestion(
  ctx: ServiceContext,
  actor: Actor,
  suggestionId: string,
): Promise<{ suggestion: Suggestion; part: SuggestionPart }> {
  const suggestion = await ctx.store.getSuggestion(suggestionId);
  const part = suggestion ? partIn(actor, suggestion) : null;
  if (!suggestion || !part) throw new AppError('NOT_FOUND', '没有找到这件建议');
  return { suggestion, part };
}

/** Refuse unless the caller plays one of `parts` (FORBIDDEN with a message saying who may). */
export function requirePart(part: SuggestionPart, parts: readonly SuggestionPart[], message: string): void {
  if (!parts.includes(part)) throw new AppError('FORBIDDEN', message);
}

const ACTOR_OF_PART: Record<SuggestionPart, 'deputy' | 'admin' | 'unit' | null> = {
  lead: 'deputy',
  cosigner: 'deputy',
  committee: 'admin',
  staff: null,
  leadUnit: 'unit',
  coUnit: 'unit',
  pastUnit: null,
};

/**
 * What the caller may do now: the lifecycle table allows it in this status, the caller plays the
 * part the service requires, and the step's own once-only rule has not been used up.
 */
export function permissionsOf(actor: Actor, part: SuggestionPart, s: Suggestion): SuggestionPermissions {
  const role = ACTOR_OF_PART[part];
  const may = (action: SuggestionAction, parts: readonly SuggestionPart[]) =>
    role !== null && parts.includes(part) && canMoveSuggestion(s.status, action, role);
  const latest = latestAnswer(s);
  return {
    edit: may('edit', ['lead']),
    cosign: may('cosign', ['cosigner']) && awaitsConfirmation(s, actor.deputyId),
    submit: may('submit', ['lead']) && s.coSigners.every((c) => c.confirmedAt !== undefined),
    withdraw: may('withdraw', ['lead']),
    decline: may('decline', ['committee']),
    assign: may('assign', ['committee']),
    requestReturn: may('requestReturn', ['leadUnit']) && !hasAskedReturn(s, actor.unitId),
    ruleReturn: may('reassign', ['committee']),
    extend: may('extend', ['committee']),
    coView: may('coView', ['coUnit']) && !s.coViews.some((v) => v.unitId === actor.unitId),
    answer: may('answer', ['leadUnit']),
    feedback: may('settle', ['lead']),
    fulfil: may('fulfil', ['leadUnit']) && latest?.answerClass === 'B' && !s.fulfilment,
    supervise: may('supervise', ['committee']) && !s.keySupervision,
  };
}

/** Whether a 附议代表 (`deputyId`) still has to confirm. */
export function awaitsConfirmation(s: Suggestion, deputyId: string | undefined): boolean {
  return s.status === 'draft' && s.coSigners.some((c) => c.deputyId === deputyId && c.confirmedAt === undefined);
}

/** Whether a unit already asked to return this 建议 (a unit asks once). */
export function hasAskedReturn(s: Suggestion, unitId: string | undefined): boolean {
  return s.returns.some((r) => r.unitId === unitId);
}
