import type { SuggestionStatus } from '../../../src/domain/suggestion';
import { type SuggestionStatusCounts, type UnitCounts, ZERO_UNIT_COUNTS } from '../../../src/domain/suggestion-figures';
import type { SuggestionStore } from '../../ports/suggestion-store';
import { aggregateAll } from './documents';

/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK's aggregate builder is untyped */
type Db = any;
type Row = Record<string, unknown>;

type SuggestionFigures = Pick<
  SuggestionStore,
  | 'countSuggestionsByStatus'
  | 'countSuggestionsByUnit'
  | 'countSuggestionReturns'
  | 'countAnswerDays'
  | 'countSuggestionsOfDeputy'
>;

const byUnitId = <T extends { unitId: string }>(a: T, b: T) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0);

/**
 * The 建议 figures on CloudBase: each an aggregate over the facts the 建议 documents carry
 * (cloudbase-suggestion-store.ts), `match` on the period by its index and `group` with `$sum`,
 * so CloudBase adds the documents up. The groups are read a page at a time: the answer days of
 * every unit may pass the 1,000 results an aggregation returns.
 */
export function createCloudbaseSuggestionFigures(db: Db): SuggestionFigures {
  const _ = db.command;
  const $ = _.aggregate;
  const count = (condition: unknown) => $.sum($.cond({ if: condition, then: 1, else: 0 }));
  const period = (fromMs: number, toMs: number) => _.gte(fromMs).and(_.lt(toMs));

  /** Every group of `pipeline(aggregate)` over the 建议, in `order`, a page at a time. */
  const groups = (pipeline: (aggregate: any) => any, order: Record<string, 1>): Promise<Row[]> =>
    aggregateAll(db, 'suggestions', pipeline, order);

  const UNIT_SUMS: Record<keyof typeof ZERO_UNIT_COUNTS, unknown> = {
    assigned: $.sum(1),
    // answeredAt is a time, or null before the first answer
    answered: count($.gt([$.ifNull(['$answeredAt', 0]), 0])),
    answeredOnTime: count($.eq(['$answeredOnTime', true])),
    classA: count($.eq(['$answerClass', 'A'])),
    classB: count($.eq(['$answerClass', 'B'])),
    classC: count($.eq(['$answerClass', 'C'])),
    satisfied: count($.eq(['$satisfaction', 'satisfied'])),
    basicallySatisfied: count($.eq(['$satisfaction', 'basically_satisfied'])),
    dissatisfied: count($.eq(['$satisfaction', 'dissatisfied'])),
    supervised: count($.gt(['$supervisedCount', 0])),
  };

  /** The 建议 matching `where`, counted by status. */
  const statusCounts = async (where: Record<string, unknown>): Promise<SuggestionStatusCounts> => {
    const rows = await groups((a) => a.match(where).group({ _id: '$status', n: $.sum(1) }), { _id: 1 });
    return Object.fromEntries(rows.map((r) => [r._id as SuggestionStatus, Number(r.n)]));
  };

  return {
    countSuggestionsByStatus: (fromMs, toMs) => statusCounts({ submittedAt: period(fromMs, toMs) }),
    countSuggestionsByUnit: async (fromMs, toMs) => {
      const rows = await groups(
        (a) => a.match({ assignedAt: period(fromMs, toMs) }).group({ _id: '$leadUnitId', ...UNIT_SUMS }),
        { _id: 1 },
      );
      return rows
        .filter((r) => typeof r._id === 'string')
        .map((r) => {
          const counts: UnitCounts = { unitId: r._id as string, ...ZERO_UNIT_COUNTS };
          for (const k of Object.keys(ZERO_UNIT_COUNTS) as Array<keyof typeof ZERO_UNIT_COUNTS>) {
            counts[k] = Number(r[k] ?? 0);
          }
          return counts;
        })
        .sort(byUnitId);
    },
    countSuggestionReturns: async (fromMs, toMs) => {
      const rows = await groups(
        (a) =>
          a
            .match({ submittedAt: period(fromMs, toMs) })
            .unwind('$returnedBy')
            .group({ _id: '$returnedBy', returns: $.sum(1) }),
        { _id: 1 },
      );
      return rows.map((r) => ({ unitId: String(r._id), returns: Number(r.returns) })).sort(byUnitId);
    },
    countAnswerDays: async (fromMs, toMs) => {
      const rows = await groups(
        (a) =>
          a
            .match({ assignedAt: period(fromMs, toMs), daysToAnswer: _.neq(null) })
            .group({ _id: { unitId: '$leadUnitId', days: '$daysToAnswer' }, count: $.sum(1) }),
        { '_id.unitId': 1, '_id.days': 1 },
      );
      return rows
        .map((r) => {
          const key = r._id as { unitId: string; days: number };
          return { unitId: key.unitId, days: Number(key.days), count: Number(r.count) };
        })
        .sort((a, b) => byUnitId(a, b) || a.days - b.days);
    },
    countSuggestionsOfDeputy: async (deputyId, fromMs, toMs) => ({
      led: await statusCounts({ leadDeputyId: deputyId, submittedAt: period(fromMs, toMs) }),
      // co-signed: among the signers, not the 领衔 deputy
      coSigned: await statusCounts({
        signerDeputyIds: deputyId,
        leadDeputyId: _.neq(deputyId),
        submittedAt: period(fromMs, toMs),
      }),
    }),
  };
}
