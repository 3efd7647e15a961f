import type { ActionInput } from '../../src/domain/actions/action-spec';
import type { reportsActions } from '../../src/domain/actions/reports';
import { groupOf } from '../../src/domain/activity';
import { CATEGORY_IDS, CATEGORY_LABELS, type CategoryId } from '../../src/domain/categories';
import { shanghaiDate } from '../../src/domain/dates';
import { AppError } from '../../src/domain/errors';
import {
  addCounts,
  figuresFromCounts,
  monthLabel,
  monthsOf,
  periodInstants,
  type Period,
  type RawCounts,
  ZERO_COUNTS,
} from '../../src/domain/figures';
import type { GroupBy, StatsInput } from '../../src/domain/report-schemas';
import { publicFigures } from '../../src/domain/public-figures';
import type { FigureGroup, PublicStatsView, StatsView } from '../../src/domain/report-views';
import type { FigureQuery, FigureRow } from '../ports/figure-query';
import type { Store } from '../ports/store';
import { actorOf, type Actor } from './actor';
import type { ServiceContext } from './context';

type Scope = StatsView['scope'];

/**
 * What the caller may count: admins everything; staff their own station (another station is
 * FORBIDDEN, none means theirs); deputies the opinions assigned to them; voters nothing.
 */
function scopeFor(actor: Actor, input: StatsInput): Scope {
  const asked: Scope = {
    ...(input.stationId ? { stationId: input.stationId } : {}),
    ...(input.deputyId ? { deputyId: input.deputyId } : {}),
    ...(input.category ? { category: input.category } : {}),
  };
  switch (actor.role) {
    case 'admin':
      return asked;
    case 'staff':
      if (asked.stationId && asked.stationId !== actor.stationId) {
        throw new AppError('FORBIDDEN', '只能查看本联络站的统计');
      }
      return { ...asked, stationId: actor.stationId ?? '-' };
    case 'deputy':
      if (asked.deputyId && asked.deputyId !== actor.deputyId)
        throw new AppError('FORBIDDEN', '代表只能查看本人的统计');
      return { ...asked, deputyId: actor.deputyId ?? '-' };
    default:
      throw new AppError('FORBIDDEN', '只有代表、联络站工作人员和人大工委可以查看统计');
  }
}

/**
 * The groups a report lists, with their labels, in display order: every station, deputy,
 * category or month within the scope (so a station with nothing collected shows its zero), then
 * any other key the counts found (e.g. '' for opinions no deputy holds).
 */
async function groupsInScope(
  ctx: ServiceContext,
  groupBy: GroupBy,
  scope: Scope,
  period: Period,
  rows: readonly FigureRow[],
): Promise<Array<{ key: string; label: string }>> {
  let known: Array<{ key: string; label: string }>;
  const labels = new Map<string, string>();
  switch (groupBy) {
    case 'station': {
      const stations = await ctx.store.listStations();
      for (const s of stations) labels.set(s.id, s.name);
      known = scope.deputyId
        ? []
        : stations
            .filter((s) => !scope.stationId || s.id === scope.stationId)
            .map((s) => ({ key: s.id, label: s.name }));
      break;
    }
    case 'deputy': {
      // All of them for the labels: an opinion may still be with a deputy who left or moved.
      const deputies = await ctx.store.listDeputies();
      for (const d of deputies) labels.set(d.id, d.name);
      labels.set('', '未分派');
      known = deputies
        .filter((d) => (scope.deputyId ? d.id === scope.deputyId : d.active))
        .filter((d) => !scope.stationId || d.stationId === scope.stationId)
        .map((d) => ({ key: d.id, label: d.name }));
      break;
    }
    case 'group': {
      const groups = await ctx.store.listGroups();
      labels.set('', '未编入小组');
      known = groups.map((g) => ({ key: g.id, label: g.name }));
      break;
    }
    case 'category': {
      const ids: readonly CategoryId[] = scope.category ? [scope.category] : CATEGORY_IDS;
      known = ids.map((id) => ({ key: id, label: CATEGORY_LABELS[id] }));
      break;
    }
    case 'month':
      known = monthsOf(period).map((m) => ({ key: m, label: monthLabel(m) }));
      break;
  }
  const listed = new Set(known.map((g) => g.key));
  const others = rows.filter((r) => !listed.has(r.key)).map((r) => ({ key: r.key, label: labels.get(r.key) ?? r.key }));
  return [...known, ...others];
}

