import type { CategoryId } from '../../src/domain/categories';
import { routeOpinion, type RoutingInput } from '../../src/domain/routing';
import type { Deputy } from '../../src/domain/station';

const deputy = (id: string, name: string, focusCategories: CategoryId[], active = true): Deputy => ({
  id,
  stationId: 'qx-jiedao',
  name,
  title: '县人大代表',
  focusCategories,
  active,
});

const 陈建国 = deputy('d01', '陈建国', ['housing', 'transport']);
const 王秀英 = deputy('d02', '王秀英', ['education']);
const 李志强 = deputy('d03', '李志强', ['security', 'other']);
const 张丽华 = deputy('d04', '张丽华', ['transport', 'environment']);

const route = (input: Partial<RoutingInput> & Pick<RoutingInput, 'deputies'>) =>
  routeOpinion({ category: 'transport', onDutyNext: [], openCounts: new Map(), ...input });

describe('the routing rule', () => {
  test('a deputy whose focus includes the category comes first, whatever their duty and load', () => {
    const decision = route({
      deputies: [王秀英, 陈建国, 李志强],
      onDutyNext: ['d02', 'd03'],
      openCounts: new Map([
        ['d01', 7],
        ['d02', 0],
        ['d03', 0],
      ]),
    });
    expect(decision.deputyId).toBe('d01');
  });

  test('among those with the focus, the deputy on duty at the next session comes next', () => {
    const decision = route({
      deputies: [陈建国, 张丽华],
      onDutyNext: ['d04'],
      openCounts: new Map([
        ['d01', 0],
        ['d04', 5],
      ]),
    });
    expect(decision.deputyId).toBe('d04');
  });

  test('then the fewest open opinions', () => {
    const decision = route({
      deputies: [陈建国, 张丽华],
      onDutyNext: ['d01', 'd04'],
      openCounts: new Map([
        ['d01', 3],
        ['d04', 2],
      ]),
    });
    expect(decision.deputyId).toBe('d04');
  });

  test('a deputy missing from the open counts has none open', () => {
    const decision = route({ deputies: [陈建国, 张丽华], openCounts: new Map([['d01', 1]]) });
    expect(decision.deputyId).toBe('d04');
  });

  test('a full tie goes to the lowest id, whatever the order given', () => {
    expect(route({ deputies: [张丽华, 陈建国] }).deputyId).toBe('d01');
    expect(route({ deputies: [陈建国, 张丽华] }).deputyId).toBe('d01');
  });

  test('when nobody has the focus, duty and load decide', () => {
    const decision = route({
      category: 'health',
      deputies: [陈建国, 王秀英, 李志强],
      onDutyNext: ['d03'],
    });
    expect(decision.deputyId).toBe('d03');
    expect(decision.reason).toContain('本站代表均未关注该领域');
  });

  test('inactive deputies are never chosen', () => {
    const decision = route({ deputies: [{ ...陈建国, active: false }, 王秀英] });
    expect(decision.deputyId).toBe('d02');
  });

  test('`exclude` keeps a reassignment away from the deputy it came from', () => {
    expect(route({ deputies: [陈建国, 张丽华], exclude: 'd01' }).deputyId).toBe('d04');
  });

  test.each`
    case                            | deputies
    ${'a station without deputies'} | ${[]}
    ${'only inactive deputies'}     | ${[{ ...陈建国, active: false }]}
    ${'only the excluded deputy'}   | ${[陈建国]}
  `('$case: the staff queue, and the reason says so', ({ deputies }) => {
    expect(route({ deputies, exclude: 'd01' })).toEqual({
      deputyId: null,
      reason: '本站暂无可分派的代表，转工作人员处理',
    });
  });

  test('the reason names the deputy and each criterion that decided', () => {
    const decision = route({
      deputies: [陈建国, 王秀英],
      onDutyNext: ['d01'],
      openCounts: new Map([['d01', 2]]),
    });
    expect(decision.reason).toBe('分派给陈建国：关注领域包含“交通出行”，下次接待日值班，手头在办 2 件');
  });

  test('a deputy not on duty is not said to be', () => {
    const decision = route({ category: 'education', deputies: [陈建国, 王秀英] });
    expect(decision.reason).toBe('分派给王秀英：关注领域包含“教育”，手头在办 0 件');
  });
});
