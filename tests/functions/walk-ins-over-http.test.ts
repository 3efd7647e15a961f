import { startLocalApi } from '../support/local-api';
import { call, draft, type LocalApi, ok, snapshot, STAFF, STAFF_NAME, view } from '../support/opinion-calls';

// Walk-in opinions (docs/DESIGN.md, The opinion lifecycle: Walk-ins and claiming) over HTTP: staff record one at a
// reception day, the voter claims it with its code. The code's limits: claim-codes-over-http.test.ts.

let api: LocalApi;
beforeAll(async () => {
  api = await startLocalApi();
});
afterAll(() => api.stop());

describe('a walk-in opinion recorded on a reception day', () => {
  const NO_SUCH_CODE = { code: 'NOT_FOUND', message: '查询码不存在或已失效，请核对后重新输入，或联系联络站工作人员' };
  let claimCode: string;
  let opinionId: string;

  test('staff record it and get a claim code for the voter', async () => {
    const data = await ok(api, STAFF, 'casework', 'intake', {
      category: 'housing',
      content: '油车巷棚改安置房交房时间一再推迟，老人租房压力大，希望给个准确时间。',
      requestId: 'walkin-20260301-01',
      contact: { name: '周阿婆', phone: '13905741234' },
      consent: true,
    });
    expect(data).toMatchObject({ status: 'assigned', assignedDeputyId: 'd01' });
    expect(data.claimCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
    ({ claimCode, opinionId } = data as { claimCode: string; opinionId: string });
    const asStaff = await view(api, STAFF, opinionId);
    expect(asStaff).toMatchObject({ source: 'walk_in', claimCode });
    expect(asStaff.timeline[0]).toMatchObject({
      actorName: STAFF_NAME,
      text: `${STAFF_NAME}在接待日代为登记了这条意见`,
    });
  });

  test('the voter claims it with the code (any case, with a dash) and then follows it', async () => {
    const typed = `${claimCode.slice(0, 4).toLowerCase()}-${claimCode.slice(4)}`;
    const claimed = await ok(api, 'voter-walkin', 'opinions', 'claim', { claimCode: typed });
    expect(claimed).toMatchObject({ id: opinionId, can: { withdraw: true } });
    expect(claimed).not.toHaveProperty('claimCode');
    // The name and phone staff wrote down stay with staff and the deputy (claim-codes-over-http.test.ts).
    expect(claimed).not.toHaveProperty('contact');
    const mine = await ok(api, 'voter-walkin', 'opinions', 'mine');
    expect(mine.items.map((o: any) => o.id)).toEqual([opinionId]);
    expect((await ok(api, 'voter-walkin', 'opinions', 'claim', { claimCode })).id).toBe(opinionId);
  });

  test('a second voter cannot claim it, and is told what an unknown code gets', async () => {
    const before = await snapshot(api, opinionId);
    const { status, body } = await call(api, 'voter-other', 'opinions', 'claim', { claimCode });
    expect(status).toBe(404);
    expect(body.error).toEqual(NO_SUCH_CODE);
    expect(await snapshot(api, opinionId)).toEqual(before);
    expect((await ok(api, 'voter-other', 'opinions', 'mine')).items).toEqual([]);
  });

  test('recording the same walk-in again (a retry) gives the same opinion and code', async () => {
    const again = await ok(api, STAFF, 'casework', 'intake', {
      category: 'housing',
      content: '油车巷棚改安置房交房时间一再推迟，老人租房压力大，希望给个准确时间。',
      requestId: 'walkin-20260301-01',
      contact: { name: '周阿婆', phone: '13905741234' },
      consent: true,
    });
    expect(again).toMatchObject({ opinionId, claimCode });
  });

  test('an unknown code is NOT_FOUND', async () => {
    const { body } = await call(api, 'voter-other', 'opinions', 'claim', { claimCode: 'ZZZZ2222' });
    expect(body.error).toEqual(NO_SUCH_CODE);
  });

  test('staff record walk-ins only for their own station', async () => {
    const { status, body } = await call(api, STAFF, 'casework', 'intake', {
      ...draft({ stationId: 'qx-wenchang' }),
    });
    expect(status).toBe(403);
    expect(body.error).toEqual({ code: 'FORBIDDEN', message: '只能为本站登记意见' });
  });
});
