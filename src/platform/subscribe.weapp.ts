import Taro from '@tarojs/taro';

/** WeChat asks at the moment of submitting; a refusal changes nothing about the opinion. */
export async function requestSubmitNotifications(): Promise<void> {
  const ids = SUBSCRIBE_TEMPLATE_IDS.split(',').filter(Boolean);
  if (ids.length === 0) return;
  try {
    await Taro.requestSubscribeMessage({
      tmplIds: ids,
      entityIds: [],
    } as unknown as Taro.requestSubscribeMessage.Option);
  } catch {
    // The voter declined or the prompt failed: the opinion is submitted all the same.
  }
}
