import { z } from 'zod';
import { defaultKeys, TEMPLATES } from './notification-templates';
import type { TemplateKey } from './notifications';

/** The operator's template of one registry entry: its id, and its keys when they differ from the defaults. */
export interface ConfiguredTemplate {
  id: string;
  /** The template's keys in the registry's keyword order (e.g. ['thing1', 'thing4', 'time2']). */
  keys?: string[];
}

export type SubscribeTemplates = Partial<Record<TemplateKey, ConfiguredTemplate>>;

/** How many unspent acceptances of one template a person may hold (WeChat keeps its own count too). */
export const MAX_SUBSCRIPTION_CREDITS = 20;

const KEY = /^[a-z_]+\d+$/;
/**
 * WeChat's template ids are letters, digits, `-` and `_`; anything else is a mistake in the
 * setting, and would not do as the name of a credit in a person's acceptances document.
 */
const TEMPLATE_ID = /^[A-Za-z0-9_-]+$/;

const entry = z.union([
  z.string().min(1).max(128),
  z.object({ id: z.string().min(1).max(128), keys: z.array(z.string().regex(KEY)).optional() }),
]);

/**
 * The compact form, `key=id,key=id:thing1|thing4|time2`: plain characters only, because the
 * CloudBase CLI pastes `{{env.X}}` into cloudbaserc.json unescaped and JSON's quotes break it.
 */
function fromCompact(text: string): unknown {
  const out: Record<string, string | { id: string; keys: string[] }> = {};
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [key, rest = ''] = part.split('=', 2).map((p) => p.trim()) as [string, string?];
    const [id = '', keys] = rest.split(':', 2);
    out[key] = keys ? { id, keys: keys.split('|').map((k) => k.trim()) } : id;
  }
  return out;
}

/**
 * SUBSCRIBE_TEMPLATES as the functions read it: from template key (TEMPLATES) to the template
 * id the mini program's 订阅消息 page shows, with the template's keys when it numbers its
 * keywords differently from the defaults (`thing1`, `thing2`, …) — either as JSON
 * (`{"opinion_reply":"ID"}`, `{"opinion_reply":{"id":"ID","keys":[…]}}`) or in the compact form
 * the CLI can carry (`opinion_reply=ID,casework_todo=ID:thing1|thing4|time2`).
 * Rule: an unknown template key, a keys list of the wrong length or a malformed key is an
 * error, named in Chinese, and then nothing is configured — a wrong template would make every
 * message of its kind fail with 47003.
 */
export function parseSubscribeTemplates(json: string | undefined): {
  templates: SubscribeTemplates;
  problems: string[];
} {
  if (!json || json.trim() === '') return { templates: {}, problems: [] };
  let raw: unknown;
  if (json.trim().startsWith('{')) {
    try {
      raw = JSON.parse(json);
    } catch {
      return { templates: {}, problems: ['SUBSCRIBE_TEMPLATES 不是合法的 JSON'] };
    }
  } else raw = fromCompact(json);
  const parsed = z.record(entry).safeParse(raw);
  if (!parsed.success) {
    return { templates: {}, problems: ['SUBSCRIBE_TEMPLATES 应为“模板键=模板ID”，以逗号分隔'] };
  }
  const templates: SubscribeTemplates = {};
  const problems: string[] = [];
  for (const [key, value] of Object.entries(parsed.data)) {
    if (!Object.prototype.hasOwnProperty.call(TEMPLATES, key)) {
      problems.push(`SUBSCRIBE_TEMPLATES 中的 ${key} 不是本程序的模板`);
      continue;
    }
    const template = key as TemplateKey;
    const configured: ConfiguredTemplate = typeof value === 'string' ? { id: value } : value;
    if (!TEMPLATE_ID.test(configured.id)) {
      problems.push(`SUBSCRIBE_TEMPLATES.${key} 的模板ID只能由字母、数字、-、_ 组成`);
      continue;
    }
    const expected = defaultKeys(template).length;
    if (configured.keys && configured.keys.length !== expected) {
      problems.push(`SUBSCRIBE_TEMPLATES.${key}.keys 应有 ${expected} 个关键词`);
      continue;
    }
    templates[template] = configured;
  }
  return problems.length > 0 ? { templates: {}, problems } : { templates, problems };
}
