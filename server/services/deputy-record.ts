import type { ActionInput } from '../../src/domain/actions/action-spec';
import type { activitiesActions } from '../../src/domain/actions/activities';
import { ACTIVITY_KINDS, ACTIVITY_KIND_LABELS, groupOf } from '../../src/domain/activity';
import type { DeputyRecordView } from '../../src/domain/activity-views';
import { shanghaiDate, type LocalDate } from '../../src/domain/dates';
import { AppError } from '../../src/domain/errors';
import { sessionsOnDuty } from '../../src/domain/evaluation';
import { periodInstants, rate } from '../../src/domain/figures';
import type { SuggestionStatus } from '../../src/domain/suggestion';
import type { SuggestionStatusCounts } from '../../src/domain/suggestion-figures';
import type { Store } from '../ports/store';
import { activityActor } from './activity-access';
import type { ServiceContext } from './context';
import { recordedSessions } from './held-sessions';

/** A 建议 that stands: submitted and not withdrawn (drafts are not counted by the store). */
const STANDING: readonly SuggestionStatus[] = [
  'submitted',
  'declined',
  'assigned',
  'returned',
  'answered',
  'redo',
  'settled',
];
/** A 建议 a unit has answered at least once. */
const ANSWERED: readonly SuggestionStatus[] = ['answered', 'redo', 'settled'];

const total = (counts: SuggestionStatusCounts, statuses: readonly SuggestionStatus[]) =>
  statuses.reduce((n, s) => n + (counts[s] ?? 0), 0);

/**
 * 履职档案: a deputy's record from `from` to `to` (Shanghai days, inclusive) as of `today` —
 * reception days on duty (held sessions whose duty list names them), the activities that count
 * by attendance, voters met at visits they were present at, the opinions routed to them and
 * replied (办复率, as reports.stats counts them), the 建议 they led and co-signed. Every number
 * is counted by the store; NOT_FOUND for a deputy not on record.
 */
export async function deputyRecordOf(
  store: Store,
  deputyId: string,
  from: LocalDate,
  to: LocalDate,
  today: LocalDate,
): Promise<DeputyRecordView> {
  const [deputy, stations, groups] = await Promise.all([
    store.getDeputy(deputyId),
    store.listStations(),
    store.listGroups(),
  ]);
  if (!deputy) throw new AppError('NOT_FOUND', '没有找到这位代表');
  const { fromMs, toMs } = periodInstants({ from, to });
  const [sessions, attendance, voters, opinions, suggestions] = await Promise.all([
    recordedSessions(store, stations, [deputy.stationId], { from, to }),
    store.countAttendance(from, to, [deputyId]),
    store.countVotersVisited(from, to),
    store.countFigures({ fromMs, toMs, deputyId, today }),
    store.countSuggestionsOfDeputy(deputyId, fromMs, toMs),
  ]);
  const mine = attendance.filter((r) => r.deputyId === deputyId);
  const count = (attendanceOf: string) =>
    mine.filter((r) => r.attendance === attendanceOf).reduce((n, r) => n + r.count, 0);
  const present = count('present');
  const leave = count('leave');
  const absent = count('absent');
  const group = groupOf(groups, deputyId);
  return {
    deputy: {
      id: deputy.id,
      name: deputy.name,
      title: deputy.title,
      stationName: stations.find((s) => s.id === deputy.stationId)?.name ?? '',
      ...(group ? { group: { id: group.id, name: group.name } } : {}),
    },
    from,
    to,
    sessionsOnDuty: sessionsOnDuty(sessions, deputyId, { from, to }, today),
    activities: {
      present,
      leave,
      absent,
      attendanceRate: rate(present, present + leave + absent),
      byKind: ACTIVITY_KINDS.flatMap((kind) => {
        const n = mine.filter((r) => r.kind === kind && r.attendance === 'present').reduce((a, r) => a + r.count, 0);
        return n > 0 ? [{ kind, label: ACTIVITY_KIND_LABELS[kind], present: n }] : [];
      }),
    },
    votersVisited: voters.byDeputy.find((v) => v.deputyId === deputyId)?.voters ?? 0,
    opinions: {
      handled: opinions.collected,
      replied: opinions.replied,
      replyRate: rate(opinions.replied, opinions.collected),
    },
    suggestions: {
      led: total(suggestions.led, STANDING),
      coSigned: total(suggestions.coSigned, STANDING),
      answered: total(suggestions.led, ANSWERED) + total(suggestions.coSigned, ANSWERED),
      settled: (suggestions.led.settled ?? 0) + (suggestions.coSigned.settled ?? 0),
    },
  };
}

/** activities.deputyRecord: a deputy's 履职档案, for the deputy themselves, station staff and the committee. */
export async function getDeputyRecord(
  input: ActionInput<typeof activitiesActions, 'deputyRecord'>,
  ctx: ServiceContext,
): Promise<DeputyRecordView> {
  const actor = await activityActor(ctx);
  if (actor.role === 'deputy' && actor.deputyId !== input.deputyId) {
    throw new AppError('FORBIDDEN', '代表只能查看本人的履职档案');
  }
  return deputyRecordOf(ctx.store, input.deputyId, input.from, input.to, shanghaiDate(ctx.clock.now()));
}
