import { addDays, formatYearDateZh, shanghaiDate, type Clock, type LocalDate } from '../../src/domain/dates';
import { createHolidayCalendar, type HolidayCalendar } from '../../src/domain/holiday-calendar';
import type { NotificationKind, NotificationPayloads } from '../../src/domain/notifications';
import { latestAnswer, pendingDueDate, type Suggestion } from '../../src/domain/suggestion';
import { unitReminderDate } from '../../src/domain/suggestion-deadlines';
import { suggestionTransition, type SuggestionAction } from '../../src/domain/suggestion-lifecycle';
import type { OutboxMessage } from '../ports/opinion-store';
import type { Store } from '../ports/store';
import type { ServiceConfig } from './context';
import { suggestionAudit, suggestionEvent, suggestionNotices, titleOf } from './suggestion-change';

/** 建议 looked at per run: a county's open 建议 past or near their dates are far fewer. */
export const SUGGESTION_WATCH_BATCH = 200;

const SYSTEM_ACTOR = { openid: 'system', name: '系统' };
/** Who a 建议 waiting for 立案 is waiting on, as the committee's message names it. */
const AWAITING_DECISION = '待立案决定';

export interface SuggestionWatchDeps {
  store: Store;
  clock: Clock;
  config: Pick<ServiceConfig, 'adminOpenids'>;
}

interface WatchChange {
  kind: 'reminded' | 'overdue' | 'planOverdue';
  action: SuggestionAction;
  patch: Partial<Suggestion>;
  eventKind: string;
  text: string;
  detail: Record<string, unknown>;
  outbox: OutboxMessage[];
}

/**
 * The latest due date whose unit reminder day (`unitReminderDate`, 5 working days before) is
 * today or earlier: every 建议 due by it is one to remind or to mark. The reminder day never
 * moves back as the due date moves on, so the first later date whose reminder is still ahead ends it.
 */
export function reminderHorizon(today: LocalDate, calendar: HolidayCalendar): LocalDate {
  let horizon = today;
  while (unitReminderDate(addDays(horizon, 1), calendar) <= today) horizon = addDays(horizon, 1);
  return horizon;
}

/**
 * 代表建议's 督办, run by the scheduler once a day:
 * - from 5 working days before a unit's answer is due (交办, extended, or 再办), its 主办's
 *   contacts are reminded, once per due date (`remindedFor`);
 * - once the pending step's due date has passed (`pendingDueDate`), the due date is added to
 *   `overdueFor` (once per due date, so an extension or a 再办 can bring a new mark), a line goes on
 *   the 建议's timeline, and the committee is told — and the 主办's contacts, unless it is the
 *   committee's own 立案 decision that is late;
 * - a B-class answer is followed until its unit reports it carried out: once its planned date has
 *   passed without that, the committee is told, and the planned date is added to `overdueFor` too.
 * Every change is a row of the lifecycle table and is written with the version check: one that
 * loses to a concurrent human change is left for the next run, and two overlapping runs send
 * each message once.
 */
