import { AppError } from '../../src/domain/errors';
import { deputyDistrict, roundClash, roundPhase, type EvaluationRound } from '../../src/domain/evaluation';
import type { RoundView } from '../../src/domain/evaluation-views';
import type { Satisfaction } from '../../src/domain/opinion';
import { actorOf } from './actor';
import type { ServiceContext } from './context';
import {
  districtLock,
  notAVoter,
  notOfDistrict,
  requireKnownDistrict,
  ROUND_CLOSED,
  runsDistrict,
  today,
} from './evaluation-access';
import { existingRound, roundView } from './evaluation-view';
import { requireCleanText } from './opinion-change';

/**
 * evaluations.open: the committee, or staff of a station serving the 选区, open a round for
 * dates from today on; it lists the district's active deputies of that day. One round per 选区
 * and period: no other round of the district may share a day of rating or of the period reported
 * on — a round closed early keeps its planned dates, so it cannot be "reopened" as a new one.
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
  requireKnownDistrict(input.district, stations);
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
  for (const r of rounds.filter((x) => x.district === input.district)) {
    const clash = roundClash(input, r);
    if (clash === 'dates') throw new AppError('CONFLICT', `${input.district}在这段时间已有评议：${r.title}`);
    if (clash === 'period') {
      throw new AppError('CONFLICT', `${input.district}这段述职期间已有评议：${r.title}，同一期间只评议一次`);
    }
  }

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
  return roundView(ctx, round, actor, { stations, deputies });
}

/**
 * evaluations.close: whoever runs the round stops the rating today. Nothing is published earlier
 * for it: the results still come out only after the planned last day (`resultsPublished`), so
 * closing at a handful of raters exposes nobody; and the round cannot be reopened.
 */
export async function closeRound(input: { roundId: string }, ctx: ServiceContext): Promise<RoundView> {
  const actor = await actorOf(ctx);
  const [round, stations, deputies] = await Promise.all([
    existingRound(ctx, input.roundId),
    ctx.store.listStations(),
    ctx.store.listDeputies(),
  ]);
  if (!runsDistrict(actor, round.district, stations)) {
    throw new AppError('FORBIDDEN', '只有人大工委或服务该选区的联络站工作人员可以结束评议');
  }
  const day = today(ctx);
  if (roundPhase(round, day) === 'closed') throw new AppError('CONFLICT', ROUND_CLOSED);
  await ctx.store.closeRoundEarly(round.id, day, {
    at: ctx.clock.now(),
    actor: actor.openid,
    action: 'evaluations.close',
    targetType: 'evaluation_round',
    targetId: round.id,
    detail: { closedEarlyOn: day },
  });
  return roundView(ctx, { ...round, closedEarlyOn: day }, actor, { stations, deputies });
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
  const notVoter = notAVoter(actor);
  if (notVoter) throw new AppError('FORBIDDEN', notVoter);
  const phase = roundPhase(round, today(ctx));
  if (phase === 'upcoming') throw new AppError('CONFLICT', `评议尚未开始，${round.opensOn}开始`);
  if (phase === 'closed') throw new AppError('CONFLICT', ROUND_CLOSED);
  const elsewhere = notOfDistrict(await ctx.store.getVoterDistrict(actor.openid), round);
  if (elsewhere) throw new AppError('FORBIDDEN', elsewhere);
  if (!round.deputyIds.includes(input.deputyId)) throw new AppError('NOT_FOUND', '本轮评议没有这位代表');
  const comment = input.comment?.trim();
  if (comment) await requireCleanText(ctx, comment, actor.openid);
  const added = await ctx.store.addEvaluation(
    { roundId: round.id, deputyId: input.deputyId, voterOpenid: actor.openid },
    // the answer carries neither the voter nor any time: only the round dates it
    { roundId: round.id, deputyId: input.deputyId, satisfaction: input.satisfaction, ...(comment ? { comment } : {}) },
    {
      at: ctx.clock.now(),
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
    ctx.store.listParticipationsByVoter(actor.openid),
  ]);
  requireKnownDistrict(input.district, stations);
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
