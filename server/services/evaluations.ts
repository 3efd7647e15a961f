import { shanghaiDate } from '../../src/domain/dates';
import { AppError } from '../../src/domain/errors';
import {
  deputyDistrict,
  evaluationResult,
  medianReplyDays,
  ROUND_PHASE_LABELS,
  roundPhase,
  roundsOverlap,
  sessionsOnDuty,
  tallyAnswers,
  type DeputyEvaluation,
  type EvaluationRound,
  type HeldSession,
} from '../../src/domain/evaluation';
import type { DeputyCardView, RoundListView, RoundSummaryView, RoundView } from '../../src/domain/evaluation-views';
import { periodInstants, rate, ZERO_COUNTS } from '../../src/domain/figures';
import { createHolidayCalendar } from '../../src/domain/holiday-calendar';
import type { Satisfaction } from '../../src/domain/opinion';
import { sessionOfMonth } from '../../src/domain/reception-calendar';
import { toPublicDeputy, type Deputy, type Station } from '../../src/domain/station';
import { actorOf, type Actor } from './actor';
import type { ServiceContext } from './context';
import { requireCleanText } from './opinion-change';

/** Comments shown per deputy once a round is closed. */
const COMMENTS_SHOWN = 50;

const today = (ctx: ServiceContext) => shanghaiDate(ctx.clock.now());

/** Every 选区 the street's stations serve, in the order the stations list them. */
function allDistricts(stations: readonly Station[]): string[] {
  return [...new Set(stations.flatMap((s) => s.districts))];
}

/** The committee runs every round; staff run the rounds of the districts their station serves. */
function runsDistrict(actor: Actor | null, district: string, stations: readonly Station[]): boolean {
  if (!actor) return false;
  if (actor.role === 'admin') return true;
  if (actor.role !== 'staff') return false;
  return stations.some((s) => s.id === actor.stationId && s.districts.includes(district));
}

/** The caller, or null for an H5 visitor without an OPENID (who may still read rounds). */
async function optionalActor(ctx: ServiceContext): Promise<Actor | null> {
  return ctx.caller.openid ? actorOf(ctx) : null;
}

/** Why the voter may not change their 选区: they rate in a round of it that is not over. */
function districtLock(rounds: readonly EvaluationRound[], mine: readonly DeputyEvaluation[], day: string) {
  const active = rounds.find((r) => roundPhase(r, day) !== 'closed' && mine.some((e) => e.roundId === r.id));
  return active ? `您正在参加${active.district}的述职评议，评议结束后才能更改选区` : undefined;
}

/** Why a caller may not rate in an open round they cannot rate in, as the round page says it. */
function cannotRateReason(actor: Actor | null, myDistrict: string | null, round: EvaluationRound): string {
  if (!actor) return '请在微信中打开小程序后参加评议';
  if (actor.role !== 'voter') return '代表、工作人员和人大工委不参加选民评议';
  if (!myDistrict) return '请先选择您所在的选区';
  return `本轮评议面向${round.district}的选民，您登记的是${myDistrict}`;
}

async function summaryOf(
  ctx: ServiceContext,
  round: EvaluationRound,
  actor: Actor | null,
  myDistrict: string | null,
  ratedByMe: number,
  stations: readonly Station[],
): Promise<RoundSummaryView> {
  const phase = roundPhase(round, today(ctx));
  return {
    id: round.id,
    district: round.district,
    title: round.title,
    opensOn: round.opensOn,
    closesOn: round.closesOn,
    ...(round.closedEarlyOn && round.closedEarlyOn <= round.closesOn ? { closedEarlyOn: round.closedEarlyOn } : {}),
    phase,
    phaseLabel: ROUND_PHASE_LABELS[phase],
    deputyCount: round.deputyIds.length,
    canRate: phase === 'open' && actor?.role === 'voter' && myDistrict === round.district,
    ratedByMe,
    ...(runsDistrict(actor, round.district, stations)
      ? { participants: await ctx.store.countEvaluators(round.id) }
      : {}),
  };
}

