import { addDays, shanghaiDate } from '../../src/domain/dates';
import { addWorkingDays, replyDueDate } from '../../src/domain/deadlines';
import type { Envelope } from '../../src/domain/envelope';
import { createHolidayCalendar } from '../../src/domain/holiday-calendar';
import { setRuntime, type Runtime } from '../runtime/runtime';
import { seedDemoActivities } from './demo-activities';
import { seedDemoSuggestions } from './demo-suggestions';
import { generateDemoYear } from './demo-year';
import { LOCAL_FUNCTIONS } from './functions';
import { DEMO_SECOND_DEPUTY } from './demo-street';
import { seedDemoData } from './seed';

const DAY = 86_400_000;

/** Set once the first start has made its months of activity; records them as 'from/to' (ISO instants). */
export const DEMO_ACTIVITY_MARKER = 'demo-activity';

/**
 * A year of activity, made on the first start: the committee's figures for this year and its
 * annual report then have every month, as a street's would (about 2,200 opinions in 6 s here).
 */
export const DEMO_ACTIVITY_DAYS = 365;

export interface LivedInOptions {
  days?: number;
  perDay?: number;
  log?: (line: string) => void;
}

/**
 * The first start of a store: the demo street (stations, deputies, accounts, sessions, 评议),
 * then a year of its activity made through the real function entries with a
 * simulated clock (server/local/demo-year.ts), the street's 代表建议 of about half a year made the
 * same way (server/local/demo-suggestions.ts), a year of 履职 — 人大小组, the committee's
 * activities, 片区座谈会, deputies' visits and attendance — likewise (server/local/demo-activities.ts),
 * then two cases of 陈建国 (demo-deputy, 青溪街道联络站, whose staff is demo-staff) that the
 * scheduler has not yet seen: one past its reply date, one due on the next working day. The first deadlines run after it (at `npm start`) escalates the
 * first to staff — a 督办 line on its timeline and a message to demo-staff — and sends the 催办
 * for the second. A store seeded before (by an earlier version, by a test, or by
 * `npm run demo:year`) keeps what it has: this returns `seeded: false` and writes nothing.
 */
export async function seedLivedInStreet(runtime: Runtime, options: LivedInOptions = {}) {
  const { store, clock } = runtime;
  if (!(await seedDemoData(store, clock))) return { seeded: false as const };
  const to = clock.now();
  await store.putAccount(
    { ...DEMO_SECOND_DEPUTY, createdAt: to },
    { at: to, actor: 'system', action: 'seed.account', targetType: 'account', targetId: DEMO_SECOND_DEPUTY.openid },
  );
  const from = to - (options.days ?? DEMO_ACTIVITY_DAYS) * DAY;
  const activity = await generateDemoYear(runtime, {
    from,
    to,
    perDay: options.perDay ?? 6,
    marker: DEMO_ACTIVITY_MARKER,
    markerValue: `${new Date(from).toISOString()}/${new Date(to).toISOString()}`,
    ...(options.log ? { log: options.log } : {}),
  });
  const suggestions = await seedDemoSuggestions(runtime);
  const luzhi = await seedDemoActivities(runtime);
  const dueCases = await openDueCases(runtime);
  return { seeded: true as const, activity, suggestions, luzhi, dueCases };
}

/** Wall-clock 10:00 in Shanghai on `date`. */
const tenOClock = (date: string) => Date.parse(`${date}T10:00:00+08:00`);

/**
 * Two opinions for 陈建国 submitted on the days that make one overdue and the other due on the
 * next working day (10 working days after submission, by the holiday calendar). Housing at
 * 青溪街道联络站 goes to him: he is its only deputy whose focus includes it.
 */
async function openDueCases(runtime: Runtime) {
  const today = shanghaiDate(runtime.clock.now());
  const calendar = createHolidayCalendar(await runtime.store.listHolidayArrangements());
  // The latest submission day whose reply date has already passed…
  let overdueOn = today;
  while (replyDueDate(overdueOn, calendar) >= today) overdueOn = addDays(overdueOn, -1);
  // …and the latest whose reply date is the next working day.
  const tomorrow = addWorkingDays(today, 1, calendar);
  let dueTomorrowOn = today;
  while (replyDueDate(dueTomorrowOn, calendar) > tomorrow) dueTomorrowOn = addDays(dueTomorrowOn, -1);

  const cases = [
    {
      on: overdueOn,
      voter: 'demo-voter-901',
      content: '油车巷18号旁的危房外墙开裂，雨天往下掉砖块，离学校上学的路很近，请尽快排查加固。',
    },
    {
      on: dueTomorrowOn,
      voter: 'demo-voter-902',
      content: '青溪新村3幢楼道灯坏了一个多月，老人晚上上下楼看不见，希望物业尽快修好。',
    },
  ];
  const ids: string[] = [];
  for (const [i, item] of cases.entries()) {
    setRuntime({ ...runtime, clock: { now: () => tenOClock(item.on) } });
    const result = (await LOCAL_FUNCTIONS.opinions!(
      {
        action: 'submit',
        stationId: 'qx-jiedao',
        category: 'housing',
        content: item.content,
        requestId: `demo-due-case-${i}`,
      },
      { environment: JSON.stringify({ WX_OPENID: item.voter }) },
    )) as Envelope<{ opinionId: string }>;
    setRuntime(runtime);
    if (!result.ok) throw new Error(`演示意见未能提交：${result.error.message}`);
    ids.push(result.data.opinionId);
  }
  return { overdue: ids[0]!, dueTomorrow: ids[1]! };
}
