import type { ActionInput } from '../../src/domain/actions/action-spec';
import type { stationsActions } from '../../src/domain/actions/stations';
import { shanghaiDate, shiftMonth, yearMonth, monthKey } from '../../src/domain/dates';
import { sortByDistance } from '../../src/domain/distance';
import { AppError } from '../../src/domain/errors';
import { createHolidayCalendar, type HolidayCalendar } from '../../src/domain/holiday-calendar';
import { nextSessions, type SessionOverride } from '../../src/domain/reception-calendar';
import type { Station } from '../../src/domain/station';
import type { SessionView, StationDetail, StationSummary } from '../../src/domain/views';
import { toPublicDeputy } from '../../src/domain/station';
import { groupOf } from '../../src/domain/activity';
import type { ServiceContext } from './context';

const LIST_SESSIONS = 3;
const DETAIL_SESSIONS = 6;

async function calendarContext(ctx: ServiceContext, stationIds: string[]) {
  const today = shanghaiDate(ctx.clock.now());
  const { year, month } = yearMonth(today);
  const previous = shiftMonth(year, month, -1);
  // The previous month's override matters: its session may have been moved into this month.
  const [overrides, arrangements] = await Promise.all([
    ctx.store.listSessionOverrides(stationIds, monthKey(previous.year, previous.month)),
    ctx.store.listHolidayArrangements(),
  ]);
  return { today, overrides, calendar: createHolidayCalendar(arrangements) };
}

function sessionsOf(
  station: Station,
  deputyNames: Map<string, string>,
  context: { today: string; overrides: SessionOverride[]; calendar: HolidayCalendar },
  count: number,
): SessionView[] {
  const sessions = nextSessions({
    rule: station.receptionRule,
    calendar: context.calendar,
    overrides: context.overrides.filter((o) => o.stationId === station.id),
    today: context.today,
    count,
  });
  return sessions.map((s) => ({
    month: s.month,
    date: s.date,
    start: s.start,
    end: s.end,
    status: s.status,
    provisional: s.provisional,
    ...(s.theme ? { theme: s.theme } : {}),
    ...(s.reason ? { reason: s.reason } : {}),
    ...(s.shiftedFor ? { shiftedFor: s.shiftedFor } : {}),
    deputiesOnDuty: (s.deputyIds.length ? s.deputyIds : [...deputyNames.keys()])
      .map((id) => deputyNames.get(id))
      .filter((name): name is string => Boolean(name)),
  }));
}

/**
 * stations.list: every station with its next sessions; nearest first when the caller
 * gave a location, else in the committee's display order.
 */
export async function listStations(
  input: ActionInput<typeof stationsActions, 'list'>,
  ctx: ServiceContext,
): Promise<{ items: StationSummary[] }> {
  const stations = await ctx.store.listStations();
  const ids = stations.map((s) => s.id);
  const [deputies, context] = await Promise.all([ctx.store.listDeputies(ids), calendarContext(ctx, ids)]);
  const items = stations.map((station): StationSummary => {
    const own = deputies.filter((d) => d.stationId === station.id && d.active);
    const names = new Map(own.map((d) => [d.id, d.name]));
    return { ...station, deputyCount: own.length, nextSessions: sessionsOf(station, names, context, LIST_SESSIONS) };
  });
  return { items: input.near ? sortByDistance(items, input.near) : items };
}

/** stations.get: one station with its active deputies (each with their 人大小组) and its next six sessions. */
export async function getStation(
  input: ActionInput<typeof stationsActions, 'get'>,
  ctx: ServiceContext,
): Promise<StationDetail> {
  const station = await ctx.store.getStation(input.stationId);
  if (!station) throw new AppError('NOT_FOUND', '没有找到这个联络站，可能已被撤并');
  const [deputies, context, following, groups] = await Promise.all([
    ctx.store.listDeputies([station.id]),
    calendarContext(ctx, [station.id]),
    ctx.caller.openid ? ctx.store.isFollowing(ctx.caller.openid, station.id) : Promise.resolve(undefined),
    ctx.store.listGroups(),
  ]);
  const active = deputies.filter((d) => d.active);
  const names = new Map(active.map((d) => [d.id, d.name]));
  return {
    ...station,
    deputies: active.map((d) => toPublicDeputy(d, groupOf(groups, d.id)?.name)),
    sessions: sessionsOf(station, names, context, DETAIL_SESSIONS),
    ...(following === undefined ? {} : { following }),
  };
}