/**
 * The store's rows for a grouping. A 人大小组's are its members' deputy rows added up, each opinion
 * counted for the group of the deputy who holds it now (key '' for opinions of deputies in no
 * group, or held by none): the store counts, the service only adds a few dozen rows.
 */
async function countRows(store: Store, query: FigureQuery, groupBy: GroupBy): Promise<FigureRow[]> {
  if (groupBy !== 'group') return store.countFiguresBy(query, groupBy);
  const [rows, groups] = await Promise.all([store.countFiguresBy(query, 'deputy'), store.listGroups()]);
  const byGroup = new Map<string, RawCounts>();
  for (const row of rows) {
    const key = groupOf(groups, row.key)?.id ?? '';
    byGroup.set(key, addCounts(byGroup.get(key) ?? ZERO_COUNTS, row.counts));
  }
  return [...byGroup].map(([key, counts]) => ({ key, counts }));
}

/**
 * reports.stats: the figures of src/domain/figures.ts for a period, within the caller's reach,
 * added up by the store; with `groupBy`, the same per station, deputy, category or month.
 */
export async function getStats(input: StatsInput, ctx: ServiceContext): Promise<StatsView> {
  const actor = await actorOf(ctx);
  return countStats(input, scopeFor(actor, input), ctx);
}

/** The figures of a period within `scope`, counted by the store (no caller check: callers decide the scope). */
export async function countStats(input: StatsInput, scope: Scope, ctx: ServiceContext): Promise<StatsView> {
  const store = ctx.store;
  const period: Period = { from: input.from, to: input.to };
  const query = { ...periodInstants(period), ...scope, today: shanghaiDate(ctx.clock.now()) };
  const groupBy = input.groupBy;
  // Grouped, the total is the sum of the groups: every opinion is in exactly one (a station, a
  // deputy or none, a category, a month, a 人大小组 or none), so one reading of the counters serves
  // both — half the counters a grouped report read before. The tests check each group against a
  // recount of its opinions, and the ungrouped total against a recount of all.
  const rows = groupBy ? await countRows(store, query, groupBy) : null;
  const total = rows ? rows.reduce((sum, r) => addCounts(sum, r.counts), ZERO_COUNTS) : await store.countFigures(query);
  const view: StatsView = { period, scope, ...figuresFromCounts(total) };
  if (!groupBy || !rows) return view;
  const counted = new Map(rows.map((r) => [r.key, r.counts]));
  const groups: FigureGroup[] = (await groupsInScope(ctx, groupBy, scope, period, rows)).map((g) => ({
    ...g,
    ...figuresFromCounts(counted.get(g.key) ?? ZERO_COUNTS),
  }));
  return { ...view, groupBy, groups };
}

/**
 * reports.publicStats: the same figures per station for anyone, voters included — aggregates
 * only, no opinion, name or number of a person, over whole months (the input's rule). A station,
 * its replies or its ratings under 10 items read 样本不足 and nothing else, and so does the
 * next smallest when the street's total would give them away (src/domain/public-figures.ts).
 */
export async function getPublicStats(
  input: ActionInput<typeof reportsActions, 'publicStats'>,
  ctx: ServiceContext,
): Promise<PublicStatsView> {
  return publicFigures(await countStats({ from: input.from, to: input.to, groupBy: 'station' }, {}, ctx));
}
