import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

// Runs on the output of `npm run build:weapp` (scripts/test.mjs builds it first).
const root = resolve('dist/weapp');
const LIMIT = 2 * 1024 * 1024;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const subpackageRoots = (): string[] =>
  (
    JSON.parse(readFileSync(join(root, 'app.json'), 'utf8')) as { subPackages?: Array<{ root: string }> }
  ).subPackages?.map((p) => p.root.replace(/\/$/, '')) ?? [];

/** The files WeChat downloads at start: everything outside the subpackages' folders. */
function mainPackageFiles(): string[] {
  const roots = subpackageRoots();
  return files(root).filter((f) => !roots.some((r) => relative(root, f).startsWith(`${r}${sep}`)));
}

const size = (list: string[]) => list.reduce((sum, f) => sum + statSync(f).size, 0);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Present in every bundle that carries ECharts: the attribute it marks its instances with. */
const ECHARTS_MARKER = '_echarts_instance_';
/** The id prefix of the dashboard's chart canvases (FigureChart.weapp.tsx): where the chart code went. */
const CHART_MARKER = 'figure-chart-';

/**
 * Libraries only the cloud functions need (the pages take their limits from input-limits.ts, not
 * from the schemas): each by a string its minified code keeps.
 */
const SERVER_ONLY = { zod: 'this.name="ZodError"', 'chinese-days': 'Spring Festival' };
/** Libraries only some pages use, which stay in those pages' subpackages. */
const SUBPACKAGE_ONLY = { dayjs: '$isDayjsObject', 'the dashboard charts': CHART_MARKER };

const jsCarrying = (marker: string, list: string[]) =>
  list.filter((f) => f.endsWith('.js') && readFileSync(f, 'utf8').includes(marker)).map((f) => relative(root, f));

describe('the weapp build', () => {
  test('the main package and each subpackage are within WeChat’s 2 MB limit', () => {
    const main = size(mainPackageFiles());
    console.info(`weapp main package: ${kb(main)}`);
    expect(main).toBeLessThan(LIMIT);
    for (const sub of subpackageRoots()) {
      const bytes = size(files(join(root, sub)));
      console.info(`weapp subpackage ${sub}: ${kb(bytes)}`);
      expect(bytes).toBeLessThan(LIMIT);
    }
  });

  test('the charts are drawn by the dashboard’s own few lines in the casework subpackage, and ECharts is in no package', () => {
    // ECharts for three static bar charts was three quarters of the staff subpackage.
    expect(jsCarrying(ECHARTS_MARKER, files(root))).toEqual([]);
    expect(jsCarrying(CHART_MARKER, files(root))).toEqual([join('casework', 'dashboard', 'index.js')]);
  });

  test('the main package holds the three tab pages only: every other page is in a subpackage of its own', () => {
    const app = JSON.parse(readFileSync(join(root, 'app.json'), 'utf8')) as {
      pages: string[];
      tabBar: { list: Array<{ pagePath: string }> };
      subPackages: Array<{ root: string; pages: string[] }>;
      preloadRule: Record<string, { packages: string[] }>;
    };
    expect([...app.pages].sort()).toEqual(app.tabBar.list.map((t) => t.pagePath).sort());
    // A voter page's subpackage is rooted at its own folder, so its path is what it always was.
    const voterPages = app.subPackages.filter((p) => p.root.startsWith('pages/'));
    expect(voterPages.map((p) => [p.root, p.pages])).toEqual(voterPages.map((p) => [p.root, ['index']]));
    expect(voterPages.map((p) => p.root)).toEqual(expect.arrayContaining(['pages/station', 'pages/submit']));
    // The station list fetches the station page and 提意见 while the voter reads it.
    expect(app.preloadRule['pages/stations/index']?.packages).toEqual(['pages/station', 'pages/submit']);
  });

  test('what only the cloud functions need is in no package', () => {
    for (const [library, marker] of Object.entries(SERVER_ONLY)) {
      expect({ library, in: jsCarrying(marker, files(root)) }).toEqual({ library, in: [] });
    }
  });

  test('what only some pages use stays out of the main package every voter downloads first', () => {
    for (const [library, marker] of Object.entries(SUBPACKAGE_ONLY)) {
      expect({ library, in: jsCarrying(marker, mainPackageFiles()) }).toEqual({ library, in: [] });
    }
    // …and is where those pages are.
    expect(jsCarrying(SUBPACKAGE_ONLY.dayjs, files(root)).length).toBeGreaterThan(0);
  });

  test('declares every page and the tab bar icons it names', () => {
    const app = JSON.parse(readFileSync(join(root, 'app.json'), 'utf8')) as {
      pages: string[];
      tabBar: { list: Array<{ iconPath: string; selectedIconPath: string }> };
    };
    for (const page of app.pages) expect(statSync(join(root, `${page}.js`)).isFile()).toBe(true);
    for (const tab of app.tabBar.list) {
      expect(statSync(join(root, tab.iconPath)).size).toBeLessThan(40 * 1024);
      expect(statSync(join(root, tab.selectedIconPath)).isFile()).toBe(true);
    }
  });

  test('uses no H5-only code: the HTTP transport, the dev switcher, browser storage or maps stay out', () => {
    const js = files(root)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    for (const marker of [
      'x-dev-openid',
      'lianluo.devCaller',
      'uri.amap.com',
      'localStorage',
      'navigator.geolocation',
      'window.open',
    ]) {
      expect({ marker, found: js.includes(marker) }).toEqual({ marker, found: false });
    }
    expect(js).toContain('callFunction');
  });

  test('uses the platform APIs reviewers accept: fuzzy location, chooseMedia, cloud downloads by file id', () => {
    const js = files(root)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    // The precise location needs 接口准入 most categories cannot get; chooseImage is unmaintained.
    expect(js).not.toContain('getLocation(');
    expect(js).toContain('getFuzzyLocation(');
    expect(js).not.toContain('chooseImage(');
    expect(js).toContain('chooseMedia(');
    // A plain downloadFile would need the download domain whitelisted; cloud.downloadFile does not.
    expect(js.match(/(?<!cloud)\.downloadFile\(/g)).toBeNull();
    expect(js).toContain('cloud.downloadFile(');
  });

  test('app.json declares the fuzzy location it uses, and why it asks', () => {
    const app = JSON.parse(readFileSync(join(root, 'app.json'), 'utf8')) as {
      requiredPrivateInfos?: string[];
      permission?: Record<string, { desc: string }>;
    };
    // WeChat rejects a package that declares the fuzzy and the precise location together.
    expect(app.requiredPrivateInfos).toEqual(['getFuzzyLocation']);
    const desc = app.permission?.['scope.userFuzzyLocation']?.desc ?? '';
    expect(desc).toMatch(/联络站/);
    expect(desc.length).toBeLessThanOrEqual(30);
  });

  test('only the public pages offer 转发: the station list, a station and the figures, never an opinion', () => {
    const app = JSON.parse(readFileSync(join(root, 'app.json'), 'utf8')) as {
      pages: string[];
      subPackages?: Array<{ root: string; pages: string[] }>;
    };
    const all = [
      ...app.pages,
      ...(app.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root.replace(/\/$/, '')}/${page}`)),
    ];
    const shared = all.filter((page) =>
      readFileSync(join(root, `${page}.js`), 'utf8').includes('enableShareAppMessage'),
    );
    expect(shared.sort()).toEqual(['pages/public-figures/index', 'pages/station/index', 'pages/stations/index']);
    expect(all).toContain('pages/opinion/index');
  });
});
