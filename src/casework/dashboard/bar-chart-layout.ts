import type { BarItemOption, BarLabelOption, BarSeriesOption, ChartOption } from './chart-style';
import { textWidth } from './rate-labels';

/*
 * Where everything of a bar chart goes, in CSS pixels from the chart's top left: the legend, the
 * plot's lines, the bars and every text. Both platforms paint these shapes and nothing else (SVG
 * on H5, a 2d canvas on weapp), so a chart looks the same on both. It places what ECharts would
 * for the same option: the legend 5px in from its corner, a rounded step for the value axis
 * (1, 2, 3 or 5 times a power of ten, about five steps), rows of equal height, a row's bars
 * centred in it, each label `distance` after its bar's end.
 */

/** A filled rectangle; `radius` is its corners': top left, top right, bottom right, bottom left. */
export interface RectShape {
  kind: 'rect';
  x: number;
  y: number;
  width: number;
  height: number;
  color: string;
  radius: [number, number, number, number];
}

/** A one-pixel line. */
export interface LineShape {
  kind: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  color: string;
}

/** A line of text; `y` is the middle of the line, `x` its start ('left') or its end ('right'). */
export interface TextShape {
  kind: 'text';
  x: number;
  y: number;
  text: string;
  fontSize: number;
  bold: boolean;
  color: string;
  align: 'left' | 'right';
}

export type Shape = RectShape | LineShape | TextShape;

/** How wide a text is drawn; a platform that can measure passes its own, the estimate stands in otherwise. */
export type MeasureText = (text: string, fontSize: number, bold: boolean) => number;

const estimate: MeasureText = (text, fontSize) => textWidth(text, fontSize);

/** ECharts' legend keeps 5px from the chart's edges, and 5px between a key's square and its name. */
const LEGEND_PADDING = 5;
const LEGEND_TEXT_GAP = 5;
/** How many steps a value axis aims for. */
const SPLIT_NUMBER = 5;

/** A round step near `value`: 1, 2, 3 or 5 times a power of ten (or 10). */
export function niceStep(value: number): number {
  const exponent = Math.floor(Math.log10(value));
  const power = 10 ** exponent;
  const f = value / power;
  const nice = f < 1.5 ? 1 : f < 2.5 ? 2 : f < 4 ? 3 : f < 7 ? 5 : 10;
  return Number((nice * power).toFixed(Math.max(0, -exponent)));
}

/** The value axis: its range and its steps, from the option or rounded up past the largest value. */
export function valueScale(option: ChartOption): { min: number; max: number; step: number } {
  const axis = option.xAxis;
  const min = axis.min ?? 0;
  if (axis.max !== undefined) return { min, max: axis.max, step: axis.interval ?? (axis.max - min) / SPLIT_NUMBER };
  const values = option.series.flatMap((s) => s.data.map(valueOf));
  const largest = Math.max(min, ...values);
  const span = largest > min ? largest - min : 1;
  const step = Math.max(axis.interval ?? niceStep(span / SPLIT_NUMBER), axis.minInterval ?? 0);
  return { min, max: min + Math.ceil(span / step) * step, step };
}

const valueOf = (item: number | BarItemOption) => (typeof item === 'number' ? item : item.value);

/** A one-pixel line drawn on a pixel, not across two. */
const crisp = (x: number) => Math.round(x - 0.5) + 0.5;

