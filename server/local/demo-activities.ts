import type { ActivityKind } from '../../src/domain/activity';
import { addDays, shanghaiDate, type Clock, type LocalDate } from '../../src/domain/dates';
import type { Envelope } from '../../src/domain/envelope';
import { setRuntime, type Runtime } from '../runtime/runtime';
import { dispatchOutbox } from '../services/outbox-dispatch';
import {
  DEMO_COMMITTEE_ACTIVITIES,
  DEMO_VISITS,
  FORUM_TOPICS,
  LEAVE_REASONS,
  type DemoCommitteeActivity,
} from './demo-activities-texts';
import { DEMO_CALLERS, DEMO_DEPUTIES, DEMO_GROUPS, DEMO_STATIONS } from './demo-street';
import { LOCAL_FUNCTIONS } from './functions';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The deputy the demo shows below the attendance the committee expects: 赵国庆, often away at his shop. */
export const DEMO_LOW_ATTENDANCE_DEPUTY = 'd07';

type Mark = { attendance: 'present' | 'leave' | 'absent'; leaveReason?: string };

/** A mark changed after it was made, with the reason the change needs. */
interface DemoCorrection {
  /** A committee activity's title, or `forum:<group>:<month index>` for a 片区座谈会. */
  key: string;
  deputyId: string;
  first: Mark;
  then: Mark & { correctionReason: string };
}

const CORRECTIONS: DemoCorrection[] = [
  {
    key: '安全生产执法检查',
    deputyId: 'd05',
    first: { attendance: 'absent' },
    then: { attendance: 'leave', leaveReason: '医院急诊值班', correctionReason: '会前已电话请假，登记时遗漏' },
  },
  {
    key: 'forum:grp-chengxi:4',
    deputyId: 'd12',
    first: { attendance: 'absent' },
    then: { attendance: 'present', correctionReason: '签到表漏签，经核实当天到会' },
  },
];

/** A small stable hash, so that every first start marks the same deputies absent. */
function hash(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h;
}

/** How a deputy came to an activity: mostly 出席, sometimes 请假 or 缺席; 赵国庆 came to about a third. */
function markOf(deputyId: string, salt: string): Mark {
  const h = hash(`${deputyId}:${salt}`);
  const reason = LEAVE_REASONS[h % LEAVE_REASONS.length]!;
  if (deputyId === DEMO_LOW_ATTENDANCE_DEPUTY) {
    const roll = h % 3;
    return roll === 0
      ? { attendance: 'present' }
      : roll === 1
        ? { attendance: 'leave', leaveReason: reason }
        : { attendance: 'absent' };
  }
  const roll = (h >>> 8) % 100;
  if (roll < 7) return { attendance: 'leave', leaveReason: reason };
  if (roll < 10) return { attendance: 'absent' };
  return { attendance: 'present' };
}

/** The working day on or before `date` (Saturday and Sunday move back to Friday). */
function weekdayOnOrBefore(date: LocalDate): LocalDate {
  const day = new Date(`${date}T12:00:00+08:00`).getUTCDay();
  return day === 6 ? addDays(date, -1) : day === 0 ? addDays(date, -2) : date;
}

/** 17:00 in Shanghai on `date`, `after` days later: when the activity is written up. */
const writtenUp = (date: LocalDate, after: number) => Date.parse(`${date}T17:00:00+08:00`) + after * DAY;

/**
 * The street's 履职 over the year before now, made through the real `activities` entry with a
 * moving clock: the committee names the four 人大小组, records its activities (with the 建议
 * they led to and one 回头看) and marks each invited deputy; each group's 组长 records its monthly
 * 片区座谈会 and marks the members; deputies record their own visits, which their station's staff
 * confirm (one refused, 陈建国's latest left for demo-staff). Attendance is mostly 出席, with
 * leaves and absences, two corrections, and 赵国庆 well below the expected attendance. Runs after
 * the 代表建议 (server/local/demo-suggestions.ts), whose 建议 it links. Answers what was refused
 * (should be nothing) and how much was made.
 */
