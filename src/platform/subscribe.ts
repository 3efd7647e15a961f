/**
 * Ask to be told by WeChat subscription message. The build picks subscribe.weapp.ts
 * (WeChat's prompt); elsewhere there is nothing to ask and nothing is accepted.
 */
export function askToBeTold(_templateIds: readonly string[]): Promise<string[]> {
  return Promise.resolve([]);
}
