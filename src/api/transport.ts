import type { Transport } from './transport.types';

export type { Transport } from './transport.types';

/**
 * Sends one event to one cloud function. The build picks the platform's file:
 * transport.weapp.ts (Taro.cloud.callFunction) or transport.h5.ts (HTTP to the local
 * server). This file is what type-checking sees; it is never bundled.
 */
export const transport: Transport = async () => {
  throw new Error('transport: built without a platform (TARO_ENV)');
};
