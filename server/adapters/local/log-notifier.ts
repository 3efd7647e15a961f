import type { Notifier } from '../../ports/notifier';

/** Local notifier: WeChat's servers cannot be reached here, so a message is "sent" by logging it. */
export function createLogNotifier(log: (line: string) => void = (line) => console.log(line)): Notifier {
  return {
    send: async (message) => {
      log(
        `[通知] ${message.kind} ${message.subjectId} → ${message.recipientOpenid}：${JSON.stringify(message.payload)}`,
      );
      return { ok: true };
    },
  };
}
