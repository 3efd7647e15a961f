// Run by wechat-compiler.ts in its own process: WeChat's miniprogram-ci compiles a built mini
// program offline and looks for imports that resolve to nothing. Its compiler and its analyser
// keep watchers and worker processes alive, so this process writes what it found to the file
// named by argv[3] and exits.
//   node compile-weapp.cjs <miniprogram dir> <result.json>
const { writeFileSync } = require('node:fs');
const ci = require('miniprogram-ci');
const { DefaultProjectAttr } = require('miniprogram-ci/dist/config/config');
const { Analyzer } = require('miniprogram-ci/dist/common/code-analyse');

const [root, out] = process.argv.slice(2);

// Offline: given the project's attributes, miniprogram-ci does not ask WeChat's servers for
// them; appid touristappid and any non-empty key are enough to compile (not to upload).
const project = new ci.Project({
  appid: 'touristappid',
  type: 'miniProgram',
  projectPath: root,
  privateKey: 'offline-compile-only',
  attr: async () => DefaultProjectAttr,
});

const SETTING = { es7: true, minify: true, minifyWXML: true, minifyWXSS: true, minifyJS: true };

async function compile() {
  try {
    const files = await ci.getCompiledResult({ project, setting: SETTING, onProgressUpdate: () => undefined });
    return { ok: true, files: Object.keys(files).length };
  } catch (error) {
    const message = String((error && (error.message || error.msg)) || error);
    const file = error && (error.filePath || error.file || error.path);
    return { ok: false, message: message.slice(0, 2000), ...(typeof file === 'string' ? { file } : {}) };
  }
}

async function analyse() {
  const unresolved = [];
  const failed = [];
  const collector = {
    name: 'DeployCheck',
    onDepResolveFailed: (dep, error) =>
      unresolved.push({ file: dep.originModule?.path ?? '', message: String(error?.message ?? error) }),
    onModuleBuildFailed: (module, _task, error) =>
      failed.push({ file: module?.path ?? '', message: String(error?.message ?? error) }),
  };
  const analyzer = new Analyzer({ root, type: 'miniprogram', plugins: [collector] });
  await analyzer.analyse();
  return { unresolved, failed };
}

(async () => {
  const result = { compile: await compile(), ...(await analyse()) };
  writeFileSync(out, JSON.stringify(result));
  process.exit(0);
})().catch((error) => {
  writeFileSync(out, JSON.stringify({ crashed: String(error?.stack ?? error) }));
  process.exit(0);
});
