import { categoryLabel } from './categories';
import { dateValue, sessionTimeValue, timeValue, type KeywordType } from './template-keywords';

/**
 * Every notification the product sends, in one registry: who receives it, the WeChat
 * subscription template it goes out on (a template of WeChat's public library, chosen by
 * the operator: its keywords in order, each with its type and value), the page it opens, and a
 * sample payload. Services write outbox messages of these kinds with the raw values below;
 * nothing else decides what a message says. Beside it: notification-templates.ts (the
 * templates to choose and the values sent), notification-checks.ts (WeChat's rules applied to
 * those values) and notification-text.ts (the in-app 消息 line of each kind).
 */

/** Who receives a kind, and so at which tap they are asked to allow it. */
export type Audience = 'voter' | 'deputy' | 'staff' | 'unit';

/**
 * The moments a person is asked to allow messages (WeChat shows the prompt only from a tap,
 * and at most 3 templates at a time): a voter submitting an opinion, a voter tapping 提醒我 on
 * a station, a deputy or a staff member tapping 接收提醒 in their queue, a 承办单位 contact
 * tapping 接收提醒 in theirs.
 */
export type SubscriptionMoment = 'submit' | 'follow' | 'casework' | 'oversight' | 'handling';

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
  /** A 建议 handed to a unit: `what` is 交办, 改交 or 再办. */
  suggestion_to_unit: { title: string; what: string; due: string };
  suggestion_reminder_to_unit: { title: string; due: string };
  suggestion_overdue_to_unit: { title: string; due: string; unit: string };
  suggestion_overdue_to_committee: { title: string; due: string; unit: string };
  /** Something a deputy must do or know about a 建议 they signed: `what` says which. */
  suggestion_to_deputy: { title: string; result: string; note: string };
  /** Something the committee must rule on (a 退回): `result` says which. */
  suggestion_to_committee: { title: string; result: string; note: string };
  /** What became of the 建议 a voter's opinion fed (`result` at most 5 characters). */
  suggestion_to_voter: { excerpt: string; result: string; note: string };
}

export type NotificationKind = keyof NotificationPayloads;

/** The message as the registry reads it: its kind's values, when it was written, what it is about. */
export interface NotificationInput<K extends NotificationKind = NotificationKind> {
  kind: K;
  payload: NotificationPayloads[K];
  createdAt: number;
  /** An opinion id, or `station:<id>` (`stationSubject`) for a station's sessions and digests. */
  subjectId: string;
}

/** One keyword of a kind's template: its name and type, and its value read from a message. */
export interface Keyword<K extends NotificationKind> {
  /** The keyword's name as the template shows it, e.g. 事项名称. */
  name: string;
  type: KeywordType;
  value: (message: NotificationInput<K>) => string;
}

/** The public-library templates the kinds go out on (notification-templates.ts names them). */
export type TemplateKey =
  | 'opinion_reply'
  | 'opinion_outcome'
  | 'casework_todo'
  | 'casework_deadline'
  | 'overdue_alert'
  | 'overdue_digest'
  | 'session_reminder'
  | 'session_changed';

/** A kind's entry in the registry. */
export interface KindSpec<K extends NotificationKind> {
  audience: Audience;
  moment: SubscriptionMoment;
  template: TemplateKey;
  keywords: ReadonlyArray<Keyword<K>>;
  /** The page the card and the 消息 line open (a path in app.json, with its query). */
  page: (message: NotificationInput<K>) => string;
  /** A payload such as the services write, for the deploy check and the tests. */
  sample: NotificationPayloads[K];
}

const stationIdOf = (subjectId: string) => subjectId.replace(/^station:/, '');
const opinionPage = (m: NotificationInput) => `pages/opinion/index?id=${m.subjectId}`;
const casePage = (m: NotificationInput) => `casework/case/index?id=${m.subjectId}`;
const stationPage = (m: NotificationInput) => `pages/station/index?id=${stationIdOf(m.subjectId)}`;
const suggestionPage = (m: NotificationInput) =>
  `casework/suggestion/index?id=${m.subjectId.replace(/^suggestion:/, '')}`;
const SAMPLE_TITLE = '关于青溪路与滨河路口增设信号灯的建议';

const SAMPLE_EXCERPT = '青溪路与滨河路口早高峰拥堵严重，学生过马路很危险，建议增设红绿灯';

/**
 * The keywords of a 代表建议 message on the outcome template: what it is about, what became of it
 * (a phrase of at most 5 characters) and a note — the same three for deputies, the committee and voters.
 */
