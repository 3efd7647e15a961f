import { groupOf, type Attendance } from '../../src/domain/activity';
import { AppError } from '../../src/domain/errors';
import {
  evaluationResult,
  medianReplyDays,
  PUBLISHED_LABEL,
  resultsPublished,
  ROUND_PHASE_LABELS,
  roundPhase,
  sessionsOnDuty,
  tallyAnswers,
  type EvaluationParticipation,
  type EvaluationRound,
} from '../../src/domain/evaluation';
import type { DeputyCardView, RoundListView, RoundSummaryView, RoundView } from '../../src/domain/evaluation-views';
import { periodInstants, rate, ZERO_COUNTS } from '../../src/domain/figures';
import { toPublicDeputy, type Deputy, type Station } from '../../src/domain/station';
import type { Actor } from './actor';
import {
  allDistricts,
  cannotRateReason,
  commentsSeenBy,
  districtLock,
  optionalActor,
  runsDistrict,
  today,
} from './evaluation-access';
import type { ServiceContext } from './context';
import { recordedSessions } from './held-sessions';

/** Comments shown per deputy once a round is published. */
const COMMENTS_SHOWN = 50;

/** What the street holds that a round's page reads: a command that has read it passes it on. */
export interface Street {
  stations: Station[];
  deputies: Deputy[];
}

const readStreet = async (ctx: ServiceContext): Promise<Street> => {
  const [stations, deputies] = await Promise.all([ctx.store.listStations(), ctx.store.listDeputies()]);
  return { stations, deputies };
};

/** The caller's declared 选区 and which deputies they rated (none for a visitor without an OPENID). */
async function callerStanding(ctx: ServiceContext, actor: Actor | null) {
  if (!actor) return { myDistrict: null, mine: [] as EvaluationParticipation[] };
  const [myDistrict, mine] = await Promise.all([
    ctx.store.getVoterDistrict(actor.openid),
    ctx.store.listParticipationsByVoter(actor.openid),
  ]);
  return { myDistrict, mine };
}

function summaryOf(
  round: EvaluationRound,
  day: string,
  actor: Actor | null,
  myDistrict: string | null,
  ratedByMe: number,
  participants: number | undefined,
): RoundSummaryView {
  const phase = roundPhase(round, day);
  const published = resultsPublished(round, day);
  return {
    id: round.id,
    district: round.district,
    title: round.title,
    opensOn: round.opensOn,
    closesOn: round.closesOn,
    ...(round.closedEarlyOn && round.closedEarlyOn <= round.closesOn ? { closedEarlyOn: round.closedEarlyOn } : {}),
    phase,
    phaseLabel: published ? PUBLISHED_LABEL : ROUND_PHASE_LABELS[phase],
    published,
    deputyCount: round.deputyIds.length,
    canRate: phase === 'open' && actor?.role === 'voter' && myDistrict === round.district,
    ratedByMe,
    ...(participants !== undefined ? { participants } : {}),
  };
}

/** evaluations.list: the rounds of the street, newest first, and the caller's standing in them. */
export async function listRounds(_input: Record<string, never>, ctx: ServiceContext): Promise<RoundListView> {
  const actor = await optionalActor(ctx);
  const [stations, rounds, { myDistrict, mine }] = await Promise.all([
    ctx.store.listStations(),
    ctx.store.listRounds(),
    callerStanding(ctx, actor),
  ]);
  const day = today(ctx);
  const districts = allDistricts(stations);
  const lock = actor ? districtLock(rounds, mine, day) : undefined;
  // Only those running a round see how many took part: one count per round they run.
  const participants = await Promise.all(
    rounds.map((r) => (runsDistrict(actor, r.district, stations) ? ctx.store.countEvaluators(r.id) : undefined)),
  );
  return {
    districts,
    ...(myDistrict ? { myDistrict } : {}),
    ...(lock ? { districtLockedReason: lock } : {}),
    openableDistricts: districts.filter((d) => runsDistrict(actor, d, stations)),
    items: rounds.map((r, i) =>
      summaryOf(r, day, actor, myDistrict, mine.filter((e) => e.roundId === r.id).length, participants[i]),
    ),
  };
}

/**
 * A round as the caller sees it. Every store read it needs is made once for the whole round —
 * the street, the caller's standing, then figures, sessions, reply times, attendance at 履职活动,
 * voters visited, answers, comments and participants of all its deputies together — never once
 * per deputy.
 */
