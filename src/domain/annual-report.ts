import type { ActivityFiguresView } from './activity-views';
import type { Figures } from './figures';
import type { StationKind, StationSetting } from './station';
import type { UnitFiguresView } from './suggestion-figures';

/** Everything the annual report's statistical passages need, computed from the data. */
export interface AnnualReportData {
  year: number;
  /** The street's name as the report's title uses it. */
  streetName: string;
  /** Up to which date the year's figures run ('截至目前'). */
  asOf: string;
  stations: {
    byKind: Record<StationKind, number>;
    bySetting: Partial<Record<StationSetting, number>>;
  };
  sessions: {
    /** Reception sessions held up to asOf (cancelled ones excluded). */
    held: number;
    themed: number;
    cancelled: number;
    themes: string[];
  };
  totals: Figures;
  byStation: Array<Figures & { label: string; kind: StationKind }>;
  byCategory: Array<Figures & { label: string }>;
  /** 代表建议 of the year and 承办单位办理情况 (the same counts as suggestions.figures). */
  suggestions: UnitFiguresView;
  /**
   * 履职: the year's activities by kind, voters visited, per 人大小组 and per deputy (the same
   * counts as activities.figures for the year up to `asOf`).
   */
  activities: ActivityFiguresView;
}
