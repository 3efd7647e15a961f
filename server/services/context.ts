import type { Clock } from '../../src/domain/dates';
import type { Account, Role } from '../../src/domain/roles';
import type { SubscribeTemplates } from '../../src/domain/subscribe-templates';
import type { ContentCheck } from '../ports/content-check';
import type { DocumentWriter, FileStorage } from '../ports/documents';
import type { Ids } from '../ports/ids';
import type { Store } from '../ports/store';

/** What an OPENID is in this program: its role and, unless a plain voter, its account. */
export interface Identity {
  role: Role;
  account: Account | null;
}

/** Who is calling, as the platform says: an OPENID (absent for anonymous H5 visitors). */
export interface Caller {
  openid?: string;
  /**
   * The caller's role and account, read when a use case first asks and then kept for the action.
   * A use case that needs only the OPENID (recording acceptances, reading messages) asks for
   * nothing, so it does not pay the reference data's version read on CloudBase.
   */
  identity(): Promise<Identity>;
}

export interface ServiceConfig {
  /** 人大工委 accounts, configured per environment (ADMIN_OPENIDS). */
  adminOpenids: readonly string[];
  /** Opinions one caller may submit in a day (Asia/Shanghai). */
  dailySubmitLimit: number;
  /** The street the annual report is written for (STREET_NAME); the demo street when unset. */
  streetName?: string;
  /** The WeChat subscription templates of this environment (SUBSCRIBE_TEMPLATES); empty locally. */
  subscribeTemplates: SubscribeTemplates;
}

/** Everything a use case may touch: ports, never concrete adapters. */
export interface ServiceContext {
  store: Store;
  clock: Clock;
  contentCheck: ContentCheck;
  ids: Ids;
  documents: DocumentWriter;
  files: FileStorage;
  config: ServiceConfig;
  caller: Caller;
}

/**
 * The caller with this OPENID. The role it holds is admin by configuration, else its account's
 * role, else voter; the account is read only when a use case asks for the identity.
 */
export function identify(store: Store, config: ServiceConfig, openid: string | undefined): Caller {
  if (!openid) return { identity: () => Promise.resolve({ role: 'voter', account: null }) };
  let read: Promise<Identity> | undefined;
  const identity = async (): Promise<Identity> => {
    const account = await store.getAccount(openid);
    if (config.adminOpenids.includes(openid)) return { role: 'admin', account };
    return { role: account?.role ?? 'voter', account };
  };
  return { openid, identity: () => (read ??= identity()) };
}

/** Whether the caller is an admin (人大工委): by configuration, so nothing is read to know it. */
export function isAdmin(ctx: Pick<ServiceContext, 'caller' | 'config'>): boolean {
  return ctx.caller.openid !== undefined && ctx.config.adminOpenids.includes(ctx.caller.openid);
}
