import type { CategoryId } from './categories';
import type { Figures, Period } from './figures';
import type { GroupBy } from './report-schemas';

/** One line of a grouped report: a station, deputy, category or month and its figures. */
export type FigureGroup = Figures & {
  /** The station or deputy id, the category id, or 'YYYY-MM'; '' for opinions no deputy holds. */
  key: string;
  /** The station's or deputy's name, the category's label, or '2026年3月'. */
  label: string;
};

/** reports.stats: the figures of a period within what the caller may see. */
export type StatsView = Figures & {
  period: Period;
  /** The filters applied, after the caller's reach was enforced (staff: their station; deputies: themselves). */
  scope: { stationId?: string; deputyId?: string; category?: CategoryId };
  groupBy?: GroupBy;
  /** With `groupBy`: every group in reach, including those with nothing counted; they add up to the total. */
  groups?: FigureGroup[];
};
