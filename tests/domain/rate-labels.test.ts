import { rateBarLabel, rateText, shortStationName, textWidth } from '../../src/casework/dashboard/rate-labels';
import { figuresFromCounts, ZERO_COUNTS } from '../../src/domain/figures';

// How a rate is written on the rate charts (src/casework/dashboard/rate-labels.ts).

const replyRate = (collected: number, replied: number) =>
  figuresFromCounts({ ...ZERO_COUNTS, collected, replied }).replyRate;

describe('a rate’s words', () => {
  test('never without its count: the rate, or 样本不足 under 10, then numerator and denominator', () => {
    expect(rateText(replyRate(30, 26))).toBe('86.7%（26/30）');
    expect(rateText(replyRate(5, 3))).toBe('样本不足（3/5）');
    expect(rateBarLabel(replyRate(30, 26))).toBe('86.7% 26/30');
    expect(rateBarLabel(replyRate(5, 3))).toBe('样本不足 3/5');
  });

  test('a station’s row is its name without the 人大代表联络站 / 接待点 ending, and a name that is only the ending stays whole', () => {
    expect(shortStationName('青溪街道人大代表联络站')).toBe('青溪街道');
    expect(shortStationName('西周村人大代表接待点')).toBe('西周村');
    expect(shortStationName('人大代表联络站')).toBe('人大代表联络站');
  });

  test('a Chinese character is drawn a full em wide, a digit a little over half', () => {
    expect(textWidth('样本', 10)).toBe(20);
    expect(textWidth('12', 10)).toBeCloseTo(11.2);
  });
});
