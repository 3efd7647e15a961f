import { activitiesActions } from '../../src/domain/actions/activities';
import { createCloudFunction } from '../../server/runtime/cloud-function';
import { textCheckEdge } from '../../server/runtime/wechat-edges';
import { getActivityFigures, setMinAttendance } from '../../server/services/activity-figures';
import { markAttendance, recordActivity, reviewActivity } from '../../server/services/activity-commands';
import { setGroup } from '../../server/services/activity-groups';
import { getActivity, listActivities, listGroups } from '../../server/services/activity-view';
import { getDeputyRecord } from '../../server/services/deputy-record';

/** activities (src/domain/actions/activities.ts): 履职 — 人大小组, activities and attendance, 履职档案, figures. */
export const main = createCloudFunction(
  activitiesActions,
  {
    list: listActivities,
    get: getActivity,
    groups: listGroups,
    deputyRecord: getDeputyRecord,
    figures: getActivityFigures,
    record: recordActivity,
    markAttendance,
    review: reviewActivity,
    setGroup,
    setMinAttendance,
  },
  { wechat: textCheckEdge },
);
