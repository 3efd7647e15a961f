import { join } from 'node:path';
import { checkPrivateInfos } from '../../../scripts/deploy-checks/private-info-apis';
import { fixture } from './fixture';

// What a Taro weapp build holds: taro.js names every wx API in its API list; app.js carries
// app.json's own declaration as data; a page calls the API through Taro.
const TARO_API_LIST =
  'var apis=["getFuzzyLocation","getLocation","chooseLocation","chooseAddress","onLocationChange"];';
const appJson = (extra: object) => ({ pages: ['pages/stations/index'], ...extra });
const build = (app: object, page: string) =>
  fixture({
    'app.json': app,
    'taro.js': TARO_API_LIST,
    'app.js': `var f={requiredPrivateInfos:${JSON.stringify((app as { requiredPrivateInfos?: string[] }).requiredPrivateInfos ?? [])}};App(f);`,
    'pages/stations/index.js': page,
  });

const FUZZY_CALL = 'case 0:return e.n=1,o().getFuzzyLocation({type:"gcj02"});';
const PRECISE_CALL = 'case 0:return e.n=1,o().getLocation({type:"gcj02"});';
const fuzzyDeclared = {
  requiredPrivateInfos: ['getFuzzyLocation'],
  permission: { 'scope.userFuzzyLocation': { desc: '用于查找离您最近的代表联络站' } },
};

describe('the location-API declaration check', () => {
  test('passes when the one API called is the one declared, with its permission sentence', () => {
    const dir = build(appJson(fuzzyDeclared), FUZZY_CALL);
    expect(checkPrivateInfos(dir)).toEqual(expect.objectContaining({ file: join(dir, 'app.json'), problems: [] }));
  });

  test('names in Taro’s API list and in app.js’s copy of app.json are not calls', () => {
    const dir = build(appJson({}), 'Page({})');
    expect(checkPrivateInfos(dir).problems).toEqual([]);
  });

  test('fails on app.json when a page calls an API that is not declared', () => {
    const dir = build(appJson(fuzzyDeclared), `${FUZZY_CALL}${PRECISE_CALL}`);
    const result = checkPrivateInfos(dir);
    expect(result.file).toBe(join(dir, 'app.json'));
    expect(result.problems).toContainEqual(
      expect.stringContaining('pages/stations/index.js calls getLocation, which requiredPrivateInfos does not declare'),
    );
  });

  test('fails when an API is declared that nothing calls (only Taro’s list names it)', () => {
    const dir = build(
      appJson({ ...fuzzyDeclared, requiredPrivateInfos: ['getFuzzyLocation', 'chooseLocation'] }),
      FUZZY_CALL,
    );
    expect(checkPrivateInfos(dir).problems).toEqual([
      'requiredPrivateInfos declares chooseLocation, which no built JS calls',
    ]);
  });

  test('fails when the called API’s permission sentence is missing, and on a scope nothing asks for', () => {
    const dir = build(
      appJson({ requiredPrivateInfos: ['getFuzzyLocation'], permission: { 'scope.userLocation': { desc: '定位' } } }),
      FUZZY_CALL,
    );
    expect(checkPrivateInfos(dir).problems).toEqual([
      'getFuzzyLocation asks for scope.userFuzzyLocation, which permission does not describe (permission["scope.userFuzzyLocation"].desc)',
      'permission describes scope.userLocation, which no called API asks for',
    ]);
  });

  test('fails when the fuzzy and a precise API are declared together', () => {
    const dir = build(
      appJson({
        requiredPrivateInfos: ['getFuzzyLocation', 'getLocation'],
        permission: { 'scope.userFuzzyLocation': { desc: '定位' }, 'scope.userLocation': { desc: '定位' } },
      }),
      `${FUZZY_CALL}${PRECISE_CALL}`,
    );
    expect(checkPrivateInfos(dir).problems).toEqual([
      'requiredPrivateInfos declares getFuzzyLocation with getLocation: WeChat allows one or the other',
    ]);
  });
});