/** evaluations.list: the rounds of the street, newest first, and the caller's standing in them. */
export async function listRounds(_input: Record<string, never>, ctx: ServiceContext): Promise<RoundListView> {
  const actor = await optionalActor(ctx);
  const [stations, rounds] = await Promise.all([ctx.store.listStations(), ctx.store.listRounds()]);
  const districts = allDistricts(stations);
  const myDistrict = actor ? await ctx.store.getVoterDistrict(actor.openid) : null;
  const mine = actor ? await ctx.store.listEvaluationsByVoter(actor.openid) : [];
  const lock = actor ? districtLock(rounds, mine, today(ctx)) : undefined;
  return {
    districts,
    ...(myDistrict ? { myDistrict } : {}),
    ...(lock ? { districtLockedReason: lock } : {}),
    openableDistricts: districts.filter((d) => runsDistrict(actor, d, stations)),
    items: await Promise.all(
      rounds.map((r) => summaryOf(ctx, r, actor, myDistrict, mine.filter((e) => e.roundId === r.id).length, stations)),
    ),
  };
}

/** The reception sessions of the deputies' stations in the period, with their dates and duty lists. */
async function heldSessions(
  ctx: ServiceContext,
  round: EvaluationRound,
  deputies: readonly Deputy[],
  stations: readonly Station[],
) {
  const stationIds = [...new Set(deputies.map((d) => d.stationId))];
  const [overrides, arrangements] = await Promise.all([
    ctx.store.listSessionOverrides(stationIds, round.periodFrom.slice(0, 7)),
    ctx.store.listHolidayArrangements(),
  ]);
  const calendar = createHolidayCalendar(arrangements);
  const sessions: HeldSession[] = [];
  // Only a month staff recorded has a duty list: the other months' sessions had nobody named on duty.
  for (const o of overrides) {
    const station = stations.find((s) => s.id === o.stationId);
    if (!station || o.month > round.periodTo.slice(0, 7)) continue;
    const [year, month] = o.month.split('-').map(Number) as [number, number];
    const session = sessionOfMonth(station.receptionRule, year, month, calendar, o);
    sessions.push({ date: session.date, cancelled: session.status === 'cancelled', deputyIds: session.deputyIds });
  }
  return sessions;
}

async function roundView(ctx: ServiceContext, round: EvaluationRound, actor: Actor | null): Promise<RoundView> {
  const [stations, allDeputies] = await Promise.all([ctx.store.listStations(), ctx.store.listDeputies()]);
  const deputies = round.deputyIds
    .map((id) => allDeputies.find((d) => d.id === id))
    .filter((d): d is Deputy => d !== undefined);
  const day = today(ctx);
  const phase = roundPhase(round, day);
  const myDistrict = actor ? await ctx.store.getVoterDistrict(actor.openid) : null;
  const mine = actor
    ? (await ctx.store.listEvaluationsByVoter(actor.openid)).filter((e) => e.roundId === round.id)
    : [];
  const runs = runsDistrict(actor, round.district, stations);

  const { fromMs, toMs } = periodInstants({ from: round.periodFrom, to: round.periodTo });
  const [figureRows, sessions, counts] = await Promise.all([
    ctx.store.countFiguresBy({ fromMs, toMs, today: day }, 'deputy'),
    heldSessions(ctx, round, deputies, stations),
    phase === 'closed' ? ctx.store.countEvaluations(round.id) : Promise.resolve([]),
  ]);

  const cards = await Promise.all(
    deputies.map(async (deputy): Promise<DeputyCardView> => {
      const figures = figureRows.find((r) => r.key === deputy.id)?.counts ?? ZERO_COUNTS;
      const durations = await ctx.store.replyDurations(deputy.id, fromMs, toMs);
      const own = mine.find((e) => e.deputyId === deputy.id);
      const seesComments = phase === 'closed' && (runs || actor?.deputyId === deputy.id);
      return {
        deputy: { ...toPublicDeputy(deputy), stationName: stations.find((s) => s.id === deputy.stationId)?.name ?? '' },
        activity: {
          sessionsOnDuty: sessionsOnDuty(sessions, deputy.id, { from: round.periodFrom, to: round.periodTo }, day),
          handled: figures.collected,
          replied: figures.replied,
          replyRate: rate(figures.replied, figures.collected),
          medianReplyDays: medianReplyDays(durations),
        },
        ...(own
          ? { myRating: { satisfaction: own.satisfaction, ...(own.comment ? { comment: own.comment } : {}) } }
          : {}),
        ...(phase === 'closed'
          ? { result: evaluationResult(tallyAnswers(counts.filter((row) => row.deputyId === deputy.id))) }
          : {}),
        ...(seesComments
          ? { comments: await ctx.store.listEvaluationComments(round.id, deputy.id, COMMENTS_SHOWN) }
          : {}),
      };
    }),
  );

  const summary = await summaryOf(ctx, round, actor, myDistrict, mine.length, stations);
  return {
    ...summary,
    periodFrom: round.periodFrom,
    periodTo: round.periodTo,
    ...(phase === 'open' && !summary.canRate ? { cannotRateReason: cannotRateReason(actor, myDistrict, round) } : {}),
    needsDistrict: phase === 'open' && actor?.role === 'voter' && !myDistrict,
    canClose: runs && phase !== 'closed',
    deputies: cards,
  };
}