/** Every shape of a chart `width` CSS pixels wide and `height` high, in the order they are painted. */
export function layoutBarChart(
  option: ChartOption,
  width: number,
  height: number,
  measure: MeasureText = estimate,
): Shape[] {
  const shapes: Shape[] = [];
  const colorOf = (series: BarSeriesOption, index: number) =>
    series.itemStyle.color || option.color[index % option.color.length]!;

  // The legend: a rounded square in the series' colour and its name, side by side.
  const legend = option.legend;
  let x = legend.left + LEGEND_PADDING;
  const keyTop = legend.top + LEGEND_PADDING;
  legend.data.forEach((name) => {
    const index = option.series.findIndex((s) => s.name === name);
    const color = index < 0 ? option.color[0]! : colorOf(option.series[index]!, index);
    const r = Math.min(legend.itemWidth, legend.itemHeight) / 4;
    shapes.push({
      kind: 'rect',
      x,
      y: keyTop,
      width: legend.itemWidth,
      height: legend.itemHeight,
      color,
      radius: [r, r, r, r],
    });
    const textX = x + legend.itemWidth + LEGEND_TEXT_GAP;
    const { fontSize, color: textColor } = legend.textStyle;
    shapes.push({
      kind: 'text',
      x: textX,
      y: keyTop + legend.itemHeight / 2,
      text: name,
      fontSize,
      bold: false,
      color: textColor,
      align: 'left',
    });
    x = textX + measure(name, fontSize, false) + legend.itemGap;
  });

  // The plot: right of the rows' names when they stand beside it.
  const rows = option.yAxis;
  const rowLabel = rows.axisLabel;
  const bold = rowLabel.fontWeight === 'bold';
  const namesWidth = Math.max(0, ...rows.data.map((name) => measure(name, rowLabel.fontSize, bold)));
  const left = option.grid.left + (option.grid.containLabel && !rowLabel.inside ? namesWidth + rowLabel.margin : 0);
  const right = width - option.grid.right;
  const top = option.grid.top;
  const bottom = height - option.grid.bottom;
  const scale = valueScale(option);
  const xOf = (value: number) => left + ((value - scale.min) / (scale.max - scale.min)) * (right - left);

  if (option.xAxis.splitLine.show !== false) {
    const color = option.xAxis.splitLine.lineStyle?.color ?? rows.axisLine.lineStyle.color;
    for (let value = scale.min; value <= scale.max + scale.step / 1e6; value += scale.step) {
      const at = crisp(xOf(value));
      shapes.push({ kind: 'line', x1: at, y1: top, x2: at, y2: bottom, color });
    }
  }
  const axisAt = crisp(left);
  shapes.push({ kind: 'line', x1: axisAt, y1: top, x2: axisAt, y2: bottom, color: rows.axisLine.lineStyle.color });

  // The rows, top to bottom: each row's name, then its bars side by side, each with its label.
  const rowHeight = (bottom - top) / Math.max(rows.data.length, 1);
  const middleOf = (row: number) => top + rowHeight * (row + 0.5);
  rows.data.forEach((name, row) => {
    const middle = middleOf(row);
    const common = { kind: 'text' as const, text: name, fontSize: rowLabel.fontSize, bold, color: rowLabel.color };
    if (rowLabel.inside) {
      // Ending `padding[2]` above the row's middle: the name heads its row.
      const end = middle - (rowLabel.padding?.[2] ?? 0);
      shapes.push({ ...common, x: left + rowLabel.margin, y: end - rowLabel.fontSize / 2, align: 'left' });
    } else {
      shapes.push({ ...common, x: left - rowLabel.margin, y: middle, align: 'right' });
    }
  });

  const labels: TextShape[] = [];
  option.series.forEach((series, index) => {
    const thickness = series.barWidth;
    const gap = (parseFloat(series.barGap) / 100) * thickness;
    const count = option.series.length;
    const together = count * thickness + (count - 1) * gap;
    series.data.forEach((item, row) => {
      const value = valueOf(item);
      const bar = typeof item === 'number' ? undefined : item;
      const y = middleOf(row) - together / 2 + index * (thickness + gap);
      const end = xOf(value);
      const color = bar?.itemStyle?.color ?? colorOf(series, index);
      if (color !== 'transparent') {
        const corners = series.itemStyle.borderRadius.map((r) => Math.min(r, (end - left) / 2, thickness / 2));
        shapes.push({
          kind: 'rect',
          x: left,
          y,
          width: end - left,
          height: thickness,
          color,
          radius: corners as RectShape['radius'],
        });
      }
      const label: BarLabelOption | undefined = bar?.label ?? series.label;
      if (label?.show) {
        labels.push({
          kind: 'text',
          x: end + label.distance,
          y: y + thickness / 2,
          text: label.formatter ?? String(value),
          fontSize: label.fontSize,
          bold: label.fontWeight === 'bold',
          color: label.color ?? colorOf(series, index),
          align: 'left',
        });
      }
    });
  });
  // Labels over every bar: a long label may reach over a neighbouring row's bar.
  return [...shapes, ...labels];
}

/** The CSS `font` of a text shape. */
export const fontOf = (shape: Pick<TextShape, 'fontSize' | 'bold'>, family: string) =>
  `${shape.bold ? 'bold ' : ''}${shape.fontSize}px ${family}`;
