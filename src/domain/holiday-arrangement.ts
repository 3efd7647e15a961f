import { addDays, daysBetween, formatDateZh, type LocalDate, weekday } from './dates';
import type { ArrangementSource, HolidayArrangement } from './holiday-calendar';

/** The holidays of the State Council's yearly notice, in the order it lists them. */
export const HOLIDAY_NAMES = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'] as const;

/** At most this many days off in one year's arrangement (the law gives 13; bridging days add a few dozen). */
export const ARRANGEMENT_HOLIDAYS_MAX = 60;
/** At most this many make-up working days (调休上班) in one year. */
export const ARRANGEMENT_WORKDAYS_MAX = 20;
/** The longest holiday name, e.g. 中秋节、国庆节. */
export const HOLIDAY_NAME_MAX = 20;

export const ARRANGEMENT_SOURCE_LABELS: Record<ArrangementSource, string> = {
  loaded: '人大工委已按国务院通知录入',
  package: '已有官方安排（系统内置）',
  statutory: '尚未公布：只按法定节日推算，接待日显示“待公布”',
};

/**
 * One holiday as the State Council's notice states it: the days off, from–to (both included),
 * and the make-up working days (调休上班) that go with it.
 */
export interface NoticeHoliday {
  name: string;
  from: LocalDate;
  to: LocalDate;
  workdays: LocalDate[];
}

const WEEKDAY_NAMES = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** '2月5日' — the day of a date within the year being entered. */
function dayZh(date: LocalDate): string {
  return formatDateZh(date).split(' ')[0] ?? date;
}

/**
 * What is wrong with an arrangement, in words the committee can act on, or null when it can be
 * loaded. The rules: at least one day off; every date in the arrangement's year; no date listed
 * twice; no day both off and a make-up working day; and a make-up working day is a Saturday or
 * a Sunday — a weekday is a working day anyway, so listing one means a date was mistyped.
 */
export function arrangementProblem(arrangement: HolidayArrangement): string | null {
  const { year, holidays, workdays } = arrangement;
  if (holidays.length === 0) return '请至少填写一个放假日期';
  if (holidays.length > ARRANGEMENT_HOLIDAYS_MAX) return `放假日期最多${ARRANGEMENT_HOLIDAYS_MAX}天`;
  if (workdays.length > ARRANGEMENT_WORKDAYS_MAX) return `调休上班日期最多${ARRANGEMENT_WORKDAYS_MAX}天`;
  if ([...holidays, ...workdays].some((d) => Number(d.date.slice(0, 4)) !== year)) return `日期须都在${year}年内`;
  const twice = (days: ReadonlyArray<{ date: LocalDate }>) =>
    days.find((d, i) => days.findIndex((e) => e.date === d.date) !== i);
  const holidayTwice = twice(holidays);
  if (holidayTwice) return `${dayZh(holidayTwice.date)}在放假日期中重复填写`;
  const workdayTwice = twice(workdays);
  if (workdayTwice) return `${dayZh(workdayTwice.date)}在调休上班日期中重复填写`;
  const off = new Set(holidays.map((d) => d.date));
  if (workdays.some((d) => off.has(d.date))) return '同一天不能既放假又调休上班';
  const weekdayWork = workdays.find((d) => weekday(d.date) !== 0 && weekday(d.date) !== 6);
  if (weekdayWork) {
    return `调休上班日应是周六或周日，${dayZh(weekdayWork.date)}是${WEEKDAY_NAMES[weekday(weekdayWork.date)]}，请核对`;
  }
  return null;
}

/**
 * The arrangement a notice's holidays amount to, checked as the committee enters it: each
 * holiday once, its days off a real range, its make-up working days outside every holiday's
 * days off, no two holidays sharing a day — then the rules of arrangementProblem. Nothing is
 * returned but the first problem, so the form shows one clear message at a time.
 */
