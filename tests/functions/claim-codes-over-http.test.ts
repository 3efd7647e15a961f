import { FIXED_NOW, startLocalApi } from '../support/local-api';
import { ADMIN, call, DEPUTY, type LocalApi, newRequestId, ok, snapshot, STAFF, view } from '../support/opinion-calls';

// A walk-in opinion carries an 8-character claim code that the voter enters in 我的意见. Anyone
// may type codes, so: they lapse 30 days after the opinion was recorded, a caller gets ten tries
// a Shanghai day, every code that cannot be claimed gets one and the same answer, and whoever
// claims it does not get the name and phone the staff wrote down at the reception day.

const DAY = 24 * 60 * 60 * 1000;
const CONTACT = { name: '周阿婆', phone: '13905741234' };
const NO_SUCH_CODE = { code: 'NOT_FOUND', message: '查询码不存在或已失效，请核对后重新输入，或联系联络站工作人员' };

let now = FIXED_NOW;
let api: LocalApi;
beforeAll(async () => {
  api = await startLocalApi({ now: () => now });
});
afterAll(() => api.stop());
beforeEach(() => {
  now = FIXED_NOW;
});

/** Staff record a walk-in opinion with the voter's name and phone; the data of casework.intake. */
const intake = () =>
  ok(api, STAFF, 'casework', 'intake', {
    category: 'housing',
    content: '油车巷棚改安置房交房时间一再推迟，老人租房压力大，希望给个准确时间。',
    requestId: newRequestId('walkin'),
    contact: CONTACT,
    consent: true,
  });

const claim = (openid: string, claimCode: string) => call(api, openid, 'opinions', 'claim', { claimCode });

describe('a claim code lapses 30 days after the opinion was recorded', () => {
  test('the intake result tells the staff until when the code is valid', async () => {
    const data = await intake();
    expect(data.claimCodeExpiresAt).toBe(FIXED_NOW + 30 * DAY);
    expect(await view(api, STAFF, data.opinionId)).toMatchObject({
      claimCode: data.claimCode,
      claimCodeExpiresAt: FIXED_NOW + 30 * DAY,
    });
  });

  test('a minute before the 30 days are over the code still works', async () => {
    const { claimCode, opinionId } = await intake();
    now = FIXED_NOW + 30 * DAY - 60_000;
    expect((await ok(api, 'voter-late', 'opinions', 'claim', { claimCode })).id).toBe(opinionId);
  });

  test('after 30 days it is refused like an unknown code, and nothing is written', async () => {
    const { claimCode, opinionId } = await intake();
    const before = await snapshot(api, opinionId);
    now = FIXED_NOW + 30 * DAY;
    const { status, body } = await claim('voter-too-late', claimCode);
    expect({ status, error: body.error }).toEqual({ status: 404, error: NO_SUCH_CODE });
    now = FIXED_NOW;
    expect(await snapshot(api, opinionId)).toEqual(before);
    expect((await ok(api, 'voter-too-late', 'opinions', 'mine')).items).toEqual([]);
  });
});

describe('one answer for every code that cannot be claimed', () => {
  test('unknown, expired and already claimed codes answer alike: same status, code and message', async () => {
    const unknown = await claim('voter-prober', 'ZZZZ2222');

    const taken = await intake();
    await ok(api, 'voter-first', 'opinions', 'claim', { claimCode: taken.claimCode });
    const claimed = await claim('voter-prober', taken.claimCode);

    const old = await intake();
    now = FIXED_NOW + 31 * DAY;
    const expired = await claim('voter-prober', old.claimCode);

    const answers = [unknown, claimed, expired].map(({ status, body }) => ({ status, body }));
    expect(answers).toEqual([
      { status: 404, body: { ok: false, error: NO_SUCH_CODE } },
      { status: 404, body: { ok: false, error: NO_SUCH_CODE } },
      { status: 404, body: { ok: false, error: NO_SUCH_CODE } },
    ]);
  });

  test('the voter who claimed it may enter the code again and gets their opinion', async () => {
    const { claimCode, opinionId } = await intake();
    await ok(api, 'voter-again', 'opinions', 'claim', { claimCode });
    expect((await ok(api, 'voter-again', 'opinions', 'claim', { claimCode })).id).toBe(opinionId);
  });
});

