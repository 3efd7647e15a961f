import database from '../../../cloudbase/database.json';

/**
 * The CloudBase collections, as cloudbase/database.json lists them with their indexes and
 * permissions: that file is what an operator applies, and the adapter may only name a
 * collection listed there.
 */
export type CollectionName = keyof typeof database.collections;

export const COLLECTION_NAMES = Object.keys(database.collections) as CollectionName[];
