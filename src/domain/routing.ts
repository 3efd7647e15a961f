import { CATEGORY_LABELS, type CategoryId } from './categories';
import type { Deputy } from './station';

export interface RoutingInput {
  category: CategoryId;
  /** The deputies of the opinion's station. */
  deputies: readonly Deputy[];
  /** Deputies on duty at the station's next session. */
  onDutyNext: readonly string[];
  /** Open (assigned or transferred) opinions per deputy id. */
  openCounts: ReadonlyMap<string, number>;
  /** A deputy not to choose again (reassignment away from them). */
  exclude?: string;
}

export interface RoutingDecision {
  deputyId: string | null;
  reason: string;
}

/**
 * The routing rule: among the station's active deputies, prefer those whose focus
 * categories include the opinion's category, then those on duty at the next session, then
 * the fewest open opinions, then the lowest id (a stable tie-break). No deputy → the
 * station's staff queue. The reason names each criterion that decided.
 */
export function routeOpinion(input: RoutingInput): RoutingDecision {
  const candidates = input.deputies.filter((d) => d.active && d.id !== input.exclude);
  if (candidates.length === 0) return { deputyId: null, reason: '本站暂无可分派的代表，转工作人员处理' };
  const score = (d: Deputy) => ({
    focus: d.focusCategories.includes(input.category) ? 1 : 0,
    duty: input.onDutyNext.includes(d.id) ? 1 : 0,
    open: input.openCounts.get(d.id) ?? 0,
  });
  const ranked = [...candidates].sort((a, b) => {
    const x = score(a);
    const y = score(b);
    return y.focus - x.focus || y.duty - x.duty || x.open - y.open || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
  const chosen = ranked[0]!;
  const s = score(chosen);
  const parts = [
    s.focus ? `关注领域包含“${CATEGORY_LABELS[input.category]}”` : '本站代表均未关注该领域',
    s.duty ? '下次接待日值班' : null,
    `手头在办 ${s.open} 件`,
  ].filter(Boolean);
  return { deputyId: chosen.id, reason: `分派给${chosen.name}：${parts.join('，')}` };
}