function outcomeKeywords<K extends 'suggestion_to_deputy' | 'suggestion_to_committee' | 'suggestion_to_voter'>(
  subject: (payload: NotificationPayloads[K]) => string,
): ReadonlyArray<Keyword<K>> {
  return [
    { name: '事项名称', type: 'thing', value: (m) => subject(m.payload) },
    { name: '办理结果', type: 'phrase', value: (m) => m.payload.result },
    { name: '备注', type: 'thing', value: (m) => m.payload.note },
  ];
}

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
    sample: { station: '青溪街道人大代表联络站', overdue: '3', week: '2026-11-30' },
  },
  suggestion_to_unit: {
    audience: 'unit',
    moment: 'handling',
    template: 'casework_todo',
    keywords: [
      { name: '事项名称', type: 'thing', value: (m) => m.payload.title },
      { name: '事项类型', type: 'thing', value: (m) => `代表建议·${m.payload.what}` },
      { name: '截止时间', type: 'date', value: (m) => dateValue(m.payload.due) },
    ],
    page: suggestionPage,
    sample: { title: SAMPLE_TITLE, what: '交办', due: '2027-03-01' },
  },
  suggestion_reminder_to_unit: {
    audience: 'unit',
    moment: 'handling',
    template: 'casework_deadline',
    keywords: [
      { name: '事项名称', type: 'thing', value: (m) => m.payload.title },
      { name: '截止时间', type: 'date', value: (m) => dateValue(m.payload.due) },
      { name: '温馨提示', type: 'thing', value: () => '代表建议答复期限将到，请及时答复' },
    ],
    page: suggestionPage,
    sample: { title: SAMPLE_TITLE, due: '2027-03-01' },
  },
  suggestion_overdue_to_unit: {
    audience: 'unit',
    moment: 'handling',
    template: 'overdue_alert',
    keywords: [
      { name: '事项名称', type: 'thing', value: (m) => m.payload.title },
      { name: '办理人', type: 'name', value: (m) => m.payload.unit },
      { name: '截止时间', type: 'date', value: (m) => dateValue(m.payload.due) },
    ],
    page: suggestionPage,
    sample: { title: SAMPLE_TITLE, due: '2027-03-01', unit: '县交通运输局' },
  },
  suggestion_overdue_to_committee: {
    audience: 'staff',
    moment: 'oversight',
    template: 'overdue_alert',
    keywords: [
      { name: '事项名称', type: 'thing', value: (m) => m.payload.title },
      { name: '办理人', type: 'name', value: (m) => m.payload.unit },
      { name: '截止时间', type: 'date', value: (m) => dateValue(m.payload.due) },
    ],
    page: suggestionPage,
    sample: { title: SAMPLE_TITLE, due: '2027-03-01', unit: '县交通运输局' },
  },
  suggestion_to_deputy: {
    audience: 'deputy',
    moment: 'casework',
    template: 'opinion_outcome',
    keywords: outcomeKeywords((p) => p.title),
    page: suggestionPage,
    sample: { title: SAMPLE_TITLE, result: '单位已答复', note: '请在小程序中填写征询意见' },
  },
  suggestion_to_committee: {
    audience: 'staff',
    moment: 'oversight',
    template: 'opinion_outcome',
    keywords: outcomeKeywords((p) => p.title),
    page: suggestionPage,
    sample: { title: SAMPLE_TITLE, result: '申请退回', note: '县交通运输局：该路段属市政道路，不属我局管养' },
  },
  suggestion_to_voter: {
    audience: 'voter',
    moment: 'submit',
    template: 'opinion_outcome',
    keywords: outcomeKeywords((p) => p.excerpt),
    page: opinionPage,
    sample: { excerpt: SAMPLE_EXCERPT, result: '单位已答复', note: '县交通运输局：已列入明年计划' },
  },
};

/** Whether a stored kind is one the registry knows. */
export function isNotificationKind(kind: string): kind is NotificationKind {
  return Object.prototype.hasOwnProperty.call(NOTIFICATION_KINDS, kind);
}

/** The registry's view of a stored message (an outbox row); null for a kind it does not know. */
export function notificationOf(message: {
  kind: string;
  payload: Record<string, string>;
  createdAt: number;
  subjectId: string;
}): NotificationInput | null {
  if (!isNotificationKind(message.kind)) return null;
  return {
    kind: message.kind,
    payload: message.payload as unknown as NotificationPayloads[NotificationKind],
    createdAt: message.createdAt,
    subjectId: message.subjectId,
  };
}

/** A kind's entry, for code that handles a message of any kind (its payload is then read as that kind's). */
export function kindSpec(kind: NotificationKind): KindSpec<NotificationKind> {
  return NOTIFICATION_KINDS[kind] as KindSpec<NotificationKind>;
}

/** The page a message opens, in app.json's form (no leading slash). */
export function notificationPage(message: NotificationInput): string {
  return kindSpec(message.kind).page(message);
}

/** The template a kind goes out on. */
export function templateOf(kind: NotificationKind): TemplateKey {
  return NOTIFICATION_KINDS[kind].template;
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
