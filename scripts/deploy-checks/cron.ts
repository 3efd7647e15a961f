/**
 * CloudBase timer crons (WeChat 云开发 定时触发器, Tencent SCF): seven fields, 秒 分 时 日 月 星期 年,
 * in UTC+8, each a list (`,`) of `*`, a value or a range (`-`), optionally stepped (`/n`).
 * Weekdays must be written as names: the documents disagree on whether 0 is Sunday or Monday.
 */
interface Field {
  name: string;
  min: number;
  max: number;
  /** Names allowed for the values min…max, in order. */
  names?: readonly string[];
  /** Whether a value may be written as a number. */
  digits: boolean;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const WEEKDAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];

const FIELDS: readonly Field[] = [
  { name: '秒 second', min: 0, max: 59, digits: true },
  { name: '分 minute', min: 0, max: 59, digits: true },
  { name: '时 hour', min: 0, max: 23, digits: true },
  { name: '日 day of month', min: 1, max: 31, digits: true },
  { name: '月 month', min: 1, max: 12, names: MONTHS, digits: true },
  { name: '星期 weekday', min: 1, max: 7, names: WEEKDAYS, digits: false },
  { name: '年 year', min: 1970, max: 2099, digits: true },
];

/** A single value's number, or what is wrong with it. */
function valueOf(field: Field, text: string): number | string {
  const named = field.names?.indexOf(text.toUpperCase()) ?? -1;
  if (named >= 0) return field.min + named;
  if (/^\d+$/.test(text)) {
    if (!field.digits) return `"${text}" is a digit: write the weekday as ${WEEKDAYS.join('/')}`;
    const n = Number(text);
    return n >= field.min && n <= field.max ? n : `${text} is outside ${field.min}–${field.max}`;
  }
  return `"${text}" is not a valid value`;
}

/** What is wrong with one comma-separated item of a field. */
function itemProblem(field: Field, item: string): string | null {
  const [range = '', step, extra] = item.split('/');
  if (extra !== undefined) return `"${item}" has more than one "/"`;
  if (step !== undefined && !(/^\d+$/.test(step) && Number(step) >= 1))
    return `step "${step}" is not a positive number`;
  if (range === '*') return null;
  const ends = range.split('-');
  if (ends.length > 2) return `"${range}" is not a range`;
  const values = ends.map((end) => valueOf(field, end));
  const bad = values.find((v) => typeof v === 'string');
  if (bad !== undefined) return bad as string;
  if (values.length === 2 && (values[0] as number) > (values[1] as number)) return `range "${range}" runs backwards`;
  return null;
}

/** What is wrong with a cron expression; empty when CloudBase accepts it. */
export function cronProblems(expression: string): string[] {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 7) {
    return [`"${expression}" has ${parts.length} fields; a CloudBase cron has 7 (秒 分 时 日 月 星期 年)`];
  }
  return parts.flatMap((part, i) => {
    const field = FIELDS[i]!;
    return part.split(',').flatMap((item) => {
      const problem = item === '' ? 'empty item' : itemProblem(field, item);
      return problem ? [`"${expression}" ${field.name}: ${problem}`] : [];
    });
  });
}
