import type { Clock } from '../../src/domain/dates';
import type { ContentCheck } from '../ports/content-check';
import type { Ids } from '../ports/ids';
import type { Notifier } from '../ports/notifier';
import type { Store } from '../ports/store';
import { join } from 'node:path';
import { createLocalFileStorage } from '../adapters/local/local-file-storage';
import { nodeIds } from '../adapters/node-ids';
import type { DocumentWriter, FileStorage } from '../ports/documents';
import { dataDir, dataFile } from './data-dir';
import { createLogNotifier } from '../adapters/local/log-notifier';
import { createWordListCheck } from '../adapters/local/word-list-check';
import type { ServiceConfig } from '../services/context';
import { parseSubscribeTemplates } from '../../src/domain/subscribe-templates';

/** The adapters a function runs on. */
export interface Runtime {
  store: Store;
  clock: Clock;
  config: ServiceConfig;
  contentCheck: ContentCheck;
  ids: Ids;
  notifier: Notifier;
  files: FileStorage;
}

export const systemClock: Clock = { now: () => Date.now() };

/**
 * The functions' settings from their environment. The CloudBase CLI writes every variable named
 * in cloudbaserc.json, so one left empty in .env arrives as '' and means "the default", never 0.
 */
export function configFromEnv(env: Record<string, string | undefined> = process.env): ServiceConfig {
  const { templates, problems } = parseSubscribeTemplates(env.SUBSCRIBE_TEMPLATES);
  // A wrong SUBSCRIBE_TEMPLATES must be seen in the function's log: every message would fail.
  for (const problem of problems) console.error(`[config] ${problem}`);
  return {
    subscribeTemplates: templates,
    adminOpenids: (env.ADMIN_OPENIDS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    dailySubmitLimit: positiveInteger('DAILY_SUBMIT_LIMIT', env.DAILY_SUBMIT_LIMIT, 10),
    ...(env.STREET_NAME?.trim() ? { streetName: env.STREET_NAME.trim() } : {}),
  };
}

function positiveInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} 应为正整数，现为“${value}”`);
  return n;
}

/**
 * The local stand-ins for the WeChat and CloudBase edges: a word-list content check, a
 * logging notifier (to the console unless `log` is given) and files under `dir`.
 */
export function localAdapters(
  dir = dataDir(),
  log?: (line: string) => void,
): Pick<Runtime, 'contentCheck' | 'notifier' | 'files'> {
  return {
    contentCheck: createWordListCheck(),
    notifier: createLogNotifier(log),
    files: createLocalFileStorage(join(dir, 'files')),
  };
}

/**
 * The WeChat open APIs a cloud function calls (server/runtime/wechat-edges.ts): the names its
 * config.json must declare, and how to make its adapters.
 */
export interface WechatEdge {
  openApis: readonly string[];
  build(
    config: ServiceConfig,
    tempUrlOf: (fileId: string) => Promise<string | undefined>,
  ): Partial<Pick<Runtime, 'contentCheck' | 'notifier'>>;
}

/**
 * What a function without WeChat access answers, should a use case ask: text is held for
 * review and photos stay hidden (nothing unchecked is published), and messages are not sent.
 */
export const NO_WECHAT: Pick<Runtime, 'contentCheck' | 'notifier'> = {
  contentCheck: { checkText: async () => 'review', checkImage: async () => ({ verdict: 'pending' }) },
  notifier: { send: async () => ({ ok: false, retry: true, error: '本云函数不发送订阅消息' }) },
};

/**
 * What a cloud function reaches beyond its store, files and clock, as its entry names it: the
 * WeChat open APIs it calls (server/runtime/wechat-edges.ts) and the office documents it writes
 * (server/runtime/document-edges.ts: only `reports` writes any). What an entry does not name is
 * not bundled into it: the document libraries (docx, exceljs and theirs) were half of every
 * function's bundle, and a cold start loads all of it before the first call is answered.
 */
export interface FunctionEdges {
  wechat?: WechatEdge;
  documents?: DocumentWriter;
}

/** What a function that names no documents answers, should a use case ask: a fault of its entry, never the caller's. */
export const NO_DOCUMENTS: DocumentWriter = {
  annualReport: () => Promise.reject(new Error('本云函数不生成文件：其入口未声明 documents')),
  opinionsSheet: () => Promise.reject(new Error('本云函数不生成文件：其入口未声明 documents')),
};

let current: Promise<Runtime> | undefined;

/**
 * The runtime of this process, made once. In CloudBase it is the CloudBase store; with
 * LIANLUO_STORE=sqlite (the local server, tests, a built function run by hand) the SQLite
 * file under LIANLUO_DATA_DIR. The SQLite adapter is loaded only then, so a deployed
 * function never needs the native module.
 */
export function getRuntime(edge?: WechatEdge): Promise<Runtime> {
  current ??= createDefaultRuntime(edge);
  return current;
}

/** Use these adapters from now on (the local server and tests choose their own). */
export function setRuntime(runtime: Runtime): void {
  current = Promise.resolve(runtime);
}

/**
 * The one local assembly: the SQLite store in `file`, the local stand-ins for WeChat and for
 * CloudBase's files, the system clock and the settings from the environment. The local server,
 * `npm run demo:year` and a function run with LIANLUO_STORE=sqlite all run on it.
 */
export async function createLocalRuntime(file = dataFile()): Promise<Runtime> {
  const { createSqliteStore } = await import('../adapters/sqlite/sqlite-store');
  return {
    ...localAdapters(),
    store: createSqliteStore(file, { checkpointInBackground: true }),
    clock: systemClock,
    config: configFromEnv(),
    ids: nodeIds,
  };
}

async function createDefaultRuntime(edge?: WechatEdge): Promise<Runtime> {
  if (process.env.LIANLUO_STORE === 'sqlite') return createLocalRuntime();
  const config = configFromEnv();
  const tcb = (await import('@cloudbase/node-sdk')).default;
  const app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
  const { createCloudbaseStore } = await import('../adapters/cloudbase/cloudbase-store');
  const { createCloudFileStorage } = await import('../adapters/cloudbase/cloud-file-storage');
  const tempUrlOf = async (fileId: string) => {
    const { fileList } = await app.getTempFileURL({ fileList: [fileId] });
    return (fileList as Array<{ tempFileURL?: string }>)[0]?.tempFileURL;
  };
  return {
    store: createCloudbaseStore(app),
    clock: systemClock,
    config,
    ids: nodeIds,
    ...NO_WECHAT,
    ...edge?.build(config, tempUrlOf),
    files: createCloudFileStorage(app),
  };
}
