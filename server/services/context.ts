import type { Clock } from '../../src/domain/dates';
import type { Account, Role } from '../../src/domain/roles';
import type { SubscribeTemplates } from '../../src/domain/subscribe-templates';
import type { ContentCheck } from '../ports/content-check';
import type { DocumentWriter, FileStorage } from '../ports/documents';
import type { Ids } from '../ports/ids';
import type { Store } from '../ports/store';

/** Who is calling, as the platform says: an OPENID (absent for anonymous H5 visitors). */
export interface Caller {
  openid?: string;
  role: Role;
  account: Account | null;
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

/** The role an OPENID holds: admin by configuration, else its account's role, else voter. */
export async function identify(store: Store, config: ServiceConfig, openid: string | undefined): Promise<Caller> {
  if (!openid) return { role: 'voter', account: null };
  const account = await store.getAccount(openid);
  if (config.adminOpenids.includes(openid)) return { openid, role: 'admin', account };
  return { openid, role: account?.role ?? 'voter', account };
}
