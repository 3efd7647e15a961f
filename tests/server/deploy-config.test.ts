import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// What WeChat DevTools and the CloudBase CLI deploy: each function's config.json and cloudbaserc.json.
const functions = readdirSync('cloudfunctions').filter((name) => existsSync(join('cloudfunctions', name, 'index.ts')));
const configOf = (name: string) => {
  const file = join('cloudfunctions', name, 'config.json');
  return existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as { triggers?: Array<{ name: string; type: string; config: string }> })
    : {};
};
const rc = JSON.parse(readFileSync('cloudbaserc.json', 'utf8')) as {
  version: string;
  functions: Array<{
    name: string;
    envVariables: Record<string, string>;
    triggers?: Array<{ name: string; type: string; config: string }>;
  }>;
};

describe('timers that deploy', () => {
  test.each(functions)('%s has at most one trigger (WeChat DevTools uploads only one per function)', (name) => {
    expect((configOf(name).triggers ?? []).length).toBeLessThanOrEqual(1);
  });

  test('the scheduler has one timer, every minute, in the 7 fields 秒 分 时 日 月 星期 年', () => {
    expect(configOf('scheduler').triggers).toEqual([{ name: 'tick', type: 'timer', config: '0 * * * * * *' }]);
  });

  test('cloudbaserc.json (version 2.1) lists every function once, with the same triggers as its config.json', () => {
    expect(rc.version).toBe('2.1');
    expect(rc.functions.map((f) => f.name).sort()).toEqual([...functions].sort());
    for (const f of rc.functions) expect(f.triggers ?? []).toEqual(configOf(f.name).triggers ?? []);
  });

  test('the functions that notify get SUBSCRIBE_TEMPLATES; opinions its daily limit; reports the street', () => {
    const env = Object.fromEntries(rc.functions.map((f) => [f.name, Object.keys(f.envVariables)]));
    for (const name of ['scheduler', 'opinions', 'casework', 'account'])
      expect(env[name]).toContain('SUBSCRIBE_TEMPLATES');
    expect(env.opinions).toContain('DAILY_SUBMIT_LIMIT');
    expect(env.reports).toContain('STREET_NAME');
    for (const name of functions) expect(env[name]).toContain('ADMIN_OPENIDS');
  });

  test('every {{env.X}} that the CLI fills in is listed in .env.example', () => {
    const used = new Set(
      [...readFileSync('cloudbaserc.json', 'utf8').matchAll(/\{\{env\.(\w+)\}\}/g)].map((m) => m[1]),
    );
    const listed = new Set(
      readFileSync('.env.example', 'utf8')
        .split('\n')
        .map((line) => /^(\w+)=/.exec(line)?.[1])
        .filter(Boolean),
    );
    expect([...used].sort()).toEqual([...listed].sort());
  });
});
