import { join } from 'node:path';
import { checkCloudbaserc } from '../../../scripts/deploy-checks/cloudbaserc';
import { checkFunctionTriggers } from '../../../scripts/deploy-checks/triggers';
import { fixture, problemsOf } from './fixture';

const OUTBOX = { name: 'outbox', type: 'timer', config: '0 */1 * * * * *' };
const DIGEST = { name: 'digest', type: 'timer', config: '0 30 8 * * 1 *' };

/** A repository with built functions, their config.json, cloudbaserc.json and .env.example. */
function repo(options: { scheduler?: object[]; rcScheduler?: object[]; version?: string; env?: string } = {}) {
  const scheduler = options.scheduler ?? [OUTBOX];
  const fnEntry = (name: string, triggers?: object[]) => ({
    name,
    timeout: 10,
    runtime: 'Nodejs16.13',
    installDependency: false,
    handler: 'index.main',
    envVariables: { ADMIN_OPENIDS: '{{env.ADMIN_OPENIDS}}' },
    ...(triggers ? { triggers } : {}),
  });
  const root = fixture({
    'dist/cloudfunctions/account/index.js': '',
    'dist/cloudfunctions/account/config.json': { permissions: { openapi: [] } },
    'dist/cloudfunctions/scheduler/index.js': '',
    'dist/cloudfunctions/scheduler/config.json': { permissions: { openapi: [] }, triggers: scheduler },
    'cloudbaserc.json': {
      version: options.version ?? '2.1',
      envId: '{{env.CLOUD_ENV_ID}}',
      functionRoot: 'dist/cloudfunctions',
      functions: [fnEntry('account'), fnEntry('scheduler', options.rcScheduler ?? scheduler)],
    },
    '.env.example': options.env ?? '# CloudBase\nCLOUD_ENV_ID=your-env-id\nADMIN_OPENIDS=\n',
  });
  const paths = {
    cloudbaserc: join(root, 'cloudbaserc.json'),
    envExample: join(root, '.env.example'),
    functionsDir: join(root, 'dist/cloudfunctions'),
  };
  return { root, paths };
}

describe('the trigger check of each built function', () => {
  test('passes one timer with a valid cron, and functions without triggers', () => {
    const { paths } = repo();
    expect(checkFunctionTriggers(paths.functionsDir).flatMap((r) => r.problems)).toEqual([]);
  });

  test('fails on the function’s config.json when it has a second trigger', () => {
    const { paths } = repo({ scheduler: [OUTBOX, { ...DIGEST, config: '0 30 8 * * MON *' }] });
    expect(problemsOf(checkFunctionTriggers(paths.functionsDir), 'scheduler/config.json')).toEqual([
      'config.json: 2 triggers (outbox, digest); a function takes one',
    ]);
  });

  test('fails on a 6-field cron and on a weekday written as a digit', () => {
    const six = repo({ scheduler: [{ ...OUTBOX, config: '0 */1 * * * *' }] });
    expect(problemsOf(checkFunctionTriggers(six.paths.functionsDir), 'scheduler/config.json')).toEqual([
      'config.json: "0 */1 * * * *" has 6 fields; a CloudBase cron has 7 (秒 分 时 日 月 星期 年)',
    ]);
    const digit = repo({ scheduler: [DIGEST] });
    expect(problemsOf(checkFunctionTriggers(digit.paths.functionsDir), 'scheduler/config.json')).toEqual([
      'config.json: "0 30 8 * * 1 *" 星期 weekday: "1" is a digit: write the weekday as MON/TUE/WED/THU/FRI/SAT/SUN',
    ]);
  });
});

describe('the cloudbaserc.json check', () => {
  test('passes version 2.1, every {{env.X}} in .env.example, the built functions, the same triggers', () => {
    const { paths } = repo();
    expect(checkCloudbaserc(paths)).toEqual(expect.objectContaining({ file: paths.cloudbaserc, problems: [] }));
  });

  test('fails on cloudbaserc.json when its triggers differ from the function’s config.json', () => {
    const { paths } = repo({ rcScheduler: [{ ...OUTBOX, config: '0 */5 * * * * *' }] });
    const result = checkCloudbaserc(paths);
    expect(result.file).toBe(paths.cloudbaserc);
    expect(result.problems).toEqual([
      expect.stringMatching(
        /^functions\.scheduler: triggers .*"0 \*\/5 \* \* \* \* \*".* differ from its config\.json's .*"0 \*\/1/,
      ),
    ]);
  });

  test('fails on a second trigger there too', () => {
    const { paths } = repo({ rcScheduler: [OUTBOX, { ...DIGEST, config: '0 30 8 * * MON *' }] });
    expect(checkCloudbaserc(paths).problems).toContain(
      'functions.scheduler: 2 triggers (outbox, digest); a function takes one',
    );
  });

  test('fails when a {{env.X}} it uses is not in .env.example', () => {
    const { paths } = repo({ env: 'CLOUD_ENV_ID=your-env-id\n# ADMIN_OPENIDS=\n' });
    expect(checkCloudbaserc(paths).problems).toEqual(['uses {{env.ADMIN_OPENIDS}}, which .env.example does not list']);
  });

  test('fails on a version other than 2.1', () => {
    const { paths } = repo({ version: '2.0' });
    expect(checkCloudbaserc(paths).problems).toEqual(['version: Invalid literal value, expected "2.1"']);
  });
});
