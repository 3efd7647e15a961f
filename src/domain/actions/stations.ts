import { holidayArrangementInput, holidayYearsInput, stationsGetInput, stationsListInput } from '../schemas';
import { followInput, setSessionInput } from '../session-schemas';
import type { HolidayYearsView, StationDetail, StationSummary } from '../views';
import { defineActions, returns } from './action-spec';

/** stations.follow: whether the caller now follows the station. */
export interface FollowResult {
  stationId: string;
  following: boolean;
}

/** stations.setSession: the month's session as it now stands. */
export interface SessionChange {
  month: string;
  date: string;
  status: string;
}

/** stations.setHolidayArrangement: the year stored and how many days of each kind it has. */
export interface HolidayArrangementSaved {
  year: number;
  holidays: number;
  workdays: number;
}

/** stations: where the liaison stations are and when they receive voters. */
export const stationsActions = defineActions('stations', {
  list: { input: stationsListInput, access: 'public', output: returns<{ items: StationSummary[] }>() },
  get: { input: stationsGetInput, access: 'public', output: returns<StationDetail>() },
  follow: { input: followInput, access: 'user', limit: 'stations.follow', output: returns<FollowResult>() },
  setSession: {
    input: setSessionInput,
    access: 'user',
    limit: 'stations.setSession',
    output: returns<SessionChange>(),
  },
  setHolidayArrangement: {
    input: holidayArrangementInput,
    access: 'user',
    limit: 'stations.setHolidayArrangement',
    output: returns<HolidayArrangementSaved>(),
  },
  holidayYears: { input: holidayYearsInput, access: 'user', output: returns<HolidayYearsView>() },
});
