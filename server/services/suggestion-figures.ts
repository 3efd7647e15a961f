import type { ActionInput } from '../../src/domain/actions/action-spec';
import type { suggestionsActions } from '../../src/domain/actions/suggestions';
import { periodInstants } from '../../src/domain/figures';
import {
  unitFiguresFrom,
  ZERO_UNIT_COUNTS,
  type UnitCounts,
  type UnitFiguresView,
} from '../../src/domain/suggestion-figures';
import type { LocalDate } from '../../src/domain/dates';
import type { Store } from '../ports/store';
import { actorOf, requireRole } from './actor';
import type { ServiceContext } from './context';

type Counts = Omit<UnitCounts, 'unitId'>;

function sum(rows: readonly Counts[]): Counts {
  const out = { ...ZERO_UNIT_COUNTS };
  for (const row of rows) for (const key of Object.keys(out) as Array<keyof Counts>) out[key] += row[key];
  return out;
}

/**
 * 承办单位办理情况 over the 建议 handed over (交办) from `from` to `to` (Shanghai days, inclusive),
 * and the street's figures: every number counted by the store (GROUP BY, or an aggregate), so
 * the cost does not grow with the documents; a unit with nothing in the period has no row.
 */
export async function unitFigures(store: Store, from: LocalDate, to: LocalDate): Promise<UnitFiguresView> {
  const { fromMs, toMs } = periodInstants({ from, to });
  const [byStatus, byUnit, returns, days, units] = await Promise.all([
    store.countSuggestionsByStatus(fromMs, toMs),
    store.countSuggestionsByUnit(fromMs, toMs),
    store.countSuggestionReturns(fromMs, toMs),
    store.countAnswerDays(fromMs, toMs),
    store.listHandlingUnits(),
  ]);
  const ids = new Set([...byUnit.map((r) => r.unitId), ...returns.map((r) => r.unitId)]);
  const rows = units
    .filter((u) => ids.has(u.id))
    .map((u) => {
      const counts = byUnit.find((r) => r.unitId === u.id) ?? { unitId: u.id, ...ZERO_UNIT_COUNTS };
      const { unitId: _unitId, ...c } = counts;
      return unitFiguresFrom(
        u.id,
        u.name,
        c,
        returns.find((r) => r.unitId === u.id)?.returns ?? 0,
        days.filter((d) => d.unitId === u.id),
      );
    });
  const {
    unitId: _s,
    unitName: _n,
    ...street
  } = unitFiguresFrom(
    '',
    '',
    sum(byUnit),
    returns.reduce((n, r) => n + r.returns, 0),
    days,
  );
  const submitted = Object.entries(byStatus)
    .filter(([status]) => status !== 'draft' && status !== 'withdrawn')
    .reduce((n, [, count]) => n + (count ?? 0), 0);
  return { from, to, submitted, declined: byStatus.declined ?? 0, street, units: rows };
}

/** suggestions.figures: 承办单位办理情况, for station staff and the committee. */
export async function getUnitFigures(
  input: ActionInput<typeof suggestionsActions, 'figures'>,
  ctx: ServiceContext,
): Promise<UnitFiguresView> {
  const actor = await actorOf(ctx);
  requireRole(actor, ['staff', 'admin'], '承办单位办理情况只对工作人员和人大工委开放');
  return unitFigures(ctx.store, input.from, input.to);
}
