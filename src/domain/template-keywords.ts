import { formatYearDateZh, shanghaiDate, shanghaiTime, type LocalDate } from './dates';

/**
 * The value types of a WeChat subscription-message keyword, named as the template shows
 * them (`thing1`, `time2`, …). WeChat answers 47003 to a whole message when any one value
 * breaks its type's rule, so every value is formatted here and checked before sending.
 */
export type KeywordType = 'thing' | 'phrase' | 'name' | 'time' | 'date' | 'character_string' | 'number';

export const KEYWORD_TYPES: readonly KeywordType[] = [
  'thing',
  'phrase',
  'name',
  'time',
  'date',
  'character_string',
  'number',
];

const HAN = /\p{Script=Han}/u;
const ONLY_HAN = /^\p{Script=Han}+$/u;
const ONLY_LETTERS_AND_SYMBOLS = /^[A-Za-z·.\s'-]+$/;
// character_string: digits, letters and ASCII symbols, nothing else (no CJK, no spaces).
const CHARACTER_STRING = /^[\x21-\x7e]+$/;
const NUMBER = /^-?\d+(\.\d+)?$/;
const CLOCK = '([01]\\d|2[0-3]):[0-5]\\d';
const DAY = '\\d{4}年(1[0-2]|[1-9])月(3[01]|[12]\\d|[1-9])日';
const TIME_POINT = new RegExp(`^(${DAY} )?${CLOCK}$`);
const DATE_POINT = new RegExp(`^${DAY}( ${CLOCK})?$`);

const chars = (value: string) => Array.from(value);

/** Whitespace (newlines included) collapsed to single spaces and trimmed. */
function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** At most `max` characters; a cut value ends in '…' so that it reads as cut. */
function clip(value: string, max: number): string {
  const list = chars(value);
  return list.length <= max ? value : `${list.slice(0, max - 1).join('')}…`;
}

/**
 * The rule of each keyword type (WeChat's 订阅消息参数值内容限制说明): a value that breaks it
 * is refused with 47003. Returns what is wrong in Chinese, or null when the value is valid.
 * Rule: thing ≤ 20 characters of any kind; phrase ≤ 5 Chinese characters only; name ≤ 10
 * Chinese characters, or ≤ 20 letters when it has none; time 'HH:mm' or 'YYYY年M月D日 HH:mm';
 * date 'YYYY年M月D日' with an optional time; either may be a range joined by '~';
 * character_string ≤ 32 digits, letters or ASCII symbols; number ≤ 32 digits with an optional
 * decimal part. No value may be empty.
 */
export function validateKeyword(type: KeywordType, value: string): string | null {
  if (value.length === 0) return '不能为空';
  const length = chars(value).length;
  switch (type) {
    case 'thing':
      return length <= 20 ? null : `超过20个字（${length}）`;
    case 'phrase':
      if (!ONLY_HAN.test(value)) return '只能是汉字';
      return length <= 5 ? null : `超过5个汉字（${length}）`;
    case 'name':
      if (HAN.test(value)) return length <= 10 ? null : `中文名超过10个字（${length}）`;
      if (!ONLY_LETTERS_AND_SYMBOLS.test(value)) return '只能是汉字或字母';
      return length <= 20 ? null : `英文名超过20个字母（${length}）`;
    case 'time':
      return value.split('~').every((part) => TIME_POINT.test(part)) && value.split('~').length <= 2
        ? null
        : '时间格式应为“15:01”或“2019年10月1日 15:01”';
    case 'date':
      return value.split('~').every((part) => DATE_POINT.test(part)) && value.split('~').length <= 2
        ? null
        : '日期格式应为“2019年10月1日”';
    case 'character_string':
      if (!CHARACTER_STRING.test(value)) return '只能是数字、字母或符号';
      return length <= 32 ? null : `超过32位（${length}）`;
    case 'number':
      if (!NUMBER.test(value)) return '只能是数字';
      return value.replace(/[^0-9]/g, '').length <= 32 ? null : '超过32位数字';
  }
}

/**
 * Fit free text to a keyword type, so that what the app wants to say is sent rather than
 * refused: thing is put on one line and cut to 20 characters; phrase keeps its Chinese
 * characters, at most 5; name is cut to 10 (Chinese) or 20 (letters); character_string drops
 * what is not an ASCII letter, digit or symbol and keeps 32; number keeps its digits. Time and
 * date values are produced by `timeValue` / `dateValue`, never from free text, and pass as given.
 */
export function formatKeyword(type: KeywordType, raw: string): string {
  const text = oneLine(raw);
  switch (type) {
    case 'thing':
      return clip(text, 20);
    case 'phrase':
      return chars(text)
        .filter((c) => HAN.test(c))
        .slice(0, 5)
        .join('');
    case 'name':
      return HAN.test(text) ? chars(text).slice(0, 10).join('') : chars(text).slice(0, 20).join('');
    case 'character_string':
      return chars(text)
        .filter((c) => CHARACTER_STRING.test(c))
        .slice(0, 32)
        .join('');
    case 'number':
      return text.replace(/[^0-9.-]/g, '').slice(0, 32);
    case 'time':
    case 'date':
      return text;
  }
}

/** A date keyword's value: '2026年12月1日'. */
export function dateValue(date: LocalDate): string {
  return formatYearDateZh(date);
}

/** A time keyword's value for an instant, Asia/Shanghai: '2026年12月1日 15:01'. */
export function timeValue(instantMs: number): string {
  return `${formatYearDateZh(shanghaiDate(instantMs))} ${shanghaiTime(instantMs)}`;
}

/** A time keyword's value for a session: '2026年12月2日 09:00~11:30'. */
export function sessionTimeValue(date: LocalDate, start: string, end: string): string {
  return `${formatYearDateZh(date)} ${start}~${end}`;
}
