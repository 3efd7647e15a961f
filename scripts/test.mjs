// `npm test`: build what the tests run on (functions, server, H5, weapp), make sure the
// browser tests have Chromium (scripts/chromium.mjs), then run every Jest project, then the
// domain tests again under two other process time zones (dates must be Asia/Shanghai whatever
// TZ says). Ends with one line: "N passed, N failed". `--browser` (npm run test:browser) builds
// the server and H5 and runs the browser tests alone. SKIP_BUILD=1 reuses dist/.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureChromium } from './chromium.mjs';

const browserOnly = process.argv.includes('--browser');

const run = (command, args, env = {}) => {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
};

const steps = [
  ['build:functions', ['run', 'build:functions']],
  ['build:server', ['run', 'build:server']],
  ['build:h5', ['run', 'build:h5']],
  ['build:weapp', ['run', 'build:weapp']],
].filter(([name]) => !browserOnly || name === 'build:server' || name === 'build:h5');
if (process.env.SKIP_BUILD !== '1') {
  for (const [name, args] of steps) {
    if (run('npm', args) !== 0) {
      console.error(`\n${name} failed`);
      console.log('0 passed, 1 failed');
      process.exit(1);
    }
  }
}

const reports = mkdtempSync(join(tmpdir(), 'lianluo-jest-'));
const jest = (name, args, env) => {
  const file = join(reports, `${name}.json`);
  const status = run('npx', ['jest', '--json', `--outputFile=${file}`, ...args], env);
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    return {
      status,
      passed: report.numPassedTests,
      failed: report.numFailedTests + report.numRuntimeErrorTestSuites,
      skipped: report.numPendingTests,
    };
  } catch {
    return { status, passed: 0, failed: 1, skipped: 0 };
  }
};

// Without a browser the browser tests are not started (each would fail on its launch): they
// count as one failure, with the line saying what is missing.
const missingBrowser = ensureChromium();
const projects = (browserOnly ? ['browser'] : ['node', 'pages', 'browser']).filter(
  (p) => !(missingBrowser && p === 'browser'),
);

const runs = [
  ...(projects.length > 0 ? [jest('all', ['--selectProjects', ...projects])] : []),
  ...(browserOnly
    ? []
    : [
        jest('domain-utc', ['--selectProjects', 'node', '--', 'tests/domain'], { TZ: 'UTC' }),
        jest('domain-los-angeles', ['--selectProjects', 'node', '--', 'tests/domain'], { TZ: 'America/Los_Angeles' }),
      ]),
  ...(missingBrowser ? [{ status: 1, passed: 0, failed: 1, skipped: 0 }] : []),
];
const total = runs.reduce(
  (t, r) => ({ passed: t.passed + r.passed, failed: t.failed + r.failed, skipped: t.skipped + r.skipped }),
  {
    passed: 0,
    failed: 0,
    skipped: 0,
  },
);
const failed = total.failed + (runs.some((r) => r.status !== 0) && total.failed === 0 ? 1 : 0);
if (missingBrowser) console.log(`\nbrowser tests not run: ${missingBrowser}`);
console.log(`\n${total.passed} passed, ${failed} failed, ${total.skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
