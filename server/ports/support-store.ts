import type { CategoryId } from '../../src/domain/categories';
import type { Opinion, TimelineEvent } from '../../src/domain/opinion';
import type { OpinionPage } from './opinion-store';
import type { AuditEntry, OpinionSupport } from './store-types';

export type { OpinionSupport } from './store-types';

/**
 * What became of `addSupport`: `added`; `already` when this voter supports it already (nothing
 * written); `changed` when the opinion is gone or its version moved on since it was read
 * (nothing written: the caller reads it again and decides anew).
 */
export type SupportOutcome = 'added' | 'already' | 'changed';

/**
 * 附议 (docs/DESIGN.md, 附议). Support rows live apart from the opinion document, which is
 * replaced whole under a version check. How many support an opinion comes with it as read
 * (`Opinion.supportCount`, kept by the store beside the opinion without changing its version);
 * `countSupports` counts the rows of any ids at once.
 */
export interface SupportStore {
  /**
   * In one transaction: if `support.openid` already supports the opinion, `already`; if the
   * stored opinion's version is not `expectedVersion`, `changed`; otherwise the support row, the
   * public timeline line, the audit line and the opinion's count one higher (its version unchanged).
   */
  addSupport(
    support: OpinionSupport,
    expectedVersion: number,
    line: TimelineEvent,
    audit: AuditEntry,
  ): Promise<SupportOutcome>;
  isSupporting(opinionId: string, openid: string): Promise<boolean>;
  /** How many support each of `opinionIds` (ids nobody supports are absent), in one query. */
  countSupports(opinionIds: readonly string[]): Promise<Map<string, number>>;
  /** Which of `opinionIds` `openid` supports, in one query. */
  listSupportedAmong(openid: string, opinionIds: readonly string[]): Promise<Set<string>>;
  /** The supporters of an opinion, earliest first, at most `limit`. */
  listSupporters(opinionId: string, limit: number): Promise<OpinionSupport[]>;
  /**
   * The opinions `openid` supports, the latest 附议 first, a page at a time (the cursor names the
   * last 附议 of the page).
   */
  listSupportedOpinions(openid: string, cursor: string | undefined, limit: number): Promise<OpinionPage>;
  /**
   * The opinions of a station and category in one of `statuses`, newest first, at most `limit`:
   * the candidates the similar-opinions rule compares (an indexed query, never the collection).
   */
  listOpinionsOfCategory(
    stationId: string,
    category: CategoryId,
    statuses: readonly Opinion['status'][],
    limit: number,
  ): Promise<Opinion[]>;
}