export async function seedDemoActivities(runtime: Runtime) {
  const { store } = runtime;
  const end = runtime.clock.now();
  const today = shanghaiDate(end);
  let now = end - 335 * DAY;
  const clock: Clock = { now: () => now };
  setRuntime({ ...runtime, clock });
  const refused: string[] = [];
  const call = async (openid: string, event: Record<string, unknown>) => {
    const main = LOCAL_FUNCTIONS.activities;
    if (!main) throw new Error('缺少 activities 云函数');
    const result = (await main(event, { environment: JSON.stringify({ WX_OPENID: openid }) })) as Envelope<{
      id: string;
    }>;
    if (!result.ok) refused.push(`activities.${String(event.action)}：${result.error.message}`);
    else if (event.action === 'record') recorded += 1;
    return result.ok ? result.data : null;
  };

  const intake = async (openid: string, event: Record<string, unknown>) => {
    const main = LOCAL_FUNCTIONS.casework;
    if (!main) throw new Error('缺少 casework 云函数');
    const result = (await main(
      { action: 'intake', ...event },
      { environment: JSON.stringify({ WX_OPENID: openid }) },
    )) as Envelope<unknown>;
    if (!result.ok) refused.push(`casework.intake：${result.error.message}`);
  };

  const openidOf = new Map<string, string>();
  for (const deputy of DEMO_DEPUTIES) {
    const account = await store.getAccountByDeputy(deputy.id);
    if (account) openidOf.set(deputy.id, account.openid);
  }
  const staffOf = (stationId: string) => (stationId === 'qx-jiedao' ? DEMO_CALLERS.staff : `demo-staff-${stationId}`);
  const suggestionIds = new Map<string, string>();
  for (let cursor: string | undefined, first = true; first || cursor; first = false) {
    const page = await store.listSuggestions({ limit: 100, ...(cursor ? { cursor } : {}) });
    for (const s of page.items) suggestionIds.set(s.title, s.id);
    cursor = page.cursor;
  }
  const activityIds = new Map<string, string>();
  let recorded = 0;

  const jobs: Array<{ at: number; run: () => Promise<void> }> = [];
  const at = (when: number, run: () => Promise<void>) => {
    if (when <= end) jobs.push({ at: when, run });
  };

  /** Record an activity as `by`, then mark each invited deputy (and make the corrections due). */
  const recordAndMark = async (by: string, key: string, event: Record<string, unknown>, invited: readonly string[]) => {
    const made = await call(by, { action: 'record', suggestionIds: [], opinionIds: [], ...event });
    if (!made) return;
    activityIds.set(String(event.title), made.id);
    for (const deputyId of invited) {
      const correction = CORRECTIONS.find((c) => c.key === key && c.deputyId === deputyId);
      const mark = correction?.first ?? markOf(deputyId, key);
      await call(by, { action: 'markAttendance', activityId: made.id, deputyId, ...mark });
      if (correction) await call(by, { action: 'markAttendance', activityId: made.id, deputyId, ...correction.then });
    }
  };

  at(now, async () => {
    for (const { id, sortOrder: _sortOrder, ...group } of DEMO_GROUPS)
      await call(DEMO_CALLERS.admin, { action: 'setGroup', groupId: id, ...group });
  });

  const committee = (a: DemoCommitteeActivity) => {
    const date = weekdayOnOrBefore(addDays(today, -a.daysAgo));
    const invited = a.deputyIds ?? DEMO_DEPUTIES.map((d) => d.id);
    at(writtenUp(date, a.recordAfter ?? 1), async () => {
      const follows = a.follows ? activityIds.get(a.follows) : undefined;
      const linked = (a.suggestionTitles ?? []).map((t) => suggestionIds.get(t)).filter((id) => id !== undefined);
      await recordAndMark(
        DEMO_CALLERS.admin,
        a.title,
        {
          kind: a.kind,
          title: a.title,
          date,
          place: a.place,
          ...(a.subject ? { subject: a.subject } : {}),
          ...(a.outcome ? { outcome: a.outcome } : {}),
          suggestionIds: linked,
          ...(follows ? { followsActivityId: follows } : {}),
          deputyIds: invited,
        },
        invited,
      );
    });
  };
  DEMO_COMMITTEE_ACTIVITIES.forEach(committee);

  // Each group's monthly 片区座谈会, recorded by its 组长 the same evening, with the opinions it took up.
  DEMO_GROUPS.forEach((group, g) => {
    const leader = group.leaderDeputyId ? openidOf.get(group.leaderDeputyId) : undefined;
    const station = DEMO_DEPUTIES.find((d) => d.id === group.leaderDeputyId)?.stationId ?? 'qx-jiedao';
    if (!leader) return;
    FORUM_TOPICS.forEach((topic, m) => {
      const date = weekdayOnOrBefore(addDays(today, -(318 - 30 * m - 2 * g)));
      const title = `${group.area}${Number(date.slice(5, 7))}月片区座谈会`;
      at(writtenUp(date, 0), async () => {
        const recent = await store.listOpinions({ stationId: station, limit: 20 });
        const raised = recent.items.filter((o) => o.createdAt < now && o.createdAt > now - 30 * DAY).slice(0, 2);
        await recordAndMark(
          leader,
          `forum:${group.id}:${m}`,
          {
            kind: 'liaison_forum' satisfies ActivityKind,
            title,
            date,
            place: DEMO_STATIONS.find((s) => s.id === station)?.name ?? '青溪街道人大代表联络站',
            subject: topic,
            groupId: group.id,
            outcome: `围绕${topic}听取选民意见，梳理问题${2 + (hash(title) % 4)}条，交有关部门办理。`,
            opinionIds: raised.map((o) => o.id),
            deputyIds: group.memberDeputyIds,
          },
          group.memberDeputyIds,
        );
      });
    });
  });

  // Deputies' own visits, recorded the same evening and looked at by their station's staff the next morning.
  for (const visit of DEMO_VISITS) {
    const deputy = DEMO_DEPUTIES.find((d) => d.id === visit.deputyId)!;
    const openid = openidOf.get(deputy.id);
    if (!openid) continue;
    const date = weekdayOnOrBefore(addDays(today, -visit.daysAgo));
    at(writtenUp(date, 0), async () => {
      const made = await call(openid, {
        action: 'record',
        kind: 'voter_visit' satisfies ActivityKind,
        title: visit.title,
        date,
        place: visit.place,
        votersVisited: visit.voters,
        ...(visit.outcome ? { outcome: visit.outcome } : {}),
        deputyIds: [],
        suggestionIds: [],
        opinionIds: [],
      });
      if (!made) return;
      // What residents raised, taken down by the deputy for them: each stays with that deputy.
      for (const [i, opinion] of (visit.raised ?? []).entries()) {
        await intake(openid, { ...opinion, activityId: made.id, requestId: `demo-visit-${made.id}-${i}` });
      }
      if (visit.review === 'pending') return;
      at(writtenUp(date, 1) - 7 * HOUR, async () => {
        await call(staffOf(deputy.stationId), {
          action: 'review',
          activityId: made.id,
          confirm: visit.review === 'confirm',
          ...(visit.note ? { note: visit.note } : {}),
        });
      });
    });
  }

  while (jobs.length > 0) {
    jobs.sort((a, b) => a.at - b.at);
    const next = jobs.shift()!;
    now = next.at;
    await next.run();
  }
  const delivered = { send: async () => ({ ok: true as const }) };
  while ((await dispatchOutbox(store, delivered, clock, 1000)).sent > 0);
  setRuntime(runtime);
  return { activities: recorded, refused };
}
