import { CATEGORY_LABELS, type CategoryId } from './categories';
import { formatDateZh, isLocalDate } from './dates';
import {
  dateValue,
  formatKeyword,
  sessionTimeValue,
  timeValue,
  validateKeyword,
  type KeywordType,
} from './template-keywords';

/**
 * Every notification the product sends, in one registry: who receives it, the WeChat
 * subscription template it goes out on (a template of WeChat's public library, chosen by
 * the operator: its title and its keywords in order, each with its type), the page it opens,
 * and the line the in-app 消息 list shows. Services write outbox messages of these kinds with
 * the raw values below; nothing else decides what a message says.
 */

/** Who receives a kind, and so at which tap they are asked to allow it. */
export type Audience = 'voter' | 'deputy' | 'staff';

/**
 * The moments a person is asked to allow messages (WeChat shows the prompt only from a tap,
 * and at most 3 templates at a time): a voter submitting an opinion, a voter tapping 提醒我 on
 * a station, a deputy or a staff member tapping 接收提醒 in their queue.
 */
export type SubscriptionMoment = 'submit' | 'follow' | 'casework' | 'oversight';

/** The raw values a message of each kind carries (strings, as the outbox stores them). */
export interface NotificationPayloads {
  assigned_to_deputy: { excerpt: string; category: string; due: string };
  reopened_to_deputy: { excerpt: string; due: string };
  reminder_to_deputy: { excerpt: string; due: string };
  overdue_to_staff: { excerpt: string; due: string; deputy: string };
  reply_to_voter: { excerpt: string; reply: string };
  resolved_to_voter: { excerpt: string; note: string };
  rejected_to_voter: { excerpt: string; reason: string };
  session_reminder: { station: string; date: string; start: string; end: string; theme: string };
  session_changed: { station: string; text: string };
  overdue_digest: { station: string; overdue: string; week: string };
}

export type NotificationKind = keyof NotificationPayloads;

/** The message as the registry reads it: its kind's values, when it was written, what it is about. */
export interface NotificationInput<K extends NotificationKind = NotificationKind> {
  kind: K;
  payload: NotificationPayloads[K];
  createdAt: number;
  /** An opinion id, or `station:<id>` for a station's sessions and digests. */
  subjectId: string;
}

interface Keyword<K extends NotificationKind> {
  /** The keyword's name as the template shows it, e.g. 事项名称. */
  name: string;
  type: KeywordType;
  value: (message: NotificationInput<K>) => string;
}

/** A template of WeChat's public library, as the operator must choose it. */
export interface TemplateSpec {
  /** The key of this template in SUBSCRIBE_TEMPLATES. */
  key: TemplateKey;
  /** The title to search for in 订阅消息 → 公共模板库. */
  title: string;
  /** Its keywords, in order, with their types: the default keys are type + position (`thing1`, `date3`). */
  keywords: ReadonlyArray<{ name: string; type: KeywordType }>;
}

export type TemplateKey =
  | 'opinion_reply'
  | 'opinion_outcome'
  | 'casework_todo'
  | 'casework_deadline'
  | 'overdue_alert'
  | 'overdue_digest'
  | 'session_reminder'
  | 'session_changed';

interface KindSpec<K extends NotificationKind> {
  audience: Audience;
  moment: SubscriptionMoment;
  template: TemplateKey;
  keywords: ReadonlyArray<Keyword<K>>;
  /** The page the card and the 消息 line open (a path in app.json, with its query). */
  page: (message: NotificationInput<K>) => string;
  /** The in-app 消息 line: a short title and one sentence. */
  inApp: (message: NotificationInput<K>) => { title: string; text: string };
  /** A payload such as the services write, for the deploy check and the tests. */
  sample: NotificationPayloads[K];
}

/** The public-library title of each template (search for it in 订阅消息 → 公共模板库). */
const TEMPLATE_TITLES: Record<TemplateKey, string> = {
  opinion_reply: '意见回复通知',
  opinion_outcome: '办理结果通知',
  casework_todo: '待办事项提醒',
  casework_deadline: '办理期限提醒',
  overdue_alert: '超期督办提醒',
  overdue_digest: '超期统计提醒',
  session_reminder: '活动提醒',
  session_changed: '活动变更通知',
};

