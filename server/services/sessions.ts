import type { ActionInput } from '../../src/domain/actions/action-spec';
import type { stationsActions } from '../../src/domain/actions/stations';
import { excerptOf } from '../../src/domain/notifications';
import { addDays, formatDateZh, shanghaiDate, type Clock, type LocalDate } from '../../src/domain/dates';
import { AppError } from '../../src/domain/errors';
import { createHolidayCalendar } from '../../src/domain/holiday-calendar';
import { nextSessions, sessionDateForMonth, type SessionOverride } from '../../src/domain/reception-calendar';
import type { Store } from '../ports/store';
import { actorOf } from './actor';
import type { ServiceContext } from './context';
import { outboxMessage } from './opinion-change';
import { stationSubject } from '../ports/opinion-store';

/** stations.follow: a voter follows (or stops following) a station's reception days. */
export async function followStation(input: ActionInput<typeof stationsActions, 'follow'>, ctx: ServiceContext) {
  const actor = await actorOf(ctx);
  if (!(await ctx.store.getStation(input.stationId))) throw new AppError('NOT_FOUND', '没有找到这个联络站');
  await ctx.store.setFollow(actor.openid, input.stationId, input.follow, ctx.clock.now());
  return { stationId: input.stationId, following: input.follow };
}

/**
 * What a month's session becomes: what the call names changes, the rest of the month's earlier
 * arrangement stays. A theme or duty list given replaces the old one ('' or [] clears it);
 * cancelling or moving replaces any earlier cancel or move, with its reason; `cancelled: false`
 * restores the planned session; a call naming neither leaves a cancel or move as it was.
 */
function mergedOverride(
  existing: SessionOverride | undefined,
  input: Omit<SessionOverride, 'start' | 'end'>,
): SessionOverride {
  const theme = input.theme !== undefined ? input.theme : existing?.theme;
  const deputyIds = input.deputyIds !== undefined ? input.deputyIds : existing?.deputyIds;
  const change =
    input.cancelled || input.movedTo
      ? { cancelled: input.cancelled, movedTo: input.movedTo, reason: input.reason }
      : input.cancelled === false
        ? {}
        : { cancelled: existing?.cancelled, movedTo: existing?.movedTo, reason: existing?.reason };
  return {
    stationId: input.stationId,
    month: input.month,
    // Hours set for the month by other means are not this call's to change.
    ...(existing?.start ? { start: existing.start } : {}),
    ...(existing?.end ? { end: existing.end } : {}),
    ...(theme ? { theme } : {}),
    ...(deputyIds?.length ? { deputyIds } : {}),
    ...(change.cancelled ? { cancelled: true } : {}),
    ...(change.movedTo ? { movedTo: change.movedTo } : {}),
    ...(change.reason ? { reason: change.reason } : {}),
  };
}

/**
 * stations.setSession: staff of the station (or an admin) set one month's session — a theme and
 * the deputies on duty, or a cancellation or new date with a reason; what the call does not name
 * stays as it was (`mergedOverride`). Followers are told of a cancellation or a move in the same
 * transaction as the change.
 */
export async function setSession(
  input: Omit<SessionOverride, 'start' | 'end'>,
  ctx: ServiceContext,
): Promise<{ month: string; date: string; status: string }> {
  const actor = await actorOf(ctx);
  if (!(actor.role === 'admin' || (actor.role === 'staff' && actor.stationId === input.stationId))) {
    throw new AppError('FORBIDDEN', '只有本站工作人员可以安排接待日');
  }
  const station = await ctx.store.getStation(input.stationId);
  if (!station) throw new AppError('NOT_FOUND', '没有找到这个联络站');
  const today = shanghaiDate(ctx.clock.now());
  if (input.month < today.slice(0, 7)) throw new AppError('INVALID_INPUT', '不能修改已经过去的月份');
  if (input.movedTo && input.movedTo < today) throw new AppError('INVALID_INPUT', '改期日期不能早于今天');
  const deputies = await ctx.store.listDeputies([station.id]);
  if (input.deputyIds?.some((id) => !deputies.some((d) => d.id === id && d.active))) {
    throw new AppError('INVALID_INPUT', '值班代表须是本站在任代表');
  }
  const calendar = createHolidayCalendar(await ctx.store.listHolidayArrangements());
  const [year, month] = input.month.split('-').map(Number) as [number, number];
  const planned = sessionDateForMonth(station.receptionRule, year, month, calendar).date;
  const override = mergedOverride(
    (await ctx.store.listSessionOverrides([station.id], input.month)).find((o) => o.month === input.month),
    { ...input, stationId: station.id },
  );
  const now = ctx.clock.now();
  const changed = input.cancelled || input.movedTo;
  const followers = changed ? await ctx.store.listFollowers(station.id) : [];
  const text = input.cancelled
    ? `${formatDateZh(planned)}的接待暂停：${input.reason}`
    : `${formatDateZh(planned)}的接待改到${formatDateZh(input.movedTo ?? planned)}：${input.reason}`;
  await ctx.store.changeSession(
    override,
    {
      at: now,
      actor: actor.openid,
      action: 'stations.setSession',
      targetType: 'station',
      targetId: station.id,
      detail: { ...override },
    },
    followers.map((openid) =>
      outboxMessage(stationSubject(station.id), now, 'session_changed', openid, {
        station: station.name,
        text: excerptOf(text, 80),
      }),
    ),
  );
  return {
    month: input.month,
    date: input.movedTo ?? planned,
    status: input.cancelled ? 'cancelled' : input.movedTo ? 'moved' : 'scheduled',
  };
}

/**
 * The scheduler's evening pass: followers of a station whose session is on `sessionsOn`
 * (tomorrow unless the scheduler names the day its evening slot announces) get a reminder with
 * its time and theme — once each, whatever runs overlap (dedupe key per station, date and voter).
 */
export async function remindSessions(store: Store, clock: Clock, sessionsOn?: LocalDate) {
  const now = clock.now();
  const tomorrow = sessionsOn ?? addDays(shanghaiDate(now), 1);
  const [stations, arrangements] = await Promise.all([store.listStations(), store.listHolidayArrangements()]);
  const calendar = createHolidayCalendar(arrangements);
  const overrides = await store.listSessionOverrides(
    stations.map((s) => s.id),
    addDays(tomorrow, -31).slice(0, 7),
  );
  let queued = 0;
  for (const station of stations) {
    const session = nextSessions({
      rule: station.receptionRule,
      calendar,
      overrides: overrides.filter((o) => o.stationId === station.id),
      today: tomorrow,
      count: 1,
    }).find((s) => s.date === tomorrow && s.status !== 'cancelled');
    if (!session) continue;
    const followers = await store.listFollowers(station.id);
    queued += await store.enqueueOnce(
      followers.map((openid) => ({
        ...outboxMessage(stationSubject(station.id), now, 'session_reminder', openid, {
          station: station.name,
          date: session.date,
          start: session.start,
          end: session.end,
          theme: session.theme ?? '日常接待',
        }),
        dedupeKey: `session:${station.id}:${session.date}:${openid}`,
      })),
    );
  }
  return { queued };
}
