import Taro from '@tarojs/taro';

async function ask(list: string): Promise<void> {
  const ids = list.split(',').filter(Boolean);
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

/** WeChat asks at the moment of submitting; a refusal changes nothing about the opinion. */
export function requestSubmitNotifications(): Promise<void> {
  return ask(SUBSCRIBE_TEMPLATE_IDS);
}

/** Asked when a deputy opens their inbox: the new-assignment notice. */
export function requestCaseworkNotifications(): Promise<void> {
  return ask(CASEWORK_TEMPLATE_IDS);
}
