// A goal beside its figure (issue #14, Goals): the bench states each goal next to what it
// measured and whether it is met. Figures only — nothing fails when a goal is missed.

export interface GoalCheck {
  /** What was measured, e.g. "opinions.submit p95 at 1M". */
  label: string;
  value: number | null;
  unit: string;
  /** The goal as printed, e.g. "≤ 5 ms". */
  goal: string;
  /** null when the figure could not be taken. */
  met: boolean | null;
}

/** "5 ms", "1.2×", "90" */
const withUnit = (text: string, unit: string) => (unit === '×' ? `${text}×` : unit ? `${text} ${unit}` : text);

const number = (n: number) =>
  Number.isInteger(n) ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** A figure whose goal is an upper bound. */
export function atMost(label: string, value: number | null, limit: number, unit = ''): GoalCheck {
  return {
    label,
    value,
    unit,
    goal: `≤ ${withUnit(number(limit), unit)}`,
    met: value === null ? null : value <= limit,
  };
}

/** A figure whose goal is a lower bound. */
export function atLeast(label: string, value: number | null, limit: number, unit = ''): GoalCheck {
  return {
    label,
    value,
    unit,
    goal: `≥ ${withUnit(number(limit), unit)}`,
    met: value === null ? null : value >= limit,
  };
}

export const mark = (met: boolean | null) => (met === null ? '?' : met ? '✓' : '✗');

/** "submit p95 at 1M 4.1 ms (goal ≤ 5 ms) ✓" */
export function formatCheck(c: GoalCheck): string {
  const value = c.value === null ? 'not measured' : withUnit(number(c.value), c.unit);
  return `${c.label} ${value} (goal ${c.goal}) ${mark(c.met)}`;
}
