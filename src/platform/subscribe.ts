/**
 * Ask the voter to allow the reply and resolution notices. The build picks
 * subscribe.weapp.ts (WeChat's subscription prompt); elsewhere there is nothing to ask.
 */
export async function requestSubmitNotifications(): Promise<void> {
  return undefined;
}

/** Ask a deputy to allow new-assignment notices (weapp only; see subscribe.weapp.ts). */
export async function requestCaseworkNotifications(): Promise<void> {
  return undefined;
}
