import type { Opinion } from '../../src/domain/opinion';
import type { AuditEntry } from './store-types';

/** How many of each kind of a voter's own records `eraseVoterRecords` deleted. */
export interface ErasedRecords {
  follows: number;
  messages: number;
  subscriptions: number;
  readMarks: number;
  districts: number;
  supports: number;
}

/** The voter's personal data outside their opinions, and the opinions whose contact has outlived its use. */
export interface PersonalDataStore {
  /**
   * Opinions that still hold a contact and ended (src/domain/personal-data.ts, contactEndedAt)
   * before `before`, oldest ending first, at most `limit`.
   */
  listContactsEndedBefore(before: number, limit: number): Promise<Opinion[]>;
  /**
   * Delete, in one transaction with `audit`, what is kept about `openid` beside their opinions:
   * their station follows, the 消息 (outbox rows) addressed to them, their subscription credits,
   * their read mark, their declared 选区 and their 附议 (support rows: the opinions' counts drop).
   */
  eraseVoterRecords(openid: string, audit: AuditEntry): Promise<ErasedRecords>;
}
