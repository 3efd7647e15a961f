import { AppError } from '../../src/domain/errors';
import { exportInput, publicStatsInput, statsInput } from '../../src/domain/report-schemas';
import { parseInput } from '../../src/domain/schemas';

/** The INVALID_INPUT message the caller would see, or null when the input is accepted. */
function refusal(input: unknown): string | null {
  try {
    parseInput(statsInput, input);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('INVALID_INPUT');
    return (error as AppError).message;
  }
}

describe('the input of reports.stats', () => {
  test('a period with every filter and a grouping is accepted; unknown fields are dropped', () => {
    expect(
      parseInput(statsInput, {
        from: '2026-01-01',
        to: '2026-12-31',
        stationId: 'qx-jiedao',
        deputyId: 'd01',
        category: 'housing',
        groupBy: 'month',
        openid: 'someone',
      }),
    ).toEqual({
      from: '2026-01-01',
      to: '2026-12-31',
      stationId: 'qx-jiedao',
      deputyId: 'd01',
      category: 'housing',
      groupBy: 'month',
    });
  });

  test.each`
    input                                                         | message
    ${{ to: '2026-12-31' }}                                       | ${'请提供开始日期'}
    ${{ from: '2026-01-01' }}                                     | ${'请提供结束日期'}
    ${{ from: '2026-02-30', to: '2026-03-01' }}                   | ${'开始日期须为 YYYY-MM-DD 格式的真实日期'}
    ${{ from: '2026-1-1', to: '2026-03-01' }}                     | ${'开始日期须为 YYYY-MM-DD 格式的真实日期'}
    ${{ from: 20260101, to: '2026-03-01' }}                       | ${'开始日期格式不正确'}
    ${{ from: '2026-03-02', to: '2026-03-01' }}                   | ${'开始日期不能晚于结束日期'}
    ${{ from: '2023-01-01', to: '2026-01-02' }}                   | ${'统计期间最长3年'}
    ${{ from: '2026-01-01', to: '2026-12-31', groupBy: 'x' }}     | ${'分组方式须为联络站、代表、人大小组、类别或月份'}
    ${{ from: '2026-01-01', to: '2026-12-31', category: 'x' }}    | ${'请选择意见类别'}
    ${{ from: '2026-01-01', to: '2026-12-31', stationId: 'a b' }} | ${'联络站格式不正确'}
  `('$input is refused: $message', ({ input, message }) => {
    expect(refusal(input)).toBe(message);
  });

  test('one day, and exactly three years, are accepted', () => {
    expect(refusal({ from: '2026-03-01', to: '2026-03-01' })).toBeNull();
    expect(refusal({ from: '2023-01-01', to: '2026-01-01' })).toBeNull();
  });
});

describe('the input of reports.exportOpinions', () => {
  const exported = (from: string, to: string) => exportInput.safeParse({ from, to });
  test('a year from its first day may be exported at once', () => {
    expect(exported('2026-01-01', '2026-12-31').success).toBe(true);
    expect(exported('2026-03-01', '2027-02-28').success).toBe(true);
  });
  test('longer than a year is refused, even within two calendar years', () => {
    const refused = exported('2025-01-01', '2026-12-31');
    expect(refused.success ? null : refused.error.issues[0]?.message).toBe('一次最多导出一年的意见');
    expect(exported('2026-03-01', '2027-03-01').success).toBe(false);
  });
});

describe('the input of reports.publicStats', () => {
  const WHOLE_MONTHS = '公开统计按整月计算：开始日期须为某月1日，结束日期须为某月最后一天';
  const answer = (from: string, to: string) => {
    const parsed = publicStatsInput.safeParse({ from, to });
    return parsed.success ? null : parsed.error.issues[0]?.message;
  };

  test.each`
    from            | to
    ${'2026-03-01'} | ${'2026-03-31'}
    ${'2026-01-01'} | ${'2026-12-31'}
    ${'2024-02-01'} | ${'2024-02-29'}
    ${'2023-01-01'} | ${'2025-12-31'}
  `('$from to $to, whole months, is accepted', ({ from, to }) => {
    expect(answer(from, to)).toBeNull();
  });

  test.each`
    from            | to              | message
    ${'2026-03-05'} | ${'2026-03-05'} | ${WHOLE_MONTHS}
    ${'2026-03-01'} | ${'2026-03-30'} | ${WHOLE_MONTHS}
    ${'2026-03-02'} | ${'2026-03-31'} | ${WHOLE_MONTHS}
    ${'2026-01-01'} | ${'2026-12-02'} | ${WHOLE_MONTHS}
    ${'2026-03-31'} | ${'2026-03-01'} | ${'开始日期不能晚于结束日期'}
    ${'2023-01-01'} | ${'2026-01-31'} | ${'统计期间最长3年'}
  `('$from to $to is refused: $message', ({ from, to, message }) => {
    expect(answer(from, to)).toBe(message);
  });
});
