import { join } from 'node:path';
import { checkOpenApis } from '../../../scripts/deploy-checks/open-apis';
import { fixture, problemsOf } from './fixture';

// A minified bundle as esbuild writes it with wx-server-sdk inside: the SDK's table of API
// names (strings, not calls), everyday properties of bundled libraries, and the function's own
// calls through the cloud.openapi Proxy — on `cloud.openapi` itself, or on the handle an
// adapter was given (renamed `e`).
const BUNDLED = `var t={"openapi.midas.getBalance":1,"openapi.security.mediaCheckAsync":2};a.auth.split(",");l.search.replace(/^\\?/,"");`;
const CHECK_TEXT = 'let r=await e.security.msgSecCheck({content:t,version:2,scene:2,openid:o});';
const SEND = 'await Wy.openapi.subscribeMessage.send({touser:o,templateId:t,data:d});';
const fn = (js: string, openapi: string[]) => ({
  'opinions/index.js': `${BUNDLED}exports.main=async e=>{${js}};`,
  'opinions/config.json': { permissions: { openapi } },
});

describe('the open-API permission check', () => {
  test('passes when the APIs called are exactly the ones listed; the SDK’s table and library code are not calls', () => {
    const dir = fixture(fn(`${CHECK_TEXT}${SEND}`, ['security.msgSecCheck', 'subscribeMessage.send']));
    expect(checkOpenApis(dir)).toEqual([
      expect.objectContaining({ file: join(dir, 'opinions', 'config.json'), problems: [] }),
    ]);
  });

  test('fails on config.json when an API is called that is not listed', () => {
    const dir = fixture(fn(`${CHECK_TEXT}${SEND}`, ['security.msgSecCheck']));
    expect(problemsOf(checkOpenApis(dir), 'opinions/config.json')).toEqual([
      'index.js calls the open API subscribeMessage.send, which permissions.openapi does not list',
    ]);
  });

  test('fails on config.json when a listed API is no longer called', () => {
    const dir = fixture(fn(CHECK_TEXT, ['security.msgSecCheck', 'security.mediaCheckAsync']));
    expect(problemsOf(checkOpenApis(dir), 'opinions/config.json')).toEqual([
      'permissions.openapi lists "security.mediaCheckAsync", which index.js never calls',
    ]);
  });

  test('fails on a callWxOpenApi given a URL path as its apiName', () => {
    const dir = fixture(
      fn('await a.callWxOpenApi({apiName:"/wxa/msg_sec_check",requestData:{content:t}});', ['security.msgSecCheck']),
    );
    expect(problemsOf(checkOpenApis(dir), 'opinions/config.json')).toEqual([
      'permissions.openapi lists "security.msgSecCheck", which index.js never calls',
      'index.js calls callWxOpenApi with the URL "/wxa/msg_sec_check": undocumented for cloud calls; use cloud.openapi.<category>.<method> (wx-server-sdk)',
    ]);
  });
});
