import { figureFields, NOT_COLLECTED, OPEN_STATUSES, type RawCounts, ZERO_COUNTS } from '../../../src/domain/figures';
import type { Opinion } from '../../../src/domain/opinion';
import type { FigureGrouping, FigureQuery, FigureRow } from '../../ports/figure-query';
import type { FigureSources } from '../figure-counting';

/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK's aggregate builder is untyped */
type Db = any;

/** The field of an opinion document that holds what it adds up to; never part of the Opinion read back. */
export const FIGURES_FIELD = 'figures';

/**
 * `figures` of an opinion document: the domain's per-opinion rules (figureFields) as numbers a
 * `$sum` can add. The pipeline below reads only these, `createdAt`, `status`, `replyDueDate`,
 * `stationId`, `assignedDeputyId` and `category`. Written by createOpinion and updateOpinion;
 * a document written before this field existed counts as collected but not replied, resolved
 * or rated, and falls in no month, until its next update (or a one-off rewrite) adds it.
 */
export function figuresDocument(opinion: Opinion) {
  const f = figureFields(opinion);
  return {
    replied: f.repliedAt === null ? 0 : 1,
    onTime: f.repliedOnTime ? 1 : 0,
    resolved: f.resolved ? 1 : 0,
    satisfaction: f.satisfaction,
    month: f.month,
  };
}

/** Groups one report may have at most (stations, deputies, 9 categories, 37 months): well within it. */
const MAX_GROUPS = 1000;

/**
 * What countFigures and countFiguresBy on CloudBase read from the opinions (figure-counting.ts;
 * the counters are read by cloudbase-counters.ts): one aggregate call for each partial month at
 * the ends of a period — `match` on the period (the createdAt indexes of cloudbase/database.json)
 * and `group` with `$sum`, so CloudBase adds the documents up and returns one line per group, its
 * 100/1,000-document read limits never applying — and one on the open cases for overdue.
 */
export function createCloudbaseFigureSources(db: Db): Pick<FigureSources, 'opinions' | 'overdue'> {
  const _ = db.command;
  const $ = _.aggregate;
  const count = (condition: unknown) => $.sum($.cond({ if: condition, then: 1, else: 0 }));
  const rated = (satisfaction: string) => count($.eq([`$${FIGURES_FIELD}.satisfaction`, satisfaction]));

  const groupKey: Record<FigureGrouping, unknown> = {
    station: '$stationId',
    deputy: $.ifNull(['$assignedDeputyId', '']),
    category: '$category',
    month: `$${FIGURES_FIELD}.month`,
  };

  /** The report's filters (station, deputy, category) added to a match. */
  const withFilters = (match: Record<string, unknown>, query: FigureQuery) => {
    if (query.stationId !== undefined) match.stationId = query.stationId;
    if (query.deputyId !== undefined) match.assignedDeputyId = query.deputyId;
    if (query.category !== undefined) match.category = query.category;
  };

  const run = async (query: FigureQuery, groupBy?: FigureGrouping): Promise<FigureRow[]> => {
    const match: Record<string, unknown> = {
      createdAt: _.gte(query.fromMs).and(_.lt(query.toMs)),
      status: _.nin([...NOT_COLLECTED]),
    };
    withFilters(match, query);
    const res = await db
      .collection('opinions')
      .aggregate()
      .match(match)
      .group({
        _id: groupBy ? groupKey[groupBy] : null,
        collected: $.sum(1),
        replied: $.sum(`$${FIGURES_FIELD}.replied`),
        onTime: $.sum(`$${FIGURES_FIELD}.onTime`),
        resolved: $.sum(`$${FIGURES_FIELD}.resolved`),
        ratedSatisfied: rated('satisfied'),
        ratedBasicallySatisfied: rated('basically_satisfied'),
        ratedDissatisfied: rated('dissatisfied'),
      })
      .limit(MAX_GROUPS)
      .end();
    return ((res.data ?? []) as Array<Record<string, unknown>>).map((row) => {
      const counts = { ...ZERO_COUNTS };
      for (const k of Object.keys(counts) as Array<keyof RawCounts>) counts[k] = Number(row[k] ?? 0);
      return { key: row._id === null || row._id === undefined ? '' : String(row._id), counts };
    });
  };

  const overdue = async (query: FigureQuery, groupBy?: FigureGrouping) => {
    const match: Record<string, unknown> = {
      status: _.in([...OPEN_STATUSES]),
      replyDueDate: _.lt(query.today),
      createdAt: _.gte(query.fromMs).and(_.lt(query.toMs)),
    };
    withFilters(match, query);
    const res = await db
      .collection('opinions')
      .aggregate()
      .match(match)
      .group({ _id: groupBy ? groupKey[groupBy] : null, overdue: $.sum(1) })
      .limit(MAX_GROUPS)
      .end();
    return ((res.data ?? []) as Array<Record<string, unknown>>).map((row) => ({
      key: row._id === null || row._id === undefined ? '' : String(row._id),
      overdue: Number(row.overdue ?? 0),
    }));
  };

  return { opinions: run, overdue };
}
