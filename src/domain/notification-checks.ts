import { kindSpec, NOTIFICATION_KINDS, type NotificationInput, type NotificationKind } from './notifications';
import { defaultKeys, templateData } from './notification-templates';
import { validateKeyword } from './template-keywords';

/*
 * WeChat's keyword rules applied to the values a message sends: the notifier refuses to send a
 * message with a problem, and the deploy check and the tests run every kind's sample through them.
 */

/**
 * The `data` of a message (as `templateData`, under `keys` or the defaults) with what is wrong
 * with its values, in Chinese: the values checked are the values sent, and nothing is sent
 * while the list is not empty.
 */
export function checkedTemplateData(
  message: NotificationInput,
  keys?: readonly string[],
): { data: Record<string, { value: string }>; problems: string[] } {
  const spec = kindSpec(message.kind);
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
