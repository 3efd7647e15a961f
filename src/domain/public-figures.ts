import { MIN_SAMPLE, type Figures } from './figures';
import type { FigureGroup, PublicFigures, PublicStatsView, StatsView, Withheld } from './report-views';

/*
 * The figures anyone may read without a login (reports.publicStats), made from the committee's
 * (src/domain/figures.ts) so that no single person's opinion or rating can be read off them.
 *
 * - A period is whole calendar months (src/domain/public-period.ts).
 * - A cell — the street, a station, or a station's ratings or replies — of fewer than MIN_SAMPLE
 *   items reads 样本不足 and nothing else: not its counts, not its rate, not its interval (each
 *   of which, with the others, gives the counts back).
 * - Cells withheld must not be recoverable from the street's total: total less the cells shown
 *   is the sum of the cells withheld, so that sum must be 0 or at least MIN_SAMPLE. When it is
 *   not, the smallest cell still shown is withheld too, until it is ("secondary suppression").
 *   This keeps the street's total exact — the one figure everybody asks for and the annual
 *   report prints — rather than rounding it or leaving it out.
 */

const WITHHELD: Withheld = { withheld: true, label: '样本不足' };

/**
 * Which cells of a table to withhold, for a `total` and its cells' `sizes` (the cells add up to
 * the total). Every cell under MIN_SAMPLE is withheld, and so is any in `alreadyWithheld`;
 * then, while the total less the cells shown is between 1 and MIN_SAMPLE − 1, the smallest cell
 * still shown (the first listed of equals) is withheld too. The total is withheld when it is
 * itself under MIN_SAMPLE (its cells then are too).
 */
export function cellsToWithhold(
  total: number,
  sizes: readonly number[],
  alreadyWithheld: readonly boolean[] = [],
): { total: boolean; cells: boolean[] } {
  const cells = sizes.map((n, i) => Boolean(alreadyWithheld[i]) || n < MIN_SAMPLE);
  const unaccounted = () => total - sizes.reduce((sum, n, i) => (cells[i] ? sum : sum + n), 0);
  for (let rest = unaccounted(); rest > 0 && rest < MIN_SAMPLE; rest = unaccounted()) {
    let smallest = -1;
    sizes.forEach((n, i) => {
      if (!cells[i] && (smallest < 0 || n < sizes[smallest]!)) smallest = i;
    });
    // Everything withheld and still under 10: then so is the total, below.
    if (smallest < 0) break;
    cells[smallest] = true;
  }
  return { total: total < MIN_SAMPLE, cells };
}

/** What may be shown of one set of figures, its ratings and its punctuality each allowed or not. */
function shown(f: Figures, onTime: boolean, satisfaction: boolean): PublicFigures {
  return {
    withheld: false,
    collected: f.collected,
    replied: f.replied,
    resolved: f.resolved,
    overdue: f.overdue,
    replyRate: f.replyRate,
    resolvedRate: f.resolvedRate,
    onTime: onTime ? { withheld: false, onTime: f.onTime, onTimeRate: f.onTimeRate } : WITHHELD,
    satisfaction: satisfaction
      ? {
          withheld: false,
          rated: f.rated,
          satisfied: f.satisfied,
          basicallySatisfied: f.basicallySatisfied,
          dissatisfied: f.dissatisfied,
          satisfactionRate: f.satisfactionRate,
        }
      : WITHHELD,
  };
}

/**
 * The public answer for the committee's figures by station: each station's figures, and the
 * street's, with the small cells withheld (above). Three tables are protected, each by its own
 * denominator: the opinions collected (a station withheld shows nothing at all), those replied
 * (按期答复) and those rated (满意) — a station withheld in the first is withheld in the others.
 */
export function publicFigures(stats: StatsView): PublicStatsView {
  const groups: FigureGroup[] = stats.groups ?? [];
  const stations = cellsToWithhold(
    stats.collected,
    groups.map((g) => g.collected),
  );
  const onTime = cellsToWithhold(
    stats.replied,
    groups.map((g) => g.replied),
    stations.cells,
  );
  const satisfaction = cellsToWithhold(
    stats.rated,
    groups.map((g) => g.rated),
    stations.cells,
  );
  return {
    period: stats.period,
    groupBy: 'station',
    street: stations.total ? WITHHELD : shown(stats, !onTime.total, !satisfaction.total),
    groups: groups.map((g, i) => ({
      key: g.key,
      label: g.label,
      figures: stations.cells[i] ? WITHHELD : shown(g, !onTime.cells[i], !satisfaction.cells[i]),
    })),
  };
}
