// Bundle each cloudfunctions/<name>/index.ts into a deployable folder under
// dist/cloudfunctions/<name>/ (index.js, package.json, config.json), the folder that
// project.config.json's cloudfunctionRoot and cloudbaserc.json point at. Everything is
// bundled except better-sqlite3, which only the local mode (LIANLUO_STORE=sqlite) loads.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = 'cloudfunctions';
const out = 'dist/cloudfunctions';
const names = readdirSync(root).filter((name) => statSync(join(root, name)).isDirectory());

for (const name of names) {
  const dir = join(out, name);
  mkdirSync(dir, { recursive: true });
  const result = await build({
    entryPoints: [join(root, name, 'index.ts')],
    outfile: join(dir, 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    minify: true,
    external: ['better-sqlite3'],
    metafile: true,
    logLevel: 'warning',
  });
  const own = join(root, name, 'config.json');
  const config = existsSync(own) ? JSON.parse(readFileSync(own, 'utf8')) : { permissions: { openapi: [] } };
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config, null, 2) + '\n');
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', dependencies: {} }, null, 2) + '\n',
  );
  const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
  console.log(`built ${dir}/index.js (${(bytes / 1024).toFixed(0)} KB)`);
}