export function arrangementFromNotice(
  year: number,
  notice: readonly NoticeHoliday[],
): { ok: true; arrangement: HolidayArrangement } | { ok: false; message: string } {
  const fail = (message: string) => ({ ok: false as const, message });
  if (notice.length === 0) return fail('请至少填写一个节日');
  const seen = new Set<string>();
  for (const h of notice) {
    const name = h.name.trim();
    if (!name) return fail('请填写节日名称');
    if (name.length > HOLIDAY_NAME_MAX) return fail('节日名称过长');
    if (seen.has(name)) return fail(`${name}填写了两次`);
    seen.add(name);
    if (!h.from || !h.to) return fail(`请填写${name}的放假日期`);
    if (Number(h.from.slice(0, 4)) !== year || Number(h.to.slice(0, 4)) !== year) {
      return fail(`${name}的放假日期须在${year}年内`);
    }
    if (h.to < h.from) return fail(`${name}的放假结束日不能早于开始日`);
    const inside = h.workdays.find((w) => w >= h.from && w <= h.to);
    if (inside) return fail(`${name}的调休上班日${dayZh(inside)}在放假期间内`);
  }
  for (const [i, a] of notice.entries()) {
    for (const b of notice.slice(i + 1)) {
      if (a.from <= b.to && b.from <= a.to) return fail(`${a.name.trim()}和${b.name.trim()}的放假日期重叠`);
    }
  }
  const holidays = notice.flatMap((h) =>
    Array.from({ length: Math.min(daysBetween(h.from, h.to) + 1, ARRANGEMENT_HOLIDAYS_MAX + 1) }, (_, k) => ({
      date: addDays(h.from, k),
      name: h.name.trim(),
    })),
  );
  const workdays = notice.flatMap((h) => h.workdays.map((date) => ({ date, name: h.name.trim() })));
  const arrangement = {
    year,
    holidays: holidays.sort((a, b) => (a.date < b.date ? -1 : 1)),
    workdays: workdays.sort((a, b) => (a.date < b.date ? -1 : 1)),
  };
  const problem = arrangementProblem(arrangement);
  return problem ? fail(problem) : { ok: true, arrangement };
}

/**
 * An arrangement read back the way the notice is written: one line per run of consecutive days
 * off of one holiday, with the make-up working days of that holiday (a working day whose holiday
 * has no day off that year goes with the nearest run).
 */
export function noticeOf(arrangement: Pick<HolidayArrangement, 'holidays' | 'workdays'>): NoticeHoliday[] {
  const byDate = [...arrangement.holidays].sort((a, b) => (a.date < b.date ? -1 : 1));
  const runs: NoticeHoliday[] = [];
  for (const day of byDate) {
    const last = runs[runs.length - 1];
    if (last && last.name === day.name && addDays(last.to, 1) === day.date) last.to = day.date;
    else runs.push({ name: day.name, from: day.date, to: day.date, workdays: [] });
  }
  for (const w of [...arrangement.workdays].sort((a, b) => (a.date < b.date ? -1 : 1))) {
    const distance = (r: NoticeHoliday) =>
      Math.min(Math.abs(daysBetween(r.from, w.date)), Math.abs(daysBetween(r.to, w.date)));
    const named = runs.filter((r) => r.name === w.name);
    const candidates = named.length > 0 ? named : runs;
    const nearest = candidates.reduce<NoticeHoliday | undefined>(
      (best, r) => (best === undefined || distance(r) < distance(best) ? r : best),
      undefined,
    );
    if (nearest) nearest.workdays.push(w.date);
  }
  return runs;
}

/** '2月5日至2月11日放假，共7天' / '10月1日放假，共1天'. */
export function restRangeZh(holiday: Pick<NoticeHoliday, 'from' | 'to'>): string {
  const days = daysBetween(holiday.from, holiday.to) + 1;
  const range = holiday.from === holiday.to ? dayZh(holiday.from) : `${dayZh(holiday.from)}至${dayZh(holiday.to)}`;
  return `${range}放假，共${days}天`;
}

/** A make-up working day as the notice writes it: '2月1日（周日）'. */
export function workdayZh(date: LocalDate): string {
  const [day, week] = formatDateZh(date).split(' ');
  return `${day}（${week}）`;
}

/**
 * A weekend day to offer when a make-up working day is added to a holiday: the first Saturday or
 * Sunday after its days off (the notice usually puts one there), kept within the year.
 */
export function suggestedWorkday(holiday: Pick<NoticeHoliday, 'to'>, taken: readonly LocalDate[]): LocalDate {
  const year = holiday.to.slice(0, 4);
  for (let date = addDays(holiday.to, 1); date.slice(0, 4) === year; date = addDays(date, 1)) {
    if ((weekday(date) === 0 || weekday(date) === 6) && !taken.includes(date)) return date;
  }
  return holiday.to;
}
