/**
 * The CloudBase collections and the indexes each query needs. cloudbase/database.json
 * is generated from this list (npm run build:functions) and is what an operator
 * applies in the console or with the CloudBase CLI; every collection's permission is
 * "仅管理端可读写" (no client access): functions do every read and write.
 */
export const COLLECTIONS = {
  stations: { indexes: [{ name: 'sortOrder_id', keys: { sortOrder: 1, _id: 1 } }] },
  deputies: { indexes: [{ name: 'stationId_id', keys: { stationId: 1, _id: 1 } }] },
  session_overrides: { indexes: [{ name: 'stationId_month', keys: { stationId: 1, month: 1 } }] },
  holiday_arrangements: { indexes: [] },
  accounts: { indexes: [{ name: 'deputyId', keys: { deputyId: 1 }, unique: false }] },
  invites: { indexes: [{ name: 'stationId', keys: { stationId: 1 } }] },
  audit_log: { indexes: [{ name: 'target_at', keys: { targetType: 1, targetId: 1, at: 1 } }] },
  markers: { indexes: [] },
} as const;

export type CollectionName = keyof typeof COLLECTIONS;
