import { checkBareNode } from '../../../scripts/deploy-checks/bare-node';
import { fixture, problemsOf } from './fixture';

// Small stand-ins for built functions: the check copies each folder alone to a fresh temporary
// folder and calls it there in a new node process.
const ANSWERS_ENVELOPE = `exports.main = async (event) => ({ ok: false, error: { code: 'INVALID_INPUT', message: '不支持的操作：' + event.action } });`;

describe('the bare-node check of each built function', () => {
  test('passes a self-contained function that refuses the event with an error envelope', () => {
    const dir = fixture({ 'stations/index.js': ANSWERS_ENVELOPE });
    expect(checkBareNode(dir).flatMap((r) => r.problems)).toEqual([]);
  });

  test('fails on index.js when it needs a module that is not bundled, even one the repository has installed', () => {
    const dir = fixture({ 'stations/index.js': `require('zod');\n${ANSWERS_ENVELOPE}` });
    expect(problemsOf(checkBareNode(dir), 'stations/index.js')).toEqual([
      expect.stringMatching(/^\{"action":"noSuchAction"\}: load failed: Cannot find module 'zod'/),
    ]);
  });

  test('fails when main throws instead of answering', () => {
    const dir = fixture({ 'stations/index.js': `exports.main = async () => { throw new Error('boom'); };` });
    expect(problemsOf(checkBareNode(dir), 'stations/index.js')).toEqual([
      expect.stringMatching(/main threw: Error: boom/),
    ]);
  });

  test('fails when it answers something other than an error envelope', () => {
    const dir = fixture({ 'stations/index.js': `exports.main = async () => ({ ok: true, data: [] });` });
    expect(problemsOf(checkBareNode(dir), 'stations/index.js')).toEqual([
      '{"action":"noSuchAction"} answered {"ok":true,"data":[]}, not an error envelope',
    ]);
  });

  test('the local-store switch is not passed on: a function that needs it fails', () => {
    const dir = fixture({
      'stations/index.js': `exports.main = async () => process.env.LIANLUO_STORE ? { ok: false, error: { code: 'X', message: 'x' } } : null;`,
    });
    process.env.LIANLUO_STORE = 'sqlite';
    try {
      expect(problemsOf(checkBareNode(dir), 'stations/index.js')).toEqual([
        '{"action":"noSuchAction"} answered null, not an error envelope',
      ]);
    } finally {
      delete process.env.LIANLUO_STORE;
    }
  });
});
