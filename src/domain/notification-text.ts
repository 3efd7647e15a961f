import { categoryLabel } from './categories';
import { formatDateZh, isLocalDate } from './dates';
import type { NotificationInput, NotificationKind } from './notifications';

/** A line of the in-app 消息 list: a short title and one sentence. */
export interface InAppLine {
  title: string;
  text: string;
}

/** A due date as a sentence says it (12月15日); a value that is not a date as it is. */
const dueLine = (due: string) => (isLocalDate(due) ? formatDateZh(due) : due);

/**
 * What the in-app 消息 list says of each kind of the registry (notifications.ts): unlike a
 * subscription message, whose values WeChat's template rules cut, it has room for a sentence.
 */
const IN_APP_TEXT: { [K in NotificationKind]: (message: NotificationInput<K>) => InAppLine } = {
  assigned_to_deputy: (m) => ({
    title: '新的群众意见待您答复',
    text: `${categoryLabel(m.payload.category)}：${m.payload.excerpt}，请于${dueLine(m.payload.due)}前答复`,
  }),
  reopened_to_deputy: (m) => ({
    title: '群众对答复不满意',
    text: `“${m.payload.excerpt}”已重新交您办理，请于${dueLine(m.payload.due)}前答复`,
  }),
  reminder_to_deputy: (m) => ({
    title: '催办：答复期限将到',
    text: `“${m.payload.excerpt}”请于${dueLine(m.payload.due)}前答复`,
  }),
  overdue_to_staff: (m) => ({
    title: '督办：意见已超期未答复',
    text: `“${m.payload.excerpt}”${m.payload.deputy ? `（${m.payload.deputy}代表）` : ''}应于${dueLine(m.payload.due)}前答复，请督办`,
  }),
  reply_to_voter: (m) => ({ title: '代表答复了您的意见', text: `“${m.payload.excerpt}”：${m.payload.reply}` }),
  resolved_to_voter: (m) => ({
    title: '您的意见已办结',
    text: `“${m.payload.excerpt}”已办结${m.payload.note ? `：${m.payload.note}` : ''}，请评价办理结果`,
  }),
  rejected_to_voter: (m) => ({ title: '您的意见未予受理', text: `“${m.payload.excerpt}”：${m.payload.reason}` }),
  session_reminder: (m) => ({
    title: '明天是代表接待日',
    text: `${m.payload.station} ${dueLine(m.payload.date)} ${m.payload.start}–${m.payload.end}，主题：${m.payload.theme}`,
  }),
  session_changed: (m) => ({ title: '接待日有变动', text: `${m.payload.station}：${m.payload.text}` }),
  overdue_digest: (m) => ({
    title: '本周超期意见',
    text: `${m.payload.station}目前有${m.payload.overdue}条意见超过答复期限`,
  }),
  // `what` is the step (交办（主办）, 改交, 再办, 延期, 重点督办, 退回未获同意 …), so it stands alone.
  suggestion_to_unit: (m) => ({
    title: `代表建议：${m.payload.what}`,
    text: `《${m.payload.title}》${m.payload.what}，期限：${dueLine(m.payload.due)}`,
  }),
  suggestion_reminder_to_unit: (m) => ({
    title: '代表建议答复期限将到',
    text: `《${m.payload.title}》请于${dueLine(m.payload.due)}前答复`,
  }),
  suggestion_overdue_to_unit: (m) => ({
    title: '督办：代表建议已超期',
    text: `《${m.payload.title}》应于${dueLine(m.payload.due)}前答复，已超期，请尽快办理`,
  }),
  suggestion_overdue_to_committee: (m) => ({
    title: '督办：代表建议超期未答复',
    text: `《${m.payload.title}》（${m.payload.unit}）应于${dueLine(m.payload.due)}前答复`,
  }),
  suggestion_to_deputy: (m) => ({
    title: `代表建议${m.payload.result}`,
    text: `《${m.payload.title}》：${m.payload.note}`,
  }),
  suggestion_to_committee: (m) => ({
    title: `代表建议${m.payload.result}`,
    text: `《${m.payload.title}》：${m.payload.note}`,
  }),
  suggestion_to_voter: (m) => ({
    title: `您反映的问题：${m.payload.result}`,
    text: `“${m.payload.excerpt}”：${m.payload.note}`,
  }),
};

/** The in-app 消息 line of a message. */
export function notificationText(message: NotificationInput): InAppLine {
  return (IN_APP_TEXT[message.kind] as (m: NotificationInput) => InAppLine)(message);
}
