import { resolve } from 'node:path';
import { checkBareNode } from './bare-node';
import { checkCloudbaserc } from './cloudbaserc';
import { checkNotificationKinds } from './notification-kinds';
import { checkOpenApis } from './open-apis';
import { checkPrivateInfos } from './private-info-apis';
import { formatResult, passed, type CheckResult } from './result';
import { checkFunctionTriggers } from './triggers';
import { checkWechatCompiler } from './wechat-compiler';

// `npm run check:deploy` (scripts/check-deploy.mjs builds what is missing, then runs this):
// every check of a deployable build, one line each, and a non-zero exit when any fails.

const root = process.cwd();
const weapp = resolve(root, 'dist/weapp');
const functions = resolve(root, 'dist/cloudfunctions');

async function main() {
  // The compiler takes longest: start it, run the rest meanwhile.
  const compiling = checkWechatCompiler(weapp);
  const results: CheckResult[] = [
    checkPrivateInfos(weapp),
    ...checkOpenApis(functions),
    ...checkFunctionTriggers(functions),
    checkCloudbaserc({
      cloudbaserc: resolve(root, 'cloudbaserc.json'),
      envExample: resolve(root, '.env.example'),
      functionsDir: functions,
    }),
    ...checkNotificationKinds({
      registryFile: resolve(root, 'src/domain/notifications.ts'),
      servicesDir: resolve(root, 'server/services'),
    }),
    ...checkBareNode(functions),
  ];
  results.unshift(...(await compiling));
  for (const result of results) console.log(formatResult(result));
  const failed = results.filter((r) => !passed(r)).length;
  console.log(`\ndeploy check: ${results.length - failed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  console.log('\ndeploy check: 0 passed, 1 failed');
  process.exit(1);
});
