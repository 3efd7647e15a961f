import { main } from '../../cloudfunctions/mediacheck/index';
import type { ContentCheck } from '../../server/ports/content-check';
import { createWordListCheck } from '../../server/adapters/local/word-list-check';
import { getRuntime, setRuntime } from '../../server/runtime/runtime';
import { startLocalApi } from '../support/local-api';
import { nodeIds } from '../../server/adapters/node-ids';

// WeChat checks photos asynchronously: here the content-check port answers "pending" with a
// trace id, as the production adapter does, and the test plays WeChat's later push.
let api: Awaited<ReturnType<typeof startLocalApi>>;
const traces: string[] = [];
beforeAll(async () => {
  api = await startLocalApi();
  const runtime = await getRuntime();
  const asyncCheck: ContentCheck = {
    checkText: createWordListCheck().checkText,
    checkImage: async () => {
      const traceId = `trace-${traces.length + 1}-6247e8b4`;
      traces.push(traceId);
      return { verdict: 'pending', traceId };
    },
  };
  setRuntime({ ...runtime, contentCheck: asyncCheck });
});
afterAll(() => api.stop());

const push = (traceId: string, suggest: string) =>
  main(
    { MsgType: 'event', Event: 'wxa_media_check', trace_id: traceId, version: 2, result: { suggest, label: '100' } },
    {},
  );

describe('photos wait for WeChat’s image check before others see them', () => {
  let opinionId = '';
  // Uploaded into the voter's own folder, as the app does (account.me → photoFolder).
  const folder = nodeIds.photoFolder('demo-voter');
  const photos = [`cloud://env.bucket/${folder}/river-1.jpg`, `cloud://env.bucket/${folder}/river-2.jpg`];
  const imagesFor = async (openid: string) =>
    (await api.post('opinions', { action: 'get', opinionId }, openid)).body.data.images as string[];

  test('until the results arrive, only the voter sees the photos', async () => {
    const { body } = await api.post(
      'opinions',
      {
        action: 'submit',
        stationId: 'qx-jiedao',
        category: 'environment',
        content: '中央河青草巷段有人偷排污水，河水发黑，附上照片。',
        requestId: 'photo-0001',
        images: photos,
      },
      'demo-voter',
    );
    opinionId = body.data.opinionId;
    expect(await imagesFor('demo-voter')).toEqual(photos);
    expect(await imagesFor('demo-staff')).toEqual([]);
  });

  test('a pass shows that photo to staff; a risky one stays hidden from them', async () => {
    expect(await push(traces[0]!, 'pass')).toEqual({ ok: true, data: { applied: true, passed: true } });
    expect(await push(traces[1]!, 'risky')).toEqual({ ok: true, data: { applied: true, passed: false } });
    expect(await imagesFor('demo-staff')).toEqual([photos[0]]);
    expect(await imagesFor('demo-voter')).toEqual(photos);
  });

  test('a push with a trace id we never issued changes nothing', async () => {
    expect(await push('forged-0000', 'pass')).toEqual({ ok: true, data: { applied: false } });
    expect(await imagesFor('demo-staff')).toEqual([photos[0]]);
  });

  test('anything that is not such a push is INVALID_INPUT', async () => {
    expect((await main({ action: 'approve', trace_id: traces[1] }, {})).ok).toBe(false);
  });
});
