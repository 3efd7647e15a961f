import { figuresFromCounts, type RawCounts, ZERO_COUNTS } from '../../src/domain/figures';
import { cellsToWithhold, publicFigures } from '../../src/domain/public-figures';
import { isWholeMonths, publicPeriodOf } from '../../src/domain/public-period';
import type { StatsView } from '../../src/domain/report-views';

const WITHHELD = { withheld: true, label: '样本不足' };

describe('which cells of a public table are withheld', () => {
  // ✓ shown, ✗ withheld (样本不足).
  const marks = (cells: boolean[]) => cells.map((w) => (w ? '✗' : '✓')).join(' ');

  test.each`
    total | sizes               | cells          | street | why
    ${30} | ${[10, 10, 10]}     | ${'✓ ✓ ✓'}     | ${'✓'} | ${'10 items are enough'}
    ${25} | ${[12, 11, 2]}      | ${'✓ ✗ ✗'}     | ${'✓'} | ${'2 would be the total less the others, so the next smallest goes too'}
    ${25} | ${[12, 11, 2, 0]}   | ${'✓ ✗ ✗ ✗'}   | ${'✓'} | ${'a station with nothing reads 样本不足 as well'}
    ${40} | ${[20, 20, 0, 0]}   | ${'✓ ✓ ✗ ✗'}   | ${'✓'} | ${'withheld cells adding up to 0 tell nobody anything: no second cell'}
    ${31} | ${[12, 9, 10]}      | ${'✓ ✗ ✗'}     | ${'✓'} | ${'9 alone is under 10: the smallest shown, 10, joins it'}
    ${33} | ${[12, 9, 9, 3]}    | ${'✓ ✗ ✗ ✗'}   | ${'✓'} | ${'withheld cells already holding 21 need no other'}
    ${30} | ${[25, 3, 2]}       | ${'✗ ✗ ✗'}     | ${'✓'} | ${'the only cell left goes: the street is shown, no station'}
    ${24} | ${[3, 10, 10, 1]}   | ${'✗ ✗ ✓ ✗'}   | ${'✓'} | ${'of two equal smallest, the first listed goes'}
    ${9}  | ${[5, 4]}           | ${'✗ ✗'}       | ${'✗'} | ${'a total under 10: nothing but 样本不足'}
    ${0}  | ${[0, 0, 0]}        | ${'✗ ✗ ✗'}     | ${'✗'} | ${'nothing collected is 样本不足 too'}
    ${10} | ${[10, 0]}          | ${'✓ ✗'}       | ${'✓'} | ${'exactly 10 at one station'}
    ${60} | ${[1, 1, 1, 1, 56]} | ${'✗ ✗ ✗ ✗ ✗'} | ${'✓'} | ${'four stations of 1 hold 4 together: the big one goes as well'}
  `('$total in $sizes: $cells, street $street ($why)', ({ total, sizes, cells, street }) => {
    const withheld = cellsToWithhold(total, sizes);
    expect(marks(withheld.cells)).toBe(cells);
    expect(withheld.total ? '✗' : '✓').toBe(street);
  });

  test.each`
    total | sizes          | before                  | cells      | why
    ${13} | ${[12, 1, 0]}  | ${[false, false, true]} | ${'✗ ✗ ✗'} | ${'one rating at the second station: the first’s ratings go too'}
    ${30} | ${[15, 10, 5]} | ${[false, true, false]} | ${'✓ ✗ ✗'} | ${'a cell withheld already (its station was) counts towards the 10'}
    ${30} | ${[20, 10, 0]} | ${[false, true, false]} | ${'✓ ✗ ✗'} | ${'a cell withheld already may itself hold 10 or more'}
  `('$sizes with $before withheld already: $cells ($why)', ({ total, sizes, before, cells }) => {
    expect(marks(cellsToWithhold(total, sizes, before).cells)).toBe(cells);
  });

  test('whatever the table: no shown cell under 10, and the total less the shown cells is 0 or at least 10', () => {
    // A fixed pseudo-random sequence, so that a failure can be replayed.
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 48_271) % 2_147_483_647; // MINSTD: exact in doubles
      return seed % n;
    };
    for (let round = 0; round < 2000; round += 1) {
      const sizes = Array.from({ length: 1 + next(9) }, () => (next(3) === 0 ? next(40) : next(12)));
      const total = sizes.reduce((a, b) => a + b, 0);
      const { cells, total: totalWithheld } = cellsToWithhold(total, sizes);
      const shownSum = sizes.reduce((sum, n, i) => (cells[i] ? sum : sum + n), 0);
      expect(sizes.filter((n, i) => !cells[i] && n < 10)).toEqual([]);
      if (!totalWithheld) expect(total - shownSum === 0 || total - shownSum >= 10).toBe(true);
      expect(totalWithheld).toBe(total < 10);
    }
  });
});

const counts = (c: Partial<RawCounts>): RawCounts => ({ ...ZERO_COUNTS, ...c });

/** reports.stats by station, as the store would answer it for these counts. */
function statsOf(groups: Array<[string, Partial<RawCounts>]>): StatsView {
  const total = groups.reduce((sum, [, c]) => {
    const next = { ...sum };
    for (const key of Object.keys(next) as Array<keyof RawCounts>) next[key] += c[key] ?? 0;
    return next;
  }, ZERO_COUNTS);
  return {
    period: { from: '2026-03-01', to: '2026-03-31' },
    scope: {},
    ...figuresFromCounts(total),
    groupBy: 'station',
    groups: groups.map(([key, c]) => ({ key, label: `${key}站`, ...figuresFromCounts(counts(c)) })),
  };
}