async function existingRound(ctx: ServiceContext, roundId: string): Promise<EvaluationRound> {
  const round = await ctx.store.getRound(roundId);
  if (!round) throw new AppError('NOT_FOUND', '没有找到这轮评议');
  return round;
}

/** evaluations.get: a round with each deputy's activity, the caller's ratings and, once closed, the results. */
export async function getRound(input: { roundId: string }, ctx: ServiceContext): Promise<RoundView> {
  return roundView(ctx, await existingRound(ctx, input.roundId), await optionalActor(ctx));
}

/**
 * evaluations.open: the committee, or staff of a station serving the 选区, open a round for
 * dates from today on; it lists the district's active deputies of that day, and no other round of
 * the district may overlap it.
 */
export async function openRound(
  input: { district: string; title?: string; opensOn: string; closesOn: string; periodFrom: string; periodTo: string },
  ctx: ServiceContext,
): Promise<RoundView> {
  const actor = await actorOf(ctx);
  const [stations, deputies, rounds] = await Promise.all([
    ctx.store.listStations(),
    ctx.store.listDeputies(),
    ctx.store.listRounds(),
  ]);
  if (!allDistricts(stations).includes(input.district)) throw new AppError('INVALID_INPUT', '没有这个选区');
  if (!runsDistrict(actor, input.district, stations)) {
    throw new AppError('FORBIDDEN', '只有人大工委或服务该选区的联络站工作人员可以组织评议');
  }
  if (input.opensOn < today(ctx)) throw new AppError('INVALID_INPUT', '评议开始日期不能早于今天');
  const members = deputies.filter(
    (d) =>
      d.active &&
      deputyDistrict(
        d,
        stations.find((s) => s.id === d.stationId),
      ) === input.district,
  );
  if (members.length === 0) throw new AppError('INVALID_INPUT', '这个选区还没有在任代表');
  const clash = rounds.find((r) => r.district === input.district && roundsOverlap(input, r));
  if (clash) throw new AppError('CONFLICT', `${input.district}在这段时间已有评议：${clash.title}`);

  const now = ctx.clock.now();
  const round: EvaluationRound = {
    id: ctx.ids.roundId(input.district, input.opensOn),
    district: input.district,
    title: input.title ?? `${input.opensOn.slice(0, 4)}年${input.district}代表述职评议`,
    opensOn: input.opensOn,
    closesOn: input.closesOn,
    periodFrom: input.periodFrom,
    periodTo: input.periodTo,
    deputyIds: members.map((d) => d.id),
    createdBy: actor.openid,
    createdAt: now,
  };
  await ctx.store.createRound(round, {
    at: now,
    actor: actor.openid,
    action: 'evaluations.open',
    targetType: 'evaluation_round',
    targetId: round.id,
    detail: { district: round.district, opensOn: round.opensOn, closesOn: round.closesOn, deputyIds: round.deputyIds },
  });
  return roundView(ctx, round, actor);
}

