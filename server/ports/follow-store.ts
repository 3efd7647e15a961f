import type { SessionOverride } from '../../src/domain/reception-calendar';
import type { OutboxMessage } from './opinion-store';
import type { AuditEntry } from './store-types';

/** Voters following stations, and the session changes and reminders they are told about. */
export interface FollowStore {
  setFollow(openid: string, stationId: string, follow: boolean, at: number): Promise<void>;
  isFollowing(openid: string, stationId: string): Promise<boolean>;
  listFollowers(stationId: string): Promise<string[]>;
  /** Save a session change, its audit line and the followers' notices in one transaction. */
  changeSession(override: SessionOverride, audit: AuditEntry, notices: readonly OutboxMessage[]): Promise<void>;
  /**
   * Queue messages that carry a dedupeKey, skipping any key already queued: a reminder is
   * sent once however many scheduler runs overlap. Returns how many were new.
   */
  enqueueOnce(messages: ReadonlyArray<OutboxMessage & { dedupeKey: string }>): Promise<number>;
}
