import {
  holidayArrangementInput,
  holidayYearsInput,
  stationsGetInput,
  stationsListInput,
} from '../../src/domain/schemas';
import { action, createCloudFunction } from '../../server/runtime/cloud-function';
import { holidayYears, setHolidayArrangement } from '../../server/services/holidays';
import { followStation, setSession } from '../../server/services/sessions';
import { getStation, listStations } from '../../server/services/stations';
import { followInput, setSessionInput } from '../../src/domain/session-schemas';

/** stations: where the liaison stations are and when they receive voters. */
export const main = createCloudFunction('stations', {
  list: action({ input: stationsListInput, access: 'public', run: listStations }),
  get: action({ input: stationsGetInput, access: 'public', run: getStation }),
  follow: action({ input: followInput, access: 'user', limit: 'stations.follow', run: followStation }),
  setSession: action({ input: setSessionInput, access: 'user', limit: 'stations.setSession', run: setSession }),
  setHolidayArrangement: action({
    input: holidayArrangementInput,
    access: 'user',
    limit: 'stations.setHolidayArrangement',
    run: setHolidayArrangement,
  }),
  holidayYears: action({ input: holidayYearsInput, access: 'user', run: holidayYears }),
});
