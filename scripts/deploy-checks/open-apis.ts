import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { foldersIn, readJson } from './files';
import type { CheckResult } from './result';

/**
 * WeChat 云调用 categories whose names are not ordinary JavaScript words: a call such as
 * `<x>.security.msgSecCheck(` is recognised whatever holds wx-server-sdk's `cloud.openapi`
 * (the adapters receive it as a parameter, which minification renames). Categories named
 * like everyday properties (auth, img, search, analysis, operation, cloudbase, …) would match
 * `.auth.split(` or `.search.replace(` in bundled libraries, so those count only when called
 * on `.openapi.` itself.
 */
export const OPEN_API_CATEGORIES = [
  'customerServiceMessage',
  'immediateDelivery',
  'liveBroadcast',
  'logistics',
  'midas',
  'nearbyPoi',
  'ocr',
  'phonenumber',
  'pluginManager',
  'redpacketcover',
  'security',
  'serviceMarket',
  'soter',
  'subscribeMessage',
  'templateMessage',
  'uniformMessage',
  'updatableMessage',
  'urllink',
  'urlscheme',
  'wxacode',
];

/**
 * A cloud call (云调用): wx-server-sdk's `cloud.openapi` is a Proxy, so the category and method
 * names survive minification and a call reads `.openapi.security.msgSecCheck(`, or
 * `e.security.msgSecCheck(` when `cloud.openapi` was passed in as `e`. wx-server-sdk's own code
 * names APIs only inside strings (`'openapi.midas.getBalance'`), never followed by a call.
 */
const OPENAPI_CALL = new RegExp(
  String.raw`\.openapi\.([A-Za-z_$][\w$]*)\.([A-Za-z_$][\w$]*)\s*\(|\.(${OPEN_API_CATEGORIES.join('|')})\.([A-Za-z_$][\w$]*)\s*\(`,
  'g',
);

/** `callWxOpenApi(` given a URL path as apiName: a route no document describes for cloud calls. */
const URL_API_NAME = /callWxOpenApi\(([^()]{0,300})/g;
const URL_LITERAL = /["'`](\/(?:wxa|cgi-bin)\/[^"'`]*)["'`]/;

/** The dotted open-API names (`security.msgSecCheck`) a bundle calls through cloud.openapi. */
export function openApiCalls(js: string): string[] {
  return [...new Set([...js.matchAll(OPENAPI_CALL)].map((m) => (m[1] ? `${m[1]}.${m[2]}` : `${m[3]}.${m[4]}`)))].sort();
}

/** URL paths a bundle passes to callWxOpenApi as its apiName. */
export function urlOpenApiCalls(js: string): string[] {
  return [...new Set([...js.matchAll(URL_API_NAME)].flatMap((m) => URL_LITERAL.exec(m[1] ?? '')?.[1] ?? []))].sort();
}

/**
 * For each built function: every open API its index.js calls is listed in its config.json
 * `permissions.openapi` by its dotted name (without it, CloudBase refuses the call), every one
 * listed is called (no permission kept after the code stopped using it), and nothing goes
 * through callWxOpenApi with a URL path.
 */
export function checkOpenApis(functionsDir: string): CheckResult[] {
  return foldersIn(functionsDir).map((name) => {
    const dir = join(functionsDir, name);
    const file = join(dir, 'config.json');
    const check = 'open APIs called = permissions.openapi';
    const index = join(dir, 'index.js');
    if (!existsSync(index)) return { check, file: index, problems: ['no index.js'] };
    const js = readFileSync(index, 'utf8');
    const read = readJson(file);
    if ('error' in read) return { check, file, problems: [read.error] };
    const listed = (read.value as { permissions?: { openapi?: unknown } }).permissions?.openapi ?? [];
    if (!Array.isArray(listed)) return { check, file, problems: ['permissions.openapi is not a list'] };
    const declared = listed as string[];
    const called = openApiCalls(js);
    const problems = [
      ...called
        .filter((api) => !declared.includes(api))
        .map((api) => `index.js calls the open API ${api}, which permissions.openapi does not list`),
      ...declared
        .filter((api) => !called.includes(api))
        .map((api) => `permissions.openapi lists "${api}", which index.js never calls`),
      ...urlOpenApiCalls(js).map(
        (url) =>
          `index.js calls callWxOpenApi with the URL "${url}": undocumented for cloud calls; use cloud.openapi.<category>.<method> (wx-server-sdk)`,
      ),
    ];
    return { check, file, problems };
  });
}