const categoryLabel = (id: string) => CATEGORY_LABELS[id as CategoryId] ?? '其他';
const stationIdOf = (subjectId: string) => subjectId.replace(/^station:/, '');
const dueLine = (due: string) => (isLocalDate(due) ? formatDateZh(due) : due);
const opinionPage = (m: NotificationInput) => `pages/opinion/index?id=${m.subjectId}`;
const casePage = (m: NotificationInput) => `casework/case/index?id=${m.subjectId}`;
const stationPage = (m: NotificationInput) => `pages/station/index?id=${stationIdOf(m.subjectId)}`;

const SAMPLE_EXCERPT = '青溪路与滨河路口早高峰拥堵严重，学生过马路很危险，建议增设红绿灯';

/** The registry: every kind the outbox can hold. */
export const NOTIFICATION_KINDS: { [K in NotificationKind]: KindSpec<K> } = {
  assigned_to_deputy: {
    audience: 'deputy',
    moment: 'casework',
    template: 'casework_todo',
    keywords: [
      { name: '事项名称', type: 'thing', value: (m) => m.payload.excerpt },
      { name: '事项类型', type: 'thing', value: (m) => `群众意见·${categoryLabel(m.payload.category)}` },
      { name: '截止时间', type: 'date', value: (m) => dateValue(m.payload.due) },
    ],
    page: casePage,
    inApp: (m) => ({
      title: '新的群众意见待您答复',
      text: `${categoryLabel(m.payload.category)}：${m.payload.excerpt}，请于${dueLine(m.payload.due)}前答复`,
    }),
    sample: { excerpt: SAMPLE_EXCERPT, category: 'transport', due: '2026-12-15' },
  },
  reopened_to_deputy: {
    audience: 'deputy',
    moment: 'casework',
    template: 'casework_todo',
    keywords: [
      { name: '事项名称', type: 'thing', value: (m) => m.payload.excerpt },
      { name: '事项类型', type: 'thing', value: () => '群众不满意，请重新办理' },
      { name: '截止时间', type: 'date', value: (m) => dateValue(m.payload.due) },
    ],
    page: casePage,
    inApp: (m) => ({
      title: '群众对答复不满意',
      text: `“${m.payload.excerpt}”已重新交您办理，请于${dueLine(m.payload.due)}前答复`,
    }),
    sample: { excerpt: SAMPLE_EXCERPT, due: '2026-12-15' },
  },
  reminder_to_deputy: {
    audience: 'deputy',
    moment: 'casework',
    template: 'casework_deadline',
    keywords: [
      { name: '事项名称', type: 'thing', value: (m) => m.payload.excerpt },
      { name: '截止时间', type: 'date', value: (m) => dateValue(m.payload.due) },
      { name: '温馨提示', type: 'thing', value: () => '答复期限将到，请及时答复' },
    ],
    page: casePage,
    inApp: (m) => ({
      title: '催办：答复期限将到',
      text: `“${m.payload.excerpt}”请于${dueLine(m.payload.due)}前答复`,
    }),
    sample: { excerpt: SAMPLE_EXCERPT, due: '2026-12-15' },
  },
  overdue_to_staff: {
    audience: 'staff',
    moment: 'oversight',
    template: 'overdue_alert',
    keywords: [
      { name: '事项名称', type: 'thing', value: (m) => m.payload.excerpt },
      { name: '办理人', type: 'name', value: (m) => m.payload.deputy || '未分派' },
      { name: '截止时间', type: 'date', value: (m) => dateValue(m.payload.due) },
    ],
    page: casePage,
    inApp: (m) => ({
      title: '督办：意见已超期未答复',
      text: `“${m.payload.excerpt}”${m.payload.deputy ? `（${m.payload.deputy}代表）` : ''}应于${dueLine(m.payload.due)}前答复，请督办`,
    }),
    sample: { excerpt: SAMPLE_EXCERPT, due: '2026-12-01', deputy: '王建国' },
  },
  reply_to_voter: {
    audience: 'voter',
    moment: 'submit',
    template: 'opinion_reply',
    keywords: [
      { name: '意见内容', type: 'thing', value: (m) => m.payload.excerpt },
      { name: '回复内容', type: 'thing', value: (m) => m.payload.reply },
      { name: '回复时间', type: 'time', value: (m) => timeValue(m.createdAt) },
    ],
    page: opinionPage,
    inApp: (m) => ({ title: '代表答复了您的意见', text: `“${m.payload.excerpt}”：${m.payload.reply}` }),
    sample: { excerpt: SAMPLE_EXCERPT, reply: '已联系交警大队现场查看，计划下月在路口增设信号灯。' },
  },
  resolved_to_voter: {
    audience: 'voter',
    moment: 'submit',
    template: 'opinion_outcome',
    keywords: [
      { name: '事项名称', type: 'thing', value: (m) => m.payload.excerpt },
      { name: '办理结果', type: 'phrase', value: () => '已办结' },
      { name: '备注', type: 'thing', value: (m) => m.payload.note || '请对办理结果进行评价' },
    ],
    page: opinionPage,
    inApp: (m) => ({
      title: '您的意见已办结',
      text: `“${m.payload.excerpt}”已办结${m.payload.note ? `：${m.payload.note}` : ''}，请评价办理结果`,
    }),
    sample: { excerpt: SAMPLE_EXCERPT, note: '信号灯已安装并投入使用' },
  },
  rejected_to_voter: {
    audience: 'voter',
    moment: 'submit',
    template: 'opinion_outcome',
    keywords: [
      { name: '事项名称', type: 'thing', value: (m) => m.payload.excerpt },
      { name: '办理结果', type: 'phrase', value: () => '不予受理' },
      { name: '备注', type: 'thing', value: (m) => m.payload.reason },
    ],
    page: opinionPage,
    inApp: (m) => ({ title: '您的意见未予受理', text: `“${m.payload.excerpt}”：${m.payload.reason}` }),
    sample: { excerpt: SAMPLE_EXCERPT, reason: '与已受理的意见重复，已合并办理' },
  },
  session_reminder: {
    audience: 'voter',
    moment: 'follow',
    template: 'session_reminder',
    keywords: [
      { name: '活动名称', type: 'thing', value: (m) => `代表接待日·${m.payload.theme}` },
      {
        name: '活动时间',
        type: 'time',
        value: (m) => sessionTimeValue(m.payload.date, m.payload.start, m.payload.end),
      },
      { name: '活动地点', type: 'thing', value: (m) => m.payload.station },
    ],
    page: stationPage,
    inApp: (m) => ({
      title: '明天是代表接待日',
      text: `${m.payload.station} ${dueLine(m.payload.date)} ${m.payload.start}–${m.payload.end}，主题：${m.payload.theme}`,
    }),
    sample: { station: '青溪街道人大代表联络站', date: '2026-12-02', start: '09:00', end: '11:30', theme: '日常接待' },
  },
  session_changed: {
    audience: 'voter',
    moment: 'follow',
    template: 'session_changed',
    keywords: [
      { name: '活动名称', type: 'thing', value: () => '代表接待日' },
      { name: '变更内容', type: 'thing', value: (m) => m.payload.text },
      { name: '活动地点', type: 'thing', value: (m) => m.payload.station },
    ],
    page: stationPage,
    inApp: (m) => ({ title: '接待日有变动', text: `${m.payload.station}：${m.payload.text}` }),
    sample: { station: '青溪街道人大代表联络站', text: '12月2日接待日因防汛改至12月4日' },
  },
  overdue_digest: {
    audience: 'staff',
    moment: 'oversight',
    template: 'overdue_digest',
    keywords: [
      { name: '站点名称', type: 'thing', value: (m) => m.payload.station },
      { name: '超期件数', type: 'number', value: (m) => m.payload.overdue },
      { name: '统计日期', type: 'date', value: (m) => dateValue(m.payload.week) },
    ],
    page: () => 'casework/inbox/index',
    inApp: (m) => ({
      title: '本周超期意见',
      text: `${m.payload.station}目前有${m.payload.overdue}条意见超过答复期限`,
    }),
    sample: { station: '青溪街道人大代表联络站', overdue: '3', week: '2026-11-30' },
  },
};