/** evaluations.close: whoever runs the round ends it today; its results are published at once. */
export async function closeRound(input: { roundId: string }, ctx: ServiceContext): Promise<RoundView> {
  const actor = await actorOf(ctx);
  const round = await existingRound(ctx, input.roundId);
  if (!runsDistrict(actor, round.district, await ctx.store.listStations())) {
    throw new AppError('FORBIDDEN', '只有人大工委或服务该选区的联络站工作人员可以结束评议');
  }
  const day = today(ctx);
  if (roundPhase(round, day) === 'closed') throw new AppError('CONFLICT', '这轮评议已经结束');
  await ctx.store.closeRoundEarly(round.id, day, {
    at: ctx.clock.now(),
    actor: actor.openid,
    action: 'evaluations.close',
    targetType: 'evaluation_round',
    targetId: round.id,
    detail: { closedEarlyOn: day },
  });
  return roundView(ctx, { ...round, closedEarlyOn: day }, actor);
}

/**
 * evaluations.rate: a voter of the round's 选区 rates one of its deputies, once, while the round
 * is open. Deputies, staff and the committee do not rate: they run or stand in the review.
 */
export async function rateDeputy(
  input: { roundId: string; deputyId: string; satisfaction: Satisfaction; comment?: string },
  ctx: ServiceContext,
): Promise<RoundView> {
  const actor = await actorOf(ctx);
  const round = await existingRound(ctx, input.roundId);
  if (actor.role !== 'voter') throw new AppError('FORBIDDEN', '代表、工作人员和人大工委不参加选民评议');
  const phase = roundPhase(round, today(ctx));
  if (phase === 'upcoming') throw new AppError('CONFLICT', `评议尚未开始，${round.opensOn}开始`);
  if (phase === 'closed') throw new AppError('CONFLICT', '这轮评议已经结束');
  const myDistrict = await ctx.store.getVoterDistrict(actor.openid);
  if (!myDistrict) throw new AppError('FORBIDDEN', '请先选择您所在的选区');
  if (myDistrict !== round.district) throw new AppError('FORBIDDEN', `本轮评议面向${round.district}的选民`);
  if (!round.deputyIds.includes(input.deputyId)) throw new AppError('NOT_FOUND', '本轮评议没有这位代表');
  const comment = input.comment?.trim();
  if (comment) await requireCleanText(ctx, comment, actor.openid);
  const now = ctx.clock.now();
  const added = await ctx.store.addEvaluation(
    {
      roundId: round.id,
      deputyId: input.deputyId,
      voterOpenid: actor.openid,
      satisfaction: input.satisfaction,
      ...(comment ? { comment } : {}),
      at: now,
    },
    {
      at: now,
      actor: actor.openid,
      action: 'evaluations.rate',
      targetType: 'evaluation_round',
      targetId: round.id,
      // who rated is in the trail; what they answered is not, so the trail cannot unmask a rating
      detail: { deputyId: input.deputyId },
    },
  );
  if (!added) throw new AppError('CONFLICT', '您已评议过这位代表，每轮只能评议一次');
  return roundView(ctx, round, actor);
}

/** evaluations.setDistrict: a voter says which 选区 they live in (not while rating in another). */
export async function setDistrict(input: { district: string }, ctx: ServiceContext): Promise<{ district: string }> {
  const actor = await actorOf(ctx);
  const [stations, rounds, current, mine] = await Promise.all([
    ctx.store.listStations(),
    ctx.store.listRounds(),
    ctx.store.getVoterDistrict(actor.openid),
    ctx.store.listEvaluationsByVoter(actor.openid),
  ]);
  if (!allDistricts(stations).includes(input.district)) throw new AppError('INVALID_INPUT', '没有这个选区');
  if (current === input.district) return { district: current };
  const lock = districtLock(rounds, mine, today(ctx));
  if (lock) throw new AppError('CONFLICT', lock);
  const now = ctx.clock.now();
  await ctx.store.setVoterDistrict(actor.openid, input.district, now, {
    at: now,
    actor: actor.openid,
    action: 'evaluations.setDistrict',
    targetType: 'voter',
    targetId: actor.openid,
    detail: { from: current, to: input.district },
  });
  return { district: input.district };
}
