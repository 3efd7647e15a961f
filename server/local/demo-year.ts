import { CATEGORY_IDS, type CategoryId } from '../../src/domain/categories';
import { shanghaiDate, type Clock } from '../../src/domain/dates';
import type { Envelope } from '../../src/domain/envelope';
import type { Store } from '../ports/store';
import { setRuntime, type Runtime } from '../runtime/runtime';
import { watchDeadlines } from '../services/deadline-watch';
import { dispatchOutbox } from '../services/outbox-dispatch';
import { DEMO_DEPUTIES, DEMO_STATIONS } from './demo-street';
import { CONCERNS, PLACES, REPLIES, RESOLUTIONS, UNITS } from './demo-year-texts';
import { LOCAL_FUNCTIONS } from './functions';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Set once `npm run demo:year` has made its year. */
export const DEMO_YEAR_MARKER = 'demo-year';

/** A small seeded generator (mulberry32), so that every run makes the same year. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Scheduled {
  at: number;
  run: () => Promise<void>;
}

export interface DemoYearOptions {
  /** Voters submit from this instant… */
  from: number;
  /** …until this one. */
  to: number;
  /** Replies, confirmations, ratings and the scheduler's daily passes go on until here (default `to`). */
  until?: number;
  perDay: number;
  seed?: number;
  /** The marker that records the run (default 'demo-year'); a store that has it is left alone. */
  marker?: string;
  /** What the marker records (default: when it ran). */
  markerValue?: string;
  log?: (line: string) => void;
}

/**
 * A year of activity on the demo street, made through the real cloud-function entries with
 * a simulated clock: voters submit, deputies reply (some late, some after referring to a
 * handling unit), staff confirm, voters rate — with withdrawals, rejections, reopenings and
 * the scheduler's reminders along the way. Runs once per store and marker (the marker records it).
 * With `until` after `to`, the cases opened before `to` are carried on up to `until`: that is how
 * a year is made in front of activity the store already has.
 */
