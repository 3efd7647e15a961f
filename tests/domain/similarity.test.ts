import {
  bigrams,
  normalizeForSimilarity,
  readsAlike,
  similarity,
  SIMILARITY_THRESHOLD,
} from '../../src/domain/similarity';
import { isSupportable } from '../../src/domain/support';

// 附议: two opinions read alike when the Dice coefficient of their character bigrams, after
// dropping punctuation and whitespace, reaches SIMILARITY_THRESHOLD (src/domain/similarity.ts).

const LAMP = '小区门口的路灯坏了好几天，晚上出行很不方便';
const CROSSING = '环城西路与文昌路交叉口早晚高峰拥堵严重，行人过街很危险，建议增设左转信号灯并延长行人绿灯时间。';
const SCHOOL = '青溪中心小学放学时段校门口接送车辆乱停，希望增加护学岗并规划临时停车区。';

describe('texts that describe the same problem read alike', () => {
  test.each([
    [LAMP, '小区门口路灯坏了，晚上走路很黑'],
    [CROSSING, '环城西路和文昌路路口高峰时很堵，过马路危险，希望加个左转信号灯'],
    ['文昌路口红绿灯时间太短，老人过马路来不及', '文昌路口行人绿灯时间太短，老年人过不去'],
    ['河道里有人倒垃圾，水发臭了', '河道垃圾多，水质发臭，希望清理'],
  ])('%s ~ %s', (a, b) => {
    expect(similarity(a, b)).toBeGreaterThanOrEqual(SIMILARITY_THRESHOLD);
    expect(readsAlike(a, b)).toBe(true);
    // The measure is symmetric.
    expect(similarity(b, a)).toBe(similarity(a, b));
  });

  test('a text reads exactly like itself', () => {
    expect(similarity(CROSSING, CROSSING)).toBe(1);
  });
});

describe('unrelated texts do not', () => {
  test.each([
    [CROSSING, SCHOOL],
    ['菜市场周边垃圾清运不及时，夏天气味很大', LAMP],
    ['希望在社区增设老年食堂', '环城西路路灯不亮，晚上很黑'],
  ])('%s ≁ %s', (a, b) => {
    expect(similarity(a, b)).toBeLessThan(SIMILARITY_THRESHOLD);
    expect(readsAlike(a, b)).toBe(false);
  });
});

describe('punctuation, whitespace and letter case are ignored', () => {
  test('the same words with other punctuation and spaces read the same', () => {
    expect(similarity('路灯坏了！！晚上 很黑。', '路灯，坏了 晚上很黑')).toBe(1);
    expect(similarity('3号楼 WiFi 信号差', '3号楼wifi信号差')).toBe(1);
  });

  test('normalizing keeps letters and digits of any script only', () => {
    expect(normalizeForSimilarity(' 路灯，坏了！\n No.3 ')).toBe('路灯坏了no3');
    expect([...bigrams('路灯，坏了')]).toEqual(['路灯', '灯坏', '坏了']);
  });
});

describe('short texts', () => {
  test('a text of fewer than two letters or digits has no bigram and is like nothing', () => {
    expect(bigrams('灯')).toEqual(new Set());
    expect(similarity('灯', '灯')).toBe(0);
    expect(similarity('！！', '。。')).toBe(0);
    expect(similarity('', LAMP)).toBe(0);
  });

  test('two characters are one bigram', () => {
    expect(similarity('路灯', '路灯坏了')).toBeCloseTo((2 * 1) / (1 + 3));
  });
});

describe('which opinions are open to 附议', () => {
  test.each([
    ['submitted', true],
    ['assigned', true],
    ['transferred', true],
    ['replied', true],
    ['held', false],
    ['resolved', false],
    ['closed', false],
    ['rejected', false],
    ['withdrawn', false],
  ] as const)('%s: %s', (status, open) => {
    expect(isSupportable(status)).toBe(open);
  });
});
