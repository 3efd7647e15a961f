import Taro from '@tarojs/taro';

/** WeChat shows at most 3 templates in one prompt. */
const PER_PROMPT = 3;

/**
 * Show WeChat's prompt for these templates and resolve with the ids the person accepted.
 * WeChat shows it only from a tap (base library ≥ 2.8.2), so this must be called first thing
 * in a tap handler, before anything is awaited. A refusal or a failed prompt accepts nothing.
 */
export function askToBeTold(templateIds: readonly string[]): Promise<string[]> {
  const ids = templateIds.slice(0, PER_PROMPT);
  if (ids.length === 0) return Promise.resolve([]);
  return new Promise((resolve) => {
    void Taro.requestSubscribeMessage({
      tmplIds: ids,
      // entityIds is typed as required by Taro but belongs to another API (安全提醒): not sent.
      success: (answer: Record<string, string>) => resolve(ids.filter((id) => answer[id] === 'accept')),
      fail: () => resolve([]),
    } as unknown as Taro.requestSubscribeMessage.Option);
  });
}
