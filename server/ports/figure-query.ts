import type { CategoryId } from '../../src/domain/categories';
import type { RawCounts } from '../../src/domain/figures';
import type { GroupBy } from '../../src/domain/report-schemas';

/**
 * What the report counts over: opinions created in [fromMs, toMs) (periodInstants of
 * src/domain/figures.ts), within the filters; `today` (Asia/Shanghai) decides what is overdue.
 */
export interface FigureQuery {
  fromMs: number;
  toMs: number;
  stationId?: string;
  /** The deputy the opinions are assigned to. */
  deputyId?: string;
  category?: CategoryId;
  today: string;
}

/**
 * station id, deputy id ('' for opinions no deputy holds), category id, or 'YYYY-MM'. A 人大小组 is
 * not a store grouping: its figures are its members' deputy rows added up (reports.ts).
 */
export type FigureGrouping = Exclude<GroupBy, 'group'>;

/** The counts of one group; only groups with at least one counted opinion come back. */
export interface FigureRow {
  key: string;
  counts: RawCounts;
}
