import { z } from 'zod';
import type {
  ActivityFiguresView,
  ActivityListView,
  ActivityView,
  DeputyRecordView,
  GroupView,
} from '../activity-views';
import {
  activityFiguresInput,
  activityIdInput,
  deputyRecordInput,
  listActivitiesInput,
  markAttendanceInput,
  recordActivityInput,
  reviewActivityInput,
  setGroupInput,
  setMinAttendanceInput,
} from '../activity-schemas';
import { defineActions, returns } from './action-spec';

/**
 * activities: 履职 — 人大小组, the committee's and groups' activities with each deputy's attendance,
 * deputies' own visits confirmed by staff, each deputy's 履职档案 and the committee's counts.
 */
export const activitiesActions = defineActions('activities', {
  list: { input: listActivitiesInput, access: 'user', output: returns<ActivityListView>() },
  get: { input: activityIdInput, access: 'user', output: returns<ActivityView>() },
  groups: { input: z.object({}), access: 'user', output: returns<{ groups: GroupView[] }>() },
  deputyRecord: { input: deputyRecordInput, access: 'user', output: returns<DeputyRecordView>() },
  figures: { input: activityFiguresInput, access: 'user', output: returns<ActivityFiguresView>() },
  record: { input: recordActivityInput, access: 'user', limit: 'activities.record', output: returns<ActivityView>() },
  markAttendance: {
    input: markAttendanceInput,
    access: 'user',
    limit: 'activities.markAttendance',
    output: returns<ActivityView>(),
  },
  review: { input: reviewActivityInput, access: 'user', limit: 'activities.review', output: returns<ActivityView>() },
  setGroup: { input: setGroupInput, access: 'user', limit: 'activities.setGroup', output: returns<GroupView>() },
  setMinAttendance: {
    input: setMinAttendanceInput,
    access: 'user',
    limit: 'activities.setMinAttendance',
    output: returns<{ minAttendance: number }>(),
  },
});
