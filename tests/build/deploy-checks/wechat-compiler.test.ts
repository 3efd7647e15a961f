import { join } from 'node:path';
import { checkWechatCompiler } from '../../../scripts/deploy-checks/wechat-compiler';
import { fixture } from './fixture';

// WeChat's miniprogram-ci compiles each fixture in its own process (several seconds each).
jest.setTimeout(10 * 60_000);

const page = (name: string, js = 'Page({})') => ({
  [`pages/${name}/index.js`]: js,
  [`pages/${name}/index.json`]: {},
  [`pages/${name}/index.wxml`]: '<view class="a">联络站</view>',
  [`pages/${name}/index.wxss`]: '.a{color:#b71c1c}',
});

describe('WeChat’s compiler on a built mini program', () => {
  test('passes a complete package', async () => {
    const dir = fixture({ 'app.json': { pages: ['pages/stations/index'] }, 'app.js': 'App({})', ...page('stations') });
    expect((await checkWechatCompiler(dir)).flatMap((r) => r.problems)).toEqual([]);
  });

  test('fails on app.json naming a page with no files, and on the file whose import resolves to nothing', async () => {
    const dir = fixture({
      'app.json': { pages: ['pages/stations/index', 'pages/gone/index'] },
      'app.js': 'App({})',
      ...page('stations', 'require("../../common.js");Page({})'),
    });
    const [compiled, imports] = await checkWechatCompiler(dir);
    expect(compiled).toEqual({
      check: expect.any(String),
      file: join(dir, 'app.json'),
      problems: [expect.stringContaining('pages/gone/index')],
    });
    expect(imports!.problems).toContainEqual(
      expect.stringMatching(/^pages\/stations\/index\.js: Couldn't resolve the Js file "\.\.\/\.\.\/common\.js"/),
    );
  });

  test('fails on the file with a JS syntax error', async () => {
    const dir = fixture({
      'app.json': { pages: ['pages/stations/index'] },
      'app.js': 'App({})',
      ...page('stations', 'Page({ data: '),
    });
    const [compiled] = await checkWechatCompiler(dir);
    expect(compiled!.file).toBe(join(dir, 'pages/stations/index.js'));
    expect(compiled!.problems).toEqual([expect.stringContaining('Unexpected token')]);
  });
});
