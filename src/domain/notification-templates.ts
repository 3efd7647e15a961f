import {
  kindSpec,
  NOTIFICATION_KINDS,
  type NotificationInput,
  type NotificationKind,
  type SubscriptionMoment,
  type TemplateKey,
} from './notifications';
import { formatKeyword, type KeywordType } from './template-keywords';

/*
 * The template catalogue: the public-library templates the operator chooses for the registry's
 * kinds (notifications.ts), the keys their keywords go under, and the `data` a message sends.
 */

/** A template of WeChat's public library, as the operator must choose it. */
export interface TemplateSpec {
  /** The key of this template in SUBSCRIBE_TEMPLATES. */
  key: TemplateKey;
  /** The title to search for in 订阅消息 → 公共模板库. */
  title: string;
  /** Its keywords, in order, with their types: the default keys are type + position (`thing1`, `date3`). */
  keywords: ReadonlyArray<{ name: string; type: KeywordType }>;
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

/** The public-library templates the operator chooses, each once, whatever kinds share it. */
export const TEMPLATES: Readonly<Record<TemplateKey, TemplateSpec>> = (() => {
  const out = {} as Record<TemplateKey, TemplateSpec>;
  for (const spec of (Object.keys(NOTIFICATION_KINDS) as NotificationKind[]).map(kindSpec)) {
    out[spec.template] ??= {
      key: spec.template,
      title: TEMPLATE_TITLES[spec.template],
      keywords: spec.keywords.map(({ name, type }) => ({ name, type })),
    };
  }
  return out;
})();

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
  const spec = kindSpec(message.kind);
  const names = keys ?? defaultKeys(spec.template);
  return Object.fromEntries(
    spec.keywords.map((keyword, i) => [names[i], { value: formatKeyword(keyword.type, keyword.value(message)) }]),
  );
}

/** The templates to ask for at a moment (at most 3, WeChat's limit per prompt). */
export function templatesAt(moment: SubscriptionMoment): TemplateKey[] {
  const keys = (Object.keys(NOTIFICATION_KINDS) as NotificationKind[])
    .map(kindSpec)
    .filter((spec) => spec.moment === moment)
    .map((spec) => spec.template);
  return [...new Set(keys)].slice(0, 3);
}
