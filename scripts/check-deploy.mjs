// `npm run check:deploy`: prove the build is deployable. Builds dist/weapp and
// dist/cloudfunctions when missing (an existing build is checked as it is: CI checks the one
// `npm test` made), then runs every check in scripts/deploy-checks/ and prints one line per
// check; exits non-zero when any fails.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { bundleAndRun } from './bundle.mjs';

const needs = [
  ['dist/weapp/app.json', 'build:weapp'],
  ['dist/cloudfunctions', 'build:functions'],
];
for (const [path, script] of needs) {
  if (existsSync(path)) continue;
  console.log(`${path} missing: npm run ${script}`);
  const result = spawnSync('npm', ['run', script], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.log(`\ndeploy check: 0 passed, 1 failed (npm run ${script})`);
    process.exit(1);
  }
}

await bundleAndRun('scripts/deploy-checks/main.ts', 'dist/deploy-checks/main.js');