export async function roundView(
  ctx: ServiceContext,
  round: EvaluationRound,
  actor: Actor | null,
  street?: Street,
): Promise<RoundView> {
  const day = today(ctx);
  const phase = roundPhase(round, day);
  const [{ stations, deputies: allDeputies }, standing] = await Promise.all([
    street ?? readStreet(ctx),
    callerStanding(ctx, actor),
  ]);
  const { myDistrict } = standing;
  const mine = standing.mine.filter((e) => e.roundId === round.id);
  const deputies = round.deputyIds
    .map((id) => allDeputies.find((d) => d.id === id))
    .filter((d): d is Deputy => d !== undefined);
  const deputyIds = deputies.map((d) => d.id);
  const runs = runsDistrict(actor, round.district, stations);
  const closed = phase === 'closed';
  // Results only after the planned last day, whether or not the round was closed early.
  const published = resultsPublished(round, day);
  const seen = published ? commentsSeenBy(actor, round, runs) : [];

  const { fromMs, toMs } = periodInstants({ from: round.periodFrom, to: round.periodTo });
  const [figureRows, sessions, durations, counts, comments, participants, attendance, visits, groups] =
    await Promise.all([
      ctx.store.countFiguresBy({ fromMs, toMs, today: day }, 'deputy'),
      recordedSessions(ctx.store, stations, [...new Set(deputies.map((d) => d.stationId))], {
        from: round.periodFrom,
        to: round.periodTo,
      }),
      ctx.store.replyDurations(deputyIds, fromMs, toMs),
      published ? ctx.store.countEvaluations(round.id) : Promise.resolve([]),
      seen.length > 0 ? ctx.store.listEvaluationComments(round.id, seen, COMMENTS_SHOWN) : Promise.resolve([]),
      runs ? ctx.store.countEvaluators(round.id) : Promise.resolve(undefined),
      ctx.store.countAttendance(round.periodFrom, round.periodTo, deputyIds),
      ctx.store.countVotersVisited(round.periodFrom, round.periodTo),
      ctx.store.listGroups(),
    ]);
  const attended = (deputyId: string, mark: Attendance) =>
    attendance.filter((r) => r.deputyId === deputyId && r.attendance === mark).reduce((n, r) => n + r.count, 0);

  const cards = deputies.map((deputy): DeputyCardView => {
    const figures = figureRows.find((r) => r.key === deputy.id)?.counts ?? ZERO_COUNTS;
    const result = published
      ? evaluationResult(tallyAnswers(counts.filter((row) => row.deputyId === deputy.id)))
      : undefined;
    return {
      deputy: {
        ...toPublicDeputy(deputy, groupOf(groups, deputy.id)?.name),
        stationName: stations.find((s) => s.id === deputy.stationId)?.name ?? '',
      },
      activity: {
        sessionsOnDuty: sessionsOnDuty(sessions, deputy.id, { from: round.periodFrom, to: round.periodTo }, day),
        handled: figures.collected,
        replied: figures.replied,
        replyRate: rate(figures.replied, figures.collected),
        medianReplyDays: medianReplyDays(durations.filter((d) => d.deputyId === deputy.id).map((d) => d.ms)),
        activities: {
          present: attended(deputy.id, 'present'),
          leave: attended(deputy.id, 'leave'),
          absent: attended(deputy.id, 'absent'),
        },
        votersVisited: visits.byDeputy.find((v) => v.deputyId === deputy.id)?.voters ?? 0,
      },
      ratedByMe: mine.some((e) => e.deputyId === deputy.id),
      ...(result ? { result } : {}),
      // comments only with enough raters: a few comments could be told apart by who wrote them
      ...(result?.sufficient && seen.includes(deputy.id)
        ? {
            comments: comments
              .filter((c) => c.deputyId === deputy.id)
              .map(({ satisfaction, comment }) => ({ satisfaction, comment })),
          }
        : {}),
    };
  });

  const summary = summaryOf(round, day, actor, myDistrict, mine.length, participants);
  const reason = phase === 'open' && !summary.canRate ? cannotRateReason(actor, myDistrict, round) : undefined;
  return {
    ...summary,
    periodFrom: round.periodFrom,
    periodTo: round.periodTo,
    ...(reason ? { cannotRateReason: reason } : {}),
    needsDistrict: phase === 'open' && actor?.role === 'voter' && !myDistrict,
    canClose: runs && !closed,
    deputies: cards,
  };
}

/** The round asked for, or NOT_FOUND. */
export async function existingRound(ctx: ServiceContext, roundId: string): Promise<EvaluationRound> {
  const round = await ctx.store.getRound(roundId);
  if (!round) throw new AppError('NOT_FOUND', '没有找到这轮评议');
  return round;
}

/** evaluations.get: a round with each deputy's activity, whom the caller rated and, once published, the results. */
export async function getRound(input: { roundId: string }, ctx: ServiceContext): Promise<RoundView> {
  return roundView(ctx, await existingRound(ctx, input.roundId), await optionalActor(ctx));
}
