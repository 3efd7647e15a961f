import { startLocalApi } from '../support/local-api';
import { ADMIN, call, DEPUTY, type LocalApi, ok, SCHOOL, STAFF, submit, view, VOTER } from '../support/opinion-calls';

let api: LocalApi;
beforeAll(async () => {
  api = await startLocalApi();
});
afterAll(() => api.stop());

const ids = async (openid: string, list: 'opinions.mine' | 'casework.inbox') =>
  (await api.callAs(openid, list, { limit: 50 })).items.map((o) => o.id);

describe('who may see an opinion at all', () => {
  let mine: string;
  let neighbours: string;
  let school: string;
  let wenchang: string;

  beforeAll(async () => {
    mine = (await submit(api, VOTER)).opinionId;
    neighbours = (await submit(api, 'voter-neighbour')).opinionId;
    school = (await submit(api, 'voter-parent', { category: 'education', content: SCHOOL })).opinionId;
    wenchang = (await submit(api, 'voter-wenchang', { stationId: 'qx-wenchang', category: 'housing' })).opinionId;
  });

  test('a voter sees their own, and another voter’s is NOT_FOUND', async () => {
    expect((await view(api, VOTER, mine)).id).toBe(mine);
    const { status, body } = await call(api, VOTER, 'opinions', 'get', { opinionId: neighbours });
    expect(status).toBe(404);
    expect(body.error).toEqual({ code: 'NOT_FOUND', message: '没有找到这条意见' });
    expect(await ids(VOTER, 'opinions.mine')).toEqual([mine]);
  });

  test('a deputy sees only the opinions routed to them', async () => {
    expect((await view(api, DEPUTY, neighbours)).id).toBe(neighbours);
    expect((await call(api, DEPUTY, 'opinions', 'get', { opinionId: school })).body.error.code).toBe('NOT_FOUND');
    expect((await call(api, DEPUTY, 'opinions', 'get', { opinionId: wenchang })).body.error.code).toBe('NOT_FOUND');
    const inbox = await ids(DEPUTY, 'casework.inbox');
    expect(inbox).toEqual(expect.arrayContaining([mine, neighbours]));
    expect(inbox).not.toContain(school);
    expect(inbox).not.toContain(wenchang);
  });

  test('staff see only their station’s', async () => {
    expect((await view(api, STAFF, school)).id).toBe(school);
    const { status } = await call(api, STAFF, 'opinions', 'get', { opinionId: wenchang });
    expect(status).toBe(404);
    const queue = await ids(STAFF, 'casework.inbox');
    expect(queue).toEqual(expect.arrayContaining([mine, neighbours, school]));
    expect(queue).not.toContain(wenchang);
  });

  test('the committee sees every station’s', async () => {
    expect((await view(api, ADMIN, wenchang)).station).toEqual({ id: 'qx-wenchang', name: '文昌新村人大代表联络站' });
    expect(await ids(ADMIN, 'casework.inbox')).toEqual(expect.arrayContaining([mine, neighbours, school, wenchang]));
  });
});

describe('the phone number', () => {
  const contact = { name: '张桂芳', phone: '13812345678' };
  const masked = { name: '张桂芳', phone: '138****5678' };
  let named: string;
  let anonymous: string;

  beforeAll(async () => {
    named = (await submit(api, 'voter-phone', { contact, consent: true })).opinionId;
    anonymous = (await submit(api, 'voter-shy', { contact, consent: true, anonymous: true })).opinionId;
  });

  test.each`
    who             | viewer           | seen
    ${'the author'} | ${'voter-phone'} | ${contact}
    ${'the deputy'} | ${DEPUTY}        | ${contact}
    ${'the staff'}  | ${STAFF}         | ${contact}
    ${'an admin'}   | ${ADMIN}         | ${masked}
  `('$who of a named opinion sees $seen.phone', async ({ viewer, seen }) => {
    expect((await view(api, viewer, named)).contact).toEqual(seen);
  });

  test.each`
    who             | viewer         | seen
    ${'the author'} | ${'voter-shy'} | ${contact}
    ${'the deputy'} | ${DEPUTY}      | ${undefined}
    ${'the staff'}  | ${STAFF}       | ${contact}
    ${'an admin'}   | ${ADMIN}       | ${masked}
  `('$who of an anonymous opinion sees $seen', async ({ viewer, seen }) => {
    const seenView = await view(api, viewer, anonymous);
    expect(seenView.contact).toEqual(seen);
    expect(seenView.anonymous).toBe(true);
    if (viewer === DEPUTY) expect(JSON.stringify(seenView)).not.toMatch(/张桂芳|13812345678|5678/);
  });

  test('no list line carries a contact', async () => {
    for (const [openid, list] of [
      ['voter-phone', 'opinions.mine'],
      [DEPUTY, 'casework.inbox'],
      [STAFF, 'casework.inbox'],
      [ADMIN, 'casework.inbox'],
    ] as const) {
      const page = await api.callAs(openid, list, { limit: 50 });
      expect(JSON.stringify(page)).not.toMatch(/13812345678|138\*\*\*\*5678|张桂芳/);
    }
  });
});

describe('internal lines and the routing reason', () => {
  test('staff and admins see why it went where it went; the voter sees neither that nor internal notes', async () => {
    const { opinionId } = await submit(api, 'voter-curious');
    await ok(api, STAFF, 'casework', 'note', { opinionId, text: '选民系退休老党员，已电话联系过' });
    expect((await view(api, STAFF, opinionId)).routingReason).toMatch(/^分派给陈建国：关注领域包含“交通出行”/);
    expect((await view(api, ADMIN, opinionId)).routingReason).toMatch(/^分派给陈建国/);
    const asVoter = await view(api, 'voter-curious', opinionId);
    expect(asVoter).not.toHaveProperty('routingReason');
    expect(JSON.stringify(asVoter)).not.toMatch(/退休老党员|分派给陈建国/);
    const asDeputy = await view(api, DEPUTY, opinionId);
    expect(asDeputy.timeline).toContainEqual(
      expect.objectContaining({ text: '选民系退休老党员，已电话联系过', internal: true }),
    );
  });
});
