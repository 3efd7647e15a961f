import { DEMO_CALLERS } from '../../server/local/demo-street';
import type { SeededIds } from './site';

/** A page of the H5 app as the browser sections open it: who is calling, with which query. */
export interface H5Page {
  path: string;
  caller: string;
  /** The role the 我的 page shows for `caller` (tests/browser/as-caller.ts waits for it). */
  role: string;
  query?: string;
  /** Why it could not be opened (no seeded record to open it with). */
  missing?: string;
}

interface Caller {
  caller: string;
  role: string;
}

const voter: Caller = { caller: DEMO_CALLERS.voter, role: 'voter' };
const deputy: Caller = { caller: DEMO_CALLERS.deputy, role: 'deputy' };
const staff: Caller = { caller: DEMO_CALLERS.staff, role: 'staff' };
const admin: Caller = { caller: DEMO_CALLERS.admin, role: 'admin' };

/** Who opens each page, and with which id: the caller whose page it is (the 我的 page's entries). */
function callerOf(path: string, ids: SeededIds): Omit<H5Page, 'path'> {
  const withId = (who: Caller, key: string, id: string | undefined, what: string) =>
    id ? { ...who, query: `${key}=${encodeURIComponent(id)}` } : { ...who, missing: `no seeded ${what}` };
  switch (path) {
    case 'pages/station/index':
      return withId(voter, 'id', ids.station, 'station');
    case 'pages/opinion/index':
      return withId(voter, 'id', ids.voterOpinion, "opinion of demo-voter's");
    case 'pages/evaluation/index':
      return withId(voter, 'roundId', ids.round, '评议 round');
    case 'casework/case/index':
      return withId(deputy, 'id', ids.deputyCase, "case in demo-deputy's inbox");
    case 'casework/suggestion/index':
      return withId(deputy, 'id', ids.suggestion, '建议 of demo-deputy');
    case 'casework/activity/index':
      return withId(deputy, 'id', ids.activity, 'activity of demo-deputy');
    case 'casework/inbox/index':
    case 'casework/suggestions/index':
    case 'casework/suggestion-draft/index':
    case 'casework/activities/index':
    case 'casework/activity-record/index':
    case 'casework/deputy-record/index':
      return deputy;
    case 'casework/intake/index':
    case 'casework/invite/index':
    case 'casework/sessions/index':
      return staff;
    case 'casework/dashboard/index':
    case 'casework/evaluation-open/index':
    case 'casework/holidays/index':
    case 'casework/unit-figures/index':
    case 'casework/activity-figures/index':
      return admin;
    default:
      // A page added to the app later is still measured: as a voter, without an id.
      return voter;
  }
}

interface AppConfig {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
}

/** Every page of the app (src/app.config.ts: its pages, then its subpackages'), each with its caller. */
export async function h5Pages(ids: SeededIds): Promise<H5Page[]> {
  // app.config.ts calls Taro's build-time global; here it only has to hand the object back.
  Object.assign(globalThis, { defineAppConfig: (config: AppConfig) => config });
  const { default: config } = (await import('../../src/app.config')) as unknown as { default: AppConfig };
  const paths = [
    ...config.pages,
    ...(config.subPackages ?? []).flatMap((sub) => sub.pages.map((p) => `${sub.root}/${p}`)),
  ];
  return paths.map((path) => ({ path, ...callerOf(path, ids) }));
}

export const pageUrl = (base: string, page: H5Page) => `${base}/${page.path}${page.query ? `?${page.query}` : ''}`;