export async function watchSuggestionDeadlines({ store, clock, config }: SuggestionWatchDeps) {
  const now = clock.now();
  const today = shanghaiDate(now);
  const calendar = createHolidayCalendar(await store.listHolidayArrangements());
  const counts = { reminded: 0, overdue: 0, planOverdue: 0, lost: 0, more: false };
  const unitNames = new Map((await store.listHandlingUnits()).map((u) => [u.id, u.name]));
  const notices = <K extends NotificationKind>(
    s: Suggestion,
    kind: K,
    openids: readonly string[],
    payload: NotificationPayloads[K],
  ) => suggestionNotices(s.id, now, kind, openids, payload);
  const contacts = async (unitId: string | undefined) =>
    unitId ? (await store.listUnitAccounts(unitId)).map((a) => a.openid) : [];

  const apply = async (s: Suggestion, change: WatchChange | null) => {
    if (!change) return;
    suggestionTransition(s.status, change.action, 'system');
    const next: Suggestion = {
      ...s,
      ...change.patch,
      events: [...s.events, suggestionEvent(now, SYSTEM_ACTOR, change.eventKind, change.text)],
      version: s.version + 1,
      updatedAt: now,
    };
    const written = await store.updateSuggestion(next, s.version, {
      audit: suggestionAudit(now, SYSTEM_ACTOR, change.action, s.id, change.detail),
      opinionEvents: [],
      outbox: change.outbox,
    });
    if (written) counts[change.kind] += 1;
    else counts.lost += 1;
  };

  const due = await store.listSuggestionsDue(reminderHorizon(today, calendar), SUGGESTION_WATCH_BATCH);
  counts.more = due.length >= SUGGESTION_WATCH_BATCH;
  for (const s of due) await apply(s, await dueChange(s));

  // B-class answers: followed in the 建议 answered or settled whose plan is not yet reported done.
  let cursor: string | undefined;
  do {
    const page = await store.listSuggestions({
      statuses: ['answered', 'settled'],
      limit: SUGGESTION_WATCH_BATCH,
      ...(cursor ? { cursor } : {}),
    });
    for (const s of page.items) await apply(s, await planChange(s));
    cursor = page.cursor;
  } while (cursor);
  return counts;

  async function dueChange(s: Suggestion): Promise<WatchChange | null> {
    const dueDate = pendingDueDate(s);
    if (!dueDate) return null;
    const leadUnitId = s.assignment?.leadUnitId;
    const title = titleOf(s);
    if (today > dueDate) {
      if (s.overdueFor.includes(dueDate)) return null;
      const deciding = s.status === 'submitted';
      const unit = deciding ? AWAITING_DECISION : (unitNames.get(leadUnitId ?? '') ?? '承办单位');
      const payload: NotificationPayloads['suggestion_overdue_to_unit'] = { title, due: dueDate, unit };
      return {
        kind: 'overdue',
        action: 'markOverdue',
        patch: { overdueFor: [...s.overdueFor, dueDate] },
        eventKind: 'overdue',
        text: deciding
          ? `超过5个工作日未作出立案决定（应于${formatYearDateZh(dueDate)}前决定）`
          : `超过答复期限（${formatYearDateZh(dueDate)}），人大工委督办`,
        detail: { due: dueDate, ...(deciding ? {} : { unitId: leadUnitId }) },
        outbox: [
          ...(deciding ? [] : notices(s, 'suggestion_overdue_to_unit', await contacts(leadUnitId), payload)),
          ...notices(s, 'suggestion_overdue_to_committee', config.adminOpenids, payload),
        ],
      };
    }
    if (s.status === 'submitted' || s.remindedFor === dueDate) return null;
    if (unitReminderDate(dueDate, calendar) > today) return null;
    return {
      kind: 'reminded',
      action: 'remind',
      patch: { remindedFor: dueDate },
      eventKind: 'reminded',
      text: `提醒承办单位：请于${formatYearDateZh(dueDate)}前答复`,
      detail: { due: dueDate, unitId: leadUnitId },
      outbox: notices(s, 'suggestion_reminder_to_unit', await contacts(leadUnitId), { title, due: dueDate }),
    };
  }

  async function planChange(s: Suggestion): Promise<WatchChange | null> {
    const answer = latestAnswer(s);
    const planned = answer?.answerClass === 'B' ? answer.plannedDate : undefined;
    if (!planned || s.fulfilment || today <= planned || s.overdueFor.includes(planned)) return null;
    const unit = unitNames.get(answer!.unitId) ?? '承办单位';
    return {
      kind: 'planOverdue',
      action: 'followPlan',
      patch: { overdueFor: [...s.overdueFor, planned] },
      eventKind: 'planOverdue',
      text: `B类答复计划于${formatYearDateZh(planned)}前完成，至今未报告落实情况，人大工委跟踪督办`,
      detail: { plannedDate: planned, unitId: answer!.unitId },
      outbox: notices(s, 'suggestion_overdue_to_committee', config.adminOpenids, {
        title: titleOf(s),
        due: planned,
        unit,
      }),
    };
  }
}
