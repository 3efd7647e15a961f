import { stationsActions } from '../../src/domain/actions/stations';
import { createCloudFunction } from '../../server/runtime/cloud-function';
import { listHolidayYears, setHolidayArrangement } from '../../server/services/holidays';
import { followStation, setSession } from '../../server/services/sessions';
import { getStation, listStations } from '../../server/services/stations';

/** stations (src/domain/actions/stations.ts): where the liaison stations are and when they receive voters. */
export const main = createCloudFunction(stationsActions, {
  list: listStations,
  get: getStation,
  follow: followStation,
  setSession,
  setHolidayArrangement,
  holidayYears: listHolidayYears,
});
