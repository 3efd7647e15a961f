import { formatDateZh, shanghaiDate } from '../../src/domain/dates';
import { addWorkingDays, isOverdue, previousWorkingDay } from '../../src/domain/deadlines';
import { createHolidayCalendar } from '../../src/domain/holiday-calendar';
import type { Opinion, TimelineEvent } from '../../src/domain/opinion';
import type { OutboxMessage } from '../ports/opinion-store';
import type { Store } from '../ports/store';
import type { Clock } from '../../src/domain/dates';
import { excerptOf } from '../../src/domain/notifications';
import { event, notify, SYSTEM } from './opinion-change';

/**
 * The deadline rules, run by the scheduler: a 催办 reminder to the deputy on the working day
 * before a reply is due, and an escalation to the station's staff once it is overdue (the voter
 * sees that it was escalated). Each is recorded on the opinion for its due date and written with
 * a version check, so two overlapping runs send each exactly once.
 */
export async function watchDeadlines(store: Store, clock: Clock) {
  const now = clock.now();
  const today = shanghaiDate(now);
  const calendar = createHolidayCalendar(await store.listHolidayArrangements());
  const horizon = addWorkingDays(today, 1, calendar);
  const counts = { reminded: 0, escalated: 0, lost: 0 };
  let cursor: string | undefined;
  do {
    const page = await store.listOpinions({
      statuses: ['assigned', 'transferred'],
      dueOnOrBefore: horizon,
      limit: 100,
      ...(cursor ? { cursor } : {}),
    });
    for (const opinion of page.items) {
      const due = opinion.replyDueDate;
      if (!due) continue;
      let change: {
        patch: Partial<Opinion>;
        events: TimelineEvent[];
        outbox: OutboxMessage[];
        kind: 'reminded' | 'escalated';
      } | null = null;
      if (isOverdue(due, today) && opinion.escalatedFor !== due) {
        const [staff, assigned] = await Promise.all([
          store.listStaffAccounts(opinion.stationId),
          opinion.assignedDeputyId ? store.getDeputy(opinion.assignedDeputyId) : null,
        ]);
        const deputyName = assigned?.name ?? '';
        change = {
          kind: 'escalated',
          patch: { escalatedFor: due },
          events: [
            event(opinion, now, SYSTEM, 'escalated', `已超过答复期限（${formatDateZh(due)}），已提请联络站督办`),
          ],
          outbox: staff.flatMap((account) =>
            notify(opinion, now, 'overdue_to_staff', account.openid, {
              due,
              excerpt: excerptOf(opinion.content),
              deputy: deputyName,
            }),
          ),
        };
      } else if (!isOverdue(due, today) && previousWorkingDay(due, calendar) <= today && opinion.remindedFor !== due) {
        const deputy = opinion.assignedDeputyId ? await store.getAccountByDeputy(opinion.assignedDeputyId) : null;
        change = {
          kind: 'reminded',
          patch: { remindedFor: due },
          events: [event(opinion, now, SYSTEM, 'reminded', `催办：请于${formatDateZh(due)}前答复`, 'internal')],
          outbox: notify(opinion, now, 'reminder_to_deputy', deputy?.openid, {
            due,
            excerpt: excerptOf(opinion.content),
          }),
        };
      }
      if (!change) continue;
      const next: Opinion = { ...opinion, ...change.patch, version: opinion.version + 1, updatedAt: now };
      if (await store.updateOpinion(next, opinion.version, change.events, change.outbox)) counts[change.kind] += 1;
      else counts.lost += 1;
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return counts;
}
