import type { GeoPoint } from '../domain/station';
import type { MeView, StationDetail, StationSummary } from '../domain/views';

/** Every call the app makes: `function.action` → its input and its data. */
export interface ApiContract {
  'stations.list': { input: { near?: GeoPoint }; output: { items: StationSummary[] } };
  'stations.get': { input: { stationId: string }; output: StationDetail };
  'account.me': { input: Record<string, never>; output: MeView };
  'account.redeemInvite': { input: { code: string }; output: MeView };
}

export type ApiName = keyof ApiContract;
