import type { ActionInput } from '../../src/domain/actions/action-spec';
import type { reportsActions } from '../../src/domain/actions/reports';
import type { AnnualReportData } from '../../src/domain/annual-report';
import { monthKey, shanghaiDate } from '../../src/domain/dates';
import { AppError } from '../../src/domain/errors';
import { createHolidayCalendar } from '../../src/domain/holiday-calendar';
import { sessionOfMonth } from '../../src/domain/reception-calendar';
import type { StatsView } from '../../src/domain/report-views';
import type { StationKind } from '../../src/domain/station';
import { activityFigures } from './activity-figures';
import { actorOf } from './actor';
import { saveGeneratedFile } from './generated-files';
import type { ServiceContext } from './context';
import { countStats } from './reports';
import { unitFigures } from './suggestion-figures';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The sessions a year held up to `asOf`: each station's monthly session by its rule and the staff's changes. */
async function sessionsOfYear(ctx: ServiceContext, year: number, asOf: string) {
  const [stations, arrangements] = await Promise.all([ctx.store.listStations(), ctx.store.listHolidayArrangements()]);
  const overrides = await ctx.store.listSessionOverrides(
    stations.map((s) => s.id),
    `${year}-01`,
  );
  const calendar = createHolidayCalendar(arrangements);
  const result = { held: 0, themed: 0, cancelled: 0, themes: new Set<string>() };
  for (const station of stations) {
    for (let month = 1; month <= 12; month += 1) {
      const key = monthKey(year, month);
      const override = overrides.find((o) => o.stationId === station.id && o.month === key);
      const session = sessionOfMonth(station.receptionRule, year, month, calendar, override);
      if (session.date > asOf) continue;
      if (session.status === 'cancelled') {
        result.cancelled += 1;
        continue;
      }
      result.held += 1;
      if (session.theme) {
        result.themed += 1;
        result.themes.add(session.theme);
      }
    }
  }
  return { held: result.held, themed: result.themed, cancelled: result.cancelled, themes: [...result.themes] };
}

/**
 * reports.annualReport: the committee's annual report for `year` as a .docx — the statistical
 * passages of the work report (stations, sessions held and themed, opinions collected and
 * resolved, 办复率, 满意率) filled from the same counts as reports.stats, with a table per station
 * and per category; the year's 代表建议 (件数, 办复率, 满意率) with 承办单位办理情况, from the same
 * counts as suggestions.figures; and the committee's activities by kind, voters visited, per
 * 人大小组 and per deputy, from the same counts as activities.figures. Admins only. Answers the figures and where to download the file.
 */
export async function writeAnnualReport(
  input: ActionInput<typeof reportsActions, 'annualReport'>,
  ctx: ServiceContext,
): Promise<{ year: number; fileId: string; expiresAt: number; asOf: string; totals: StatsView }> {
  const actor = await actorOf(ctx);
  if (actor.role !== 'admin') throw new AppError('FORBIDDEN', '年度报告由人大工委生成');
  const today = shanghaiDate(ctx.clock.now());
  if (input.year > Number(today.slice(0, 4))) throw new AppError('INVALID_INPUT', '这一年还没有开始');
  const yearEnd = `${input.year}-12-31`;
  const asOf = yearEnd < today ? yearEnd : today;
  const period = { from: `${input.year}-01-01`, to: asOf };
  // The committee counts the whole street; the per-station view carries the street's totals too.
  const [byStation, byCategory, stations, sessions, suggestions, activities] = await Promise.all([
    countStats({ ...period, groupBy: 'station' }, {}, ctx),
    countStats({ ...period, groupBy: 'category' }, {}, ctx),
    ctx.store.listStations(),
    sessionsOfYear(ctx, input.year, asOf),
    unitFigures(ctx.store, period.from, period.to),
    activityFigures(ctx.store, period.from, period.to),
  ]);
  const { groupBy: _groupBy, groups: _groups, ...totals } = byStation;
  const byKind: Record<StationKind, number> = { liaison_station: 0, reception_point: 0 };
  const bySetting: AnnualReportData['stations']['bySetting'] = {};
  for (const s of stations) {
    byKind[s.kind] += 1;
    bySetting[s.setting] = (bySetting[s.setting] ?? 0) + 1;
  }
  const kinds = new Map(stations.map((s) => [s.id, s.kind]));
  const data: AnnualReportData = {
    year: input.year,
    streetName: ctx.config.streetName ?? '青溪街道',
    asOf,
    stations: { byKind, bySetting },
    sessions,
    totals,
    byStation: (byStation.groups ?? []).map((g) => ({ ...g, kind: kinds.get(g.key) ?? 'reception_point' })),
    byCategory: byCategory.groups ?? [],
    suggestions,
    activities,
  };
  const bytes = await ctx.documents.annualReport(data);
  const saved = await saveGeneratedFile(ctx, {
    name: `annual-report-${input.year}.docx`,
    bytes,
    contentType: DOCX,
    kind: 'annual_report',
    owner: actor.openid,
    audit: {
      action: 'reports.annualReport',
      targetType: 'annual_report',
      targetId: String(input.year),
      detail: { asOf },
    },
  });
  return { year: input.year, ...saved, asOf, totals };
}
