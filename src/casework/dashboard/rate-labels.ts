import type { Rate } from '../../domain/figures';

/* How a rate is written on the rate charts' bars and in their summaries, and how wide that is drawn. */

/** '青溪街道' for '青溪街道人大代表联络站': the chart's row names; the cards below keep the full names. */
export function shortStationName(name: string): string {
  return name.replace(/人大代表(联络站|接待点)$/, '') || name;
}

/** '86.7%（26/30）', or '样本不足（3/5）': a rate never appears without its count. */
export function rateText(rate: Rate): string {
  return `${rate.label}（${rate.numerator}/${rate.denominator}）`;
}

/** The same, as a bar's label: '86.7% 26/30', or '样本不足 3/5' — narrower, for a phone's width. */
export function rateBarLabel(rate: Rate): string {
  return `${rate.label} ${rate.numerator}/${rate.denominator}`;
}

/** About how wide a label is drawn: Chinese characters a full em, digits and Latin a little over half. */
export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const ch of text) ems += ch.charCodeAt(0) < 0x100 ? (ch === '%' ? 0.85 : 0.56) : 1;
  return ems * fontSize;
}
