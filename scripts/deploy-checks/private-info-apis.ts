import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { filesUnder, readJson } from './files';
import type { CheckResult } from './result';

/**
 * WeChat's location APIs that must be declared in app.json `requiredPrivateInfos` before they
 * work (the eight of WeChat's 地理位置接口 notice, and the enum of miniprogram-ci's app.json schema).
 */
export const PRIVATE_INFO_APIS = [
  'getFuzzyLocation',
  'getLocation',
  'onLocationChange',
  'startLocationUpdate',
  'startLocationUpdateBackground',
  'chooseLocation',
  'choosePoi',
  'chooseAddress',
] as const;
type PrivateInfoApi = (typeof PRIVATE_INFO_APIS)[number];

/** The precise-location APIs: WeChat refuses to compile an app.json declaring one beside getFuzzyLocation. */
const PRECISE: readonly PrivateInfoApi[] = [
  'getLocation',
  'onLocationChange',
  'startLocationUpdate',
  'startLocationUpdateBackground',
];

/**
 * The authorization each API asks the user for, whose `permission` entry in app.json holds the
 * sentence the prompt shows (app.json accepts only these two scopes). The choose* APIs let the
 * user pick a place and ask for no authorization.
 */
const SCOPE: Partial<Record<PrivateInfoApi, string>> = {
  getFuzzyLocation: 'scope.userFuzzyLocation',
  getLocation: 'scope.userLocation',
  onLocationChange: 'scope.userLocation',
  startLocationUpdate: 'scope.userLocation',
  startLocationUpdateBackground: 'scope.userLocation',
};

/**
 * The rule for "the code calls X": the API's name used as a property and called — `.X(` or
 * `["X"](`. The app calls `Taro.getLocation({...})`, which the weapp build minifies to
 * `<module>().getLocation({`. Taro's runtime (taro.js) names every wx API, but only as strings
 * in its API list (`"getLocation",`), through which it forwards calls as `wx[name]`; app.js
 * holds app.json's own `requiredPrivateInfos:["getLocation"]`. Neither is a call, and the
 * rule matches neither, so every .js file of the package is scanned with it.
 */
function callPattern(api: string): RegExp {
  return new RegExp(String.raw`(?:\.\s*${api}|\[\s*["'\`]${api}["'\`]\s*\])\s*\(`);
}

/** Which private-info APIs the built JS calls, each with the files that call it. */
export function privateInfoCalls(weappDir: string): Map<PrivateInfoApi, string[]> {
  const calls = new Map<PrivateInfoApi, string[]>();
  for (const file of filesUnder(weappDir).filter((f) => f.endsWith('.js'))) {
    const js = readFileSync(file, 'utf8');
    for (const api of PRIVATE_INFO_APIS) {
      if (callPattern(api).test(js)) calls.set(api, [...(calls.get(api) ?? []), relative(weappDir, file)]);
    }
  }
  return calls;
}

interface AppJson {
  requiredPrivateInfos?: unknown;
  permission?: Record<string, { desc?: unknown } | undefined>;
}

/**
 * Every location API the built mini program calls is declared in app.json
 * `requiredPrivateInfos`, and every one declared is called (a declaration without a use is a
 * permission asked for nothing, and review asks why); the fuzzy and precise APIs are not
 * declared together; each API that asks for an authorization has that scope's `permission`
 * entry with the sentence shown to the user, and no scope is described that nothing asks for.
 */
export function checkPrivateInfos(weappDir: string): CheckResult {
  const file = join(weappDir, 'app.json');
  const check = 'location APIs called = requiredPrivateInfos';
  const read = readJson(file);
  if ('error' in read) return { check, file, problems: [read.error] };
  const app = read.value as AppJson;
  const declared = Array.isArray(app.requiredPrivateInfos) ? (app.requiredPrivateInfos as string[]) : [];
  const calls = privateInfoCalls(weappDir);
  const problems: string[] = [];
  if (app.requiredPrivateInfos !== undefined && !Array.isArray(app.requiredPrivateInfos)) {
    problems.push('requiredPrivateInfos is not a list');
  }
  for (const [api, where] of calls) {
    if (!declared.includes(api)) {
      problems.push(`${where.join(', ')} calls ${api}, which requiredPrivateInfos does not declare`);
    }
  }
  for (const name of declared) {
    if (!(PRIVATE_INFO_APIS as readonly string[]).includes(name)) {
      problems.push(`requiredPrivateInfos declares "${name}", which is not one of WeChat's location APIs`);
    } else if (!calls.has(name as PrivateInfoApi)) {
      problems.push(`requiredPrivateInfos declares ${name}, which no built JS calls`);
    }
  }
  const precise = declared.filter((name) => PRECISE.includes(name as PrivateInfoApi));
  if (declared.includes('getFuzzyLocation') && precise.length > 0) {
    problems.push(
      `requiredPrivateInfos declares getFuzzyLocation with ${precise.join(', ')}: WeChat allows one or the other`,
    );
  }
  const needed = new Set([...calls.keys()].flatMap((api) => (SCOPE[api] ? [SCOPE[api]] : [])));
  for (const scope of needed) {
    const desc = app.permission?.[scope]?.desc;
    if (typeof desc !== 'string' || desc.trim() === '') {
      const by = [...calls.keys()].filter((api) => SCOPE[api] === scope).join(', ');
      problems.push(`${by} asks for ${scope}, which permission does not describe (permission["${scope}"].desc)`);
    }
  }
  for (const scope of Object.keys(app.permission ?? {})) {
    if (!needed.has(scope)) problems.push(`permission describes ${scope}, which no called API asks for`);
  }
  return { check, file, problems };
}