/** The public-library templates the operator chooses, each once, whatever kinds share it. */
export const TEMPLATES: Readonly<Record<TemplateKey, TemplateSpec>> = (() => {
  const out = {} as Record<TemplateKey, TemplateSpec>;
  for (const spec of Object.values(NOTIFICATION_KINDS) as KindSpec<NotificationKind>[]) {
    out[spec.template] ??= {
      key: spec.template,
      title: TEMPLATE_TITLES[spec.template],
      keywords: spec.keywords.map(({ name, type }) => ({ name, type })),
    };
  }
  return out;
})();

export function isNotificationKind(kind: string): kind is NotificationKind {
  return Object.prototype.hasOwnProperty.call(NOTIFICATION_KINDS, kind);
}

/** The registry's view of a stored message (an outbox row); null for a kind it does not know. */
export function notificationOf(message: {
  kind: string;
  payload: Record<string, string>;
  createdAt: number;
  opinionId: string;
}): NotificationInput | null {
  if (!isNotificationKind(message.kind)) return null;
  return {
    kind: message.kind,
    payload: message.payload as unknown as NotificationPayloads[NotificationKind],
    createdAt: message.createdAt,
    subjectId: message.opinionId,
  };
}

function specOf<K extends NotificationKind>(kind: K): KindSpec<K> {
  return NOTIFICATION_KINDS[kind];
}

