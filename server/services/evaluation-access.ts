import { shanghaiDate, type LocalDate } from '../../src/domain/dates';
import { AppError } from '../../src/domain/errors';
import { roundPhase, type EvaluationParticipation, type EvaluationRound } from '../../src/domain/evaluation';
import type { Station } from '../../src/domain/station';
import { actorOf, type Actor } from './actor';
import type { ServiceContext } from './context';

/*
 * Who may do what in 代表述职评议: read rounds (anyone), rate (voters of the round's 选区), open
 * and close (the committee, or staff of a station serving the 选区), change their 选区 (a voter
 * not rating elsewhere). The page's reasons and the commands' refusals come from here, so that
 * a voter reads the same sentence before and after tapping.
 */

/** Said when a round has ended, to whoever tries to rate in it or close it again. */
export const ROUND_CLOSED = '这轮评议已经结束';

/** The day in Shanghai: rounds open and close by date. */
export const today = (ctx: ServiceContext): LocalDate => shanghaiDate(ctx.clock.now());

/** Every 选区 the street's stations serve, in the order the stations list them. */
export function allDistricts(stations: readonly Station[]): string[] {
  return [...new Set(stations.flatMap((s) => s.districts))];
}

/** Refuses a 选区 that none of the street's stations serves. */
export function requireKnownDistrict(district: string, stations: readonly Station[]): void {
  if (!allDistricts(stations).includes(district)) throw new AppError('INVALID_INPUT', '没有这个选区');
}

/** The committee runs every round; staff run the rounds of the districts their station serves. */
export function runsDistrict(actor: Actor | null, district: string, stations: readonly Station[]): boolean {
  if (!actor) return false;
  if (actor.role === 'admin') return true;
  if (actor.role !== 'staff') return false;
  return stations.some((s) => s.id === actor.stationId && s.districts.includes(district));
}

/** The caller, or null for an H5 visitor without an OPENID (who may still read rounds). */
export async function optionalActor(ctx: ServiceContext): Promise<Actor | null> {
  return ctx.caller.openid ? actorOf(ctx) : null;
}

/** Why the voter may not change their 选区: they rate in a round of it that is not over. */
export function districtLock(
  rounds: readonly EvaluationRound[],
  mine: readonly EvaluationParticipation[],
  day: LocalDate,
): string | undefined {
  const active = rounds.find((r) => roundPhase(r, day) !== 'closed' && mine.some((e) => e.roundId === r.id));
  return active ? `您正在参加${active.district}的述职评议，评议结束后才能更改选区` : undefined;
}

/** Why a caller does not rate as a voter at all: only voters rate; deputies and staff stand in or run the review. */
export function notAVoter(actor: Actor | null): string | undefined {
  if (!actor) return '请在微信中打开小程序后参加评议';
  if (actor.role !== 'voter') return '代表、工作人员和人大工委不参加选民评议';
  return undefined;
}

/** Why a voter does not rate in a round: a round is rated by the voters who declared its 选区. */
export function notOfDistrict(myDistrict: string | null, round: EvaluationRound): string | undefined {
  if (!myDistrict) return '请先选择您所在的选区';
  if (myDistrict !== round.district) return `本轮评议面向${round.district}的选民，您登记的是${myDistrict}`;
  return undefined;
}

/** Why a caller may not rate in an open round, as the round page says it; undefined when they may. */
export function cannotRateReason(
  actor: Actor | null,
  myDistrict: string | null,
  round: EvaluationRound,
): string | undefined {
  return notAVoter(actor) ?? notOfDistrict(myDistrict, round);
}

/** The deputies whose comments the caller reads once a round is published: all for those running it, a deputy their own. */
export function commentsSeenBy(actor: Actor | null, round: EvaluationRound, runs: boolean): readonly string[] {
  if (runs) return round.deputyIds;
  return actor?.deputyId && round.deputyIds.includes(actor.deputyId) ? [actor.deputyId] : [];
}