describe('guessing claim codes', () => {
  test('a caller gets ten tries a Shanghai day, then RATE_LIMITED, whatever they type', async () => {
    const { claimCode } = await intake();
    const tries = [];
    for (let i = 0; i < 10; i += 1) tries.push(await claim('voter-guesser', `ZZZZZZA${'ABCDEFGHJK'[i]}`));
    expect(tries.map((t) => t.body.error?.code)).toEqual(Array(10).fill('NOT_FOUND'));

    // The eleventh try is refused even with the right code.
    const eleventh = await claim('voter-guesser', claimCode);
    expect(eleventh.status).toBe(429);
    expect(eleventh.body.error).toEqual({
      code: 'RATE_LIMITED',
      message: '今天尝试次数过多，请明天再试或联系联络站工作人员',
    });
  });

  test('the tries come back the next day in Shanghai', async () => {
    const { claimCode, opinionId } = await intake();
    for (let i = 0; i < 10; i += 1) await claim('voter-patient', `ZZZZZZB${'ABCDEFGHJK'[i]}`);
    expect((await claim('voter-patient', claimCode)).body.error?.code).toBe('RATE_LIMITED');
    // 2026-03-02 00:00 in Shanghai is 2026-03-01 16:00 UTC.
    now = Date.UTC(2026, 2, 1, 16, 0);
    expect((await ok(api, 'voter-patient', 'opinions', 'claim', { claimCode })).id).toBe(opinionId);
  });

  test('racing tries cannot pass the limit', async () => {
    const tries = await Promise.all(
      Array.from({ length: 14 }, (_, i) => claim('voter-burst', `ZZZZZZC${'ABCDEFGHJKMNPQ'[i]}`)),
    );
    expect(tries.filter((t) => t.body.error?.code === 'NOT_FOUND')).toHaveLength(10);
    expect(tries.filter((t) => t.body.error?.code === 'RATE_LIMITED')).toHaveLength(4);
  });
});

describe('the contact the staff recorded stays with the staff and the deputy', () => {
  test('whoever claims the opinion does not get the name and phone written down at intake', async () => {
    const { claimCode, opinionId } = await intake();
    const claimed = await ok(api, 'voter-claimer', 'opinions', 'claim', { claimCode });
    expect(claimed.id).toBe(opinionId);
    expect(claimed).not.toHaveProperty('contact');
    expect(await view(api, 'voter-claimer', opinionId)).not.toHaveProperty('contact');
    expect(JSON.stringify(await ok(api, 'voter-claimer', 'opinions', 'mine'))).not.toContain(CONTACT.phone);
  });

  test('staff and the assigned deputy still see it in full, the committee masked', async () => {
    const { claimCode, opinionId } = await intake();
    await ok(api, 'voter-claimer-2', 'opinions', 'claim', { claimCode });
    expect((await view(api, STAFF, opinionId)).contact).toEqual(CONTACT);
    expect((await view(api, DEPUTY, opinionId)).contact).toEqual(CONTACT);
    expect((await view(api, ADMIN, opinionId)).contact).toEqual({ name: '周阿婆', phone: '139****1234' });
  });

  test('a voter’s own contact on an opinion they submitted in the app is still theirs to see', async () => {
    const { opinionId } = await ok(api, 'voter-own', 'opinions', 'submit', {
      stationId: 'qx-jiedao',
      category: 'housing',
      content: '油车巷棚改安置房交房时间一再推迟，希望给个准确时间。',
      requestId: newRequestId('own'),
      contact: CONTACT,
      consent: true,
    });
    expect((await view(api, 'voter-own', opinionId)).contact).toEqual(CONTACT);
  });
});