describe('the public figures of the street and its stations', () => {
  const march = statsOf([
    ['a', { collected: 30, replied: 25, onTime: 20, resolved: 18, ratedSatisfied: 9, ratedBasicallySatisfied: 2 }],
    ['b', { collected: 12, replied: 11, onTime: 11, resolved: 10, ratedSatisfied: 10 }],
    ['c', { collected: 3, replied: 1, onTime: 1, resolved: 1, ratedDissatisfied: 1, overdue: 1 }],
    ['d', {}],
  ]);
  const view = publicFigures(march);
  const station = (key: string) => view.groups.find((g) => g.key === key)!;

  test('a station under 10 opinions keeps its name and 样本不足, nothing else', () => {
    expect(station('c')).toEqual({ key: 'c', label: 'c站', figures: WITHHELD });
    expect(station('d')).toEqual({ key: 'd', label: 'd站', figures: WITHHELD });
  });

  test('the street less the stations shown would be station c: the next smallest, b, is withheld too', () => {
    expect(station('b').figures).toEqual(WITHHELD);
    expect(station('a').figures).toMatchObject({ withheld: false, collected: 30, replied: 25, resolved: 18 });
    expect(view.street).toMatchObject({ withheld: false, collected: 45, replied: 37, resolved: 29, overdue: 1 });
  });

  // a's ratings are shown: the street's 22 less a's 11 leaves 11 in b and c together (b was withheld above).
  test('a station shown keeps its counts and its rates with their counts and interval', () => {
    const a = station('a').figures;
    expect(a).toMatchObject({ replyRate: march.groups![0]!.replyRate, resolvedRate: march.groups![0]!.resolvedRate });
    expect(a).toMatchObject({ onTime: { onTime: 20, onTimeRate: march.groups![0]!.onTimeRate } });
    expect(a).toMatchObject({
      satisfaction: {
        rated: 11,
        satisfied: 11,
        basicallySatisfied: 2,
        dissatisfied: 0,
        satisfactionRate: march.groups![0]!.satisfactionRate,
      },
    });
  });

  test('ratings are a table of their own: the street’s 13 less a’s 11 would be 2, so a’s 满意率 is withheld', () => {
    const april = publicFigures(
      statsOf([
        ['a', { collected: 30, replied: 25, onTime: 25, ratedSatisfied: 11 }],
        ['b', { collected: 12, replied: 12, onTime: 12, ratedDissatisfied: 2 }],
      ]),
    );
    expect(april.groups.map((g) => g.figures.withheld)).toEqual([false, false]);
    expect(april.groups.map((g) => (g.figures.withheld ? null : g.figures.satisfaction))).toEqual([WITHHELD, WITHHELD]);
    expect(april.street).toMatchObject({ satisfaction: { rated: 13, satisfied: 11, dissatisfied: 2 } });
    // 按期答复 has 25 and 12 replied: both shown.
    expect(april.groups.map((g) => (g.figures.withheld ? null : g.figures.onTime))).toEqual([
      expect.objectContaining({ onTime: 25 }),
      expect.objectContaining({ onTime: 12 }),
    ]);
  });

  test('a street under 10 shows 样本不足 and no station', () => {
    const quiet = publicFigures(
      statsOf([
        ['a', { collected: 6, ratedDissatisfied: 1 }],
        ['b', { collected: 3 }],
      ]),
    );
    expect(quiet.street).toEqual(WITHHELD);
    expect(quiet.groups.map((g) => g.figures)).toEqual([WITHHELD, WITHHELD]);
  });

  test('nothing withheld carries a number', () => {
    expect(JSON.stringify(station('b'))).not.toMatch(/\d/);
    expect(JSON.stringify(station('c'))).not.toMatch(/\d/);
  });
});

describe('a public period', () => {
  test.each`
    from            | to              | whole
    ${'2026-03-01'} | ${'2026-03-31'} | ${true}
    ${'2026-01-01'} | ${'2026-12-31'} | ${true}
    ${'2026-02-01'} | ${'2026-02-28'} | ${true}
    ${'2028-02-01'} | ${'2028-02-29'} | ${true}
    ${'2025-11-01'} | ${'2026-04-30'} | ${true}
    ${'2026-03-05'} | ${'2026-03-05'} | ${false}
    ${'2026-03-01'} | ${'2026-03-30'} | ${false}
    ${'2026-03-02'} | ${'2026-03-31'} | ${false}
    ${'2028-02-01'} | ${'2028-02-28'} | ${false}
    ${'2026-04-01'} | ${'2026-04-31'} | ${false}
  `('$from to $to is whole months: $whole', ({ from, to, whole }) => {
    expect(isWholeMonths({ from, to })).toBe(whole);
  });

  test.each`
    today           | from            | to
    ${'2026-01-01'} | ${'2026-01-01'} | ${'2026-01-31'}
    ${'2026-01-15'} | ${'2026-01-01'} | ${'2026-01-31'}
    ${'2026-02-10'} | ${'2026-01-01'} | ${'2026-02-28'}
    ${'2028-02-10'} | ${'2028-01-01'} | ${'2028-02-29'}
    ${'2026-12-31'} | ${'2026-01-01'} | ${'2026-12-31'}
  `('the public page on $today asks for $from to $to, the year so far in whole months', ({ today, from, to }) => {
    expect(publicPeriodOf(today)).toEqual({ from, to });
    expect(isWholeMonths(publicPeriodOf(today))).toBe(true);
  });
});
