import { main as account } from '../../cloudfunctions/account/index';
import { main as activities } from '../../cloudfunctions/activities/index';
import { main as casework } from '../../cloudfunctions/casework/index';
import { main as evaluations } from '../../cloudfunctions/evaluations/index';
import { main as opinions } from '../../cloudfunctions/opinions/index';
import { main as reports } from '../../cloudfunctions/reports/index';
import { main as scheduler } from '../../cloudfunctions/scheduler/index';
import { main as stations } from '../../cloudfunctions/stations/index';
import { main as suggestions } from '../../cloudfunctions/suggestions/index';
import type { CloudFunctionMain } from './http-server';

/** Every cloud function the local server exposes: the same entries CloudBase runs. */
export const LOCAL_FUNCTIONS: Record<string, CloudFunctionMain> = {
  account,
  stations,
  opinions,
  casework,
  scheduler,
  reports,
  evaluations,
  suggestions,
  activities,
};
