import type { CategoryId } from './categories';
import type { Figures, Period, Rate } from './figures';
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

/**
 * What the public answer says of a figure, a station or the street it withholds: the words
 * 样本不足 and nothing else — no count, no rate, no interval (src/domain/public-figures.ts).
 */
export interface Withheld {
  withheld: true;
  label: '样本不足';
}

/** The figures of a station or the street as reports.publicStats shows them: 10 items or more. */
export interface PublicFigures {
  withheld: false;
  collected: number;
  replied: number;
  resolved: number;
  overdue: number;
  /** 办复率 and 解决率: out of `collected`, which is 10 or more here. */
  replyRate: Rate;
  resolvedRate: Rate;
  /** 按期答复: out of `replied`; withheld when too few were replied (or to protect a station that was). */
  onTime: { withheld: false; onTime: number; onTimeRate: Rate } | Withheld;
  /** 满意: out of those rated; withheld when too few rated (or to protect a station that did). */
  satisfaction:
    | {
        withheld: false;
        rated: number;
        satisfied: number;
        basicallySatisfied: number;
        dissatisfied: number;
        satisfactionRate: Rate;
      }
    | Withheld;
}

/** One station of the public figures: its name always, its figures when they may be shown. */
export interface PublicGroup {
  key: string;
  label: string;
  figures: PublicFigures | Withheld;
}

/** reports.publicStats: the street's figures and each station's, small cells withheld. */
export interface PublicStatsView {
  period: Period;
  groupBy: 'station';
  street: PublicFigures | Withheld;
  groups: PublicGroup[];
}