/** The default keyword keys of a template: each keyword's type and its position (`thing1`, `date3`). */
export function defaultKeys(template: TemplateKey): string[] {
  return TEMPLATES[template].keywords.map((k, i) => `${k.type}${i + 1}`);
}

/**
 * The `data` of subscribeMessage.send for a message: each keyword's value formatted to its
 * type's rule, keyed by the template's keys (`keys`, in the registry's keyword order; the
 * defaults when the operator's template numbers them the same way).
 */
export function templateData(message: NotificationInput, keys?: readonly string[]): Record<string, { value: string }> {
  const spec = specOf(message.kind) as KindSpec<NotificationKind>;
  const names = keys ?? defaultKeys(spec.template);
  return Object.fromEntries(
    spec.keywords.map((keyword, i) => [
      names[i],
      { value: formatKeyword(keyword.type, keyword.value(message as NotificationInput<never>)) },
    ]),
  );
}

/**
 * The `data` of a message (as `templateData`, under `keys` or the defaults) with what is wrong
 * with its values, in Chinese: the values checked are the values sent, and nothing is sent
 * while the list is not empty.
 */
export function checkedTemplateData(
  message: NotificationInput,
  keys?: readonly string[],
): { data: Record<string, { value: string }>; problems: string[] } {
  const spec = specOf(message.kind) as KindSpec<NotificationKind>;
  const names = keys ?? defaultKeys(spec.template);
  const data = templateData(message, names);
  const problems = spec.keywords.flatMap((keyword, i) => {
    const key = names[i]!;
    const problem = validateKeyword(keyword.type, data[key]!.value);
    return problem ? [`${message.kind} · ${keyword.name}（${key}）：${problem}`] : [];
  });
  return { data, problems };
}

/** What is wrong with a message's template values, in Chinese; empty when WeChat would accept them. */
export function templateProblems(message: NotificationInput): string[] {
  return checkedTemplateData(message).problems;
}

/** The page a message opens, in app.json's form (no leading slash). */
export function notificationPage(message: NotificationInput): string {
  return (specOf(message.kind) as KindSpec<NotificationKind>).page(message as NotificationInput<never>);
}

/** The in-app 消息 line of a message. */
export function notificationText(message: NotificationInput): { title: string; text: string } {
  return (specOf(message.kind) as KindSpec<NotificationKind>).inApp(message as NotificationInput<never>);
}

/** The template a kind goes out on. */
export function templateOf(kind: NotificationKind): TemplateKey {
  return NOTIFICATION_KINDS[kind].template;
}

/** The templates to ask for at a moment (at most 3, WeChat's limit per prompt). */
export function templatesAt(moment: SubscriptionMoment): TemplateKey[] {
  const keys = (Object.values(NOTIFICATION_KINDS) as KindSpec<NotificationKind>[])
    .filter((spec) => spec.moment === moment)
    .map((spec) => spec.template);
  return [...new Set(keys)].slice(0, 3);
}

/**
 * Every kind's sample payload formatted and checked against WeChat's keyword rules: the deploy
 * check and the tests call this, so a template value that WeChat would refuse fails before
 * anything is uploaded. Empty when all is well.
 */
export function checkAllKinds(): string[] {
  return (Object.keys(NOTIFICATION_KINDS) as NotificationKind[]).flatMap((kind) =>
    templateProblems({
      kind,
      payload: NOTIFICATION_KINDS[kind].sample,
      createdAt: Date.UTC(2026, 11, 1, 7, 1),
      subjectId: kind.startsWith('session') || kind === 'overdue_digest' ? 'station:qx-jiedao' : 'op-sample',
    }),
  );
}

/**
 * What a message quotes of a longer text: one line, at most `max` characters (the template
 * cuts further to its keyword's limit; the 消息 list shows this much).
 */
export function excerptOf(text: string, max = 40): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const list = Array.from(line);
  return list.length <= max ? line : `${list.slice(0, max - 1).join('')}…`;
}