export async function generateDemoYear(runtime: Runtime, options: DemoYearOptions) {
  const { store } = runtime;
  const marker = options.marker ?? DEMO_YEAR_MARKER;
  const until = options.until ?? options.to;
  if ((await store.getMarker(marker)) !== null) return null;
  const rand = random(options.seed ?? 20261126);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  let now = options.from;
  const clock: Clock = { now: () => now };
  setRuntime({ ...runtime, clock, config: { ...runtime.config, dailySubmitLimit: 1000 } });
  await ensureAccounts(store, now);

  // Each deputy acts through its own account: demo-deputy (陈建国), demo-deputy-2 (张丽华), demo-deputy-<id> for the rest.
  const deputyAccounts = new Map<string, string>();
  for (const deputy of DEMO_DEPUTIES) {
    const account = await store.getAccountByDeputy(deputy.id);
    if (account) deputyAccounts.set(deputy.id, account.openid);
  }
  const deputyOpenid = (id: string) => deputyAccounts.get(id) ?? `demo-deputy-${id}`;
  const staffOpenid = (stationId: string) => (stationId === 'qx-jiedao' ? 'demo-staff' : `demo-staff-${stationId}`);
  const call = async (fn: string, openid: string, event: Record<string, unknown>) => {
    const main = LOCAL_FUNCTIONS[fn]!;
    const result = (await main(event, { environment: JSON.stringify({ WX_OPENID: openid }) })) as Envelope<
      Record<string, unknown>
    >;
    if (!result.ok) failures.set(result.error.code, (failures.get(result.error.code) ?? 0) + 1);
    return result.ok ? result.data : null;
  };

  const failures = new Map<string, number>();
  const queue: Scheduled[] = [];
  const later = (at: number, run: () => Promise<void>) => {
    if (at > until) return;
    let i = queue.length;
    while (i > 0 && queue[i - 1]!.at > at) i -= 1;
    queue.splice(i, 0, { at, run });
  };
  const stats = { submitted: 0, replied: 0, resolved: 0, rated: 0, withdrawn: 0, rejected: 0 };

  const followUp = (opinionId: string, voter: string, stationId: string, at: number, round: number) => {
    const get = () => call('opinions', voter, { action: 'get', opinionId });
    const roll = rand();
    if (round === 0 && roll < 0.04) {
      later(at + DAY, async () => {
        if (await call('opinions', voter, { action: 'withdraw', opinionId, reason: '问题已自行解决' }))
          stats.withdrawn += 1;
      });
      return;
    }
    if (round === 0 && roll < 0.07) {
      later(at + DAY, async () => {
        const reason = '该事项属于司法程序，不在代表联络站受理范围，建议向县法院咨询。';
        if (
          await call('casework', staffOpenid(stationId), { action: 'reject', opinionId, kind: 'out_of_remit', reason })
        ) {
          stats.rejected += 1;
        }
      });
      return;
    }
    // Most replies come within the 10 working days; about one in eight is late.
    const replyAfter = (rand() < 0.12 ? 15 + rand() * 10 : 1 + rand() * 11) * DAY;
    const transfers = round === 0 && rand() < 0.15;
    later(Math.round(at + replyAfter), async () => {
      const view = await get();
      const deputyId = (view?.assignedDeputy as { id: string } | undefined)?.id;
      if (!deputyId) return;
      const deputy = deputyOpenid(deputyId);
      if (transfers) {
        const expected = shanghaiDate(now + 20 * DAY);
        await call('casework', deputy, { action: 'transfer', opinionId, unit: pick(UNITS), expectedDate: expected });
      }
      if (!(await call('casework', deputy, { action: 'reply', opinionId, content: pick(REPLIES) }))) return;
      stats.replied += 1;
      if (rand() < 0.1) return; // waits for staff confirmation at the year's end
      later(Math.round(now + (1 + rand() * 6) * DAY), async () => {
        if (
          !(await call('casework', staffOpenid(stationId), { action: 'resolve', opinionId, note: pick(RESOLUTIONS) }))
        ) {
          return;
        }
        stats.resolved += 1;
        if (rand() < 0.15) return; // never rated
        later(Math.round(now + (1 + rand() * 4) * DAY), async () => {
          const r = rand();
          const satisfaction = r < 0.78 ? 'satisfied' : r < 0.92 ? 'basically_satisfied' : 'dissatisfied';
          if (!(await call('opinions', voter, { action: 'rate', opinionId, satisfaction }))) return;
          stats.rated += 1;
          if (satisfaction === 'dissatisfied' && round === 0) followUp(opinionId, voter, stationId, now, 1);
        });
      });
    });
  };

  // Voters and their opinions, day by day; the scheduler's daily pass goes on until `until`.
  for (let day = options.from; day < until; day += DAY) {
    const count = day < options.to ? Math.round(options.perDay * (0.5 + rand())) : 0;
    for (let k = 0; k < count; k += 1) {
      const at = Math.round(day + (8 + rand() * 12) * HOUR);
      if (at > options.to) continue;
      later(at, async () => {
        const voter = `demo-voter-${Math.floor(rand() * 800)}`;
        const station = pick(DEMO_STATIONS);
        const category: CategoryId = pick(CATEGORY_IDS);
        const content = `${pick(PLACES)}${pick(CONCERNS[category])}。`;
        const result = await call('opinions', voter, {
          action: 'submit',
          stationId: station.id,
          category,
          content,
          requestId: `demo-year-${at}-${k}`,
        });
        if (!result) return;
        stats.submitted += 1;
        followUp(String(result.opinionId), voter, station.id, now, 0);
      });
    }
    // The scheduler's daily pass at 09:05: reminders, escalations, notifications.
    later(day + 9 * HOUR + 5 * 60_000, async () => {
      await watchDeadlines(store, clock);
      await dispatchOutbox(store, { send: async () => ({ ok: true }) }, clock, 1000);
    });
  }

  let lastMonth = '';
  while (queue.length > 0) {
    const next = queue.shift()!;
    now = next.at;
    await next.run();
    const month = shanghaiDate(now).slice(0, 7);
    if (month !== lastMonth) {
      options.log?.(`${month}：已提交 ${stats.submitted} 条`);
      lastMonth = month;
    }
  }
  // What the last days queued is delivered too, so the live outbox starts with only what happens next.
  while ((await dispatchOutbox(store, { send: async () => ({ ok: true }) }, clock, 1000)).sent > 0);
  setRuntime(runtime);
  await store.setMarkerOnce(marker, options.markerValue ?? new Date().toISOString());
  // Refusals are part of a real year too (a second rating, a case already moved on); they are counted, not hidden.
  return { ...stats, refused: Object.fromEntries(failures) };
}

/** Accounts for every demo deputy and a staff member for every station, so that all can act. */
async function ensureAccounts(store: Store, now: number) {
  const audit = (targetId: string) => ({
    at: now,
    actor: 'system',
    action: 'seed.account',
    targetType: 'account',
    targetId,
  });
  for (const deputy of DEMO_DEPUTIES) {
    if (deputy.id === 'd01' || (await store.getAccountByDeputy(deputy.id))) continue;
    const openid = `demo-deputy-${deputy.id}`;
    await store.putAccount(
      { openid, role: 'deputy', stationId: deputy.stationId, deputyId: deputy.id, createdAt: now },
      audit(openid),
    );
  }
  for (const station of DEMO_STATIONS) {
    if (station.id === 'qx-jiedao') continue;
    const openid = `demo-staff-${station.id}`;
    if (await store.getAccount(openid)) continue;
    await store.putAccount(
      { openid, role: 'staff', stationId: station.id, displayName: `${station.name}工作人员`, createdAt: now },
      audit(openid),
    );
  }
}
