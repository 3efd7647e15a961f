import { daysBetween, type LocalDate } from '../../domain/dates';
import type { OpinionSummary } from '../../domain/views';

/** Whole days from a reply's due date to today: 1 the day after it was due. */
export function daysOverdue(dueDate: LocalDate, today: LocalDate): number {
  return daysBetween(dueDate, today);
}

export interface OverdueRow {
  id: string;
  shortId: string;
  excerpt: string;
  stationName: string;
  deputyName: string;
  dueDate: LocalDate;
  days: number;
}

/** The overdue list: the longest overdue first; an opinion not yet past its due date is left out. */
export function overdueRows(items: readonly OpinionSummary[], today: LocalDate): OverdueRow[] {
  return items
    .filter((o) => o.replyDueDate !== undefined && daysOverdue(o.replyDueDate, today) > 0)
    .map((o) => ({
      id: o.id,
      shortId: o.shortId,
      excerpt: o.excerpt,
      stationName: o.stationName,
      deputyName: o.assignedDeputyName ?? '未分派',
      dueDate: o.replyDueDate!,
      days: daysOverdue(o.replyDueDate!, today),
    }))
    .sort((a, b) => b.days - a.days || a.shortId.localeCompare(b.shortId));
}
