import { holidayArrangementInput, stationsGetInput, stationsListInput } from '../../src/domain/schemas';
import { action, createCloudFunction } from '../../server/runtime/cloud-function';
import { setHolidayArrangement } from '../../server/services/holidays';
import { getStation, listStations } from '../../server/services/stations';

/** stations: where the liaison stations are and when they receive voters. */
export const main = createCloudFunction('stations', {
  list: action({ input: stationsListInput, access: 'public', run: listStations }),
  get: action({ input: stationsGetInput, access: 'public', run: getStation }),
  setHolidayArrangement: action({ input: holidayArrangementInput, access: 'user', run: setHolidayArrangement }),
});
