import { Canvas, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { fontOf, layoutBarChart, type Shape } from './bar-chart-layout';
import type { ChartProps } from './chart-style';

/** The part of a `<Canvas type="2d">` node's context the chart paints with. */
interface Context2d {
  font: string;
  fillStyle: string;
  strokeStyle: string;
  lineWidth: number;
  textAlign: string;
  textBaseline: string;
  scale(x: number, y: number): void;
  clearRect(x: number, y: number, w: number, h: number): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  arcTo(x1: number, y1: number, x2: number, y2: number, r: number): void;
  closePath(): void;
  fill(): void;
  stroke(): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
}

/** What `fields({ node: true, size: true })` answers for a `<Canvas type="2d">`. */
interface CanvasField {
  node?: { width: number; height: number; getContext: (kind: '2d') => Context2d };
  width: number;
  height: number;
}

function pixelRatio(): number {
  try {
    return Taro.getWindowInfo().pixelRatio;
  } catch {
    return Taro.getSystemInfoSync().pixelRatio;
  }
}

function paint(context: Context2d, shapes: Shape[], family: string) {
  for (const shape of shapes) {
    if (shape.kind === 'rect') {
      const { x, y, width: w, height: h, radius } = shape;
      const [tl, tr, br, bl] = radius;
      context.fillStyle = shape.color;
      context.beginPath();
      context.moveTo(x + tl, y);
      context.arcTo(x + w, y, x + w, y + h, tr);
      context.arcTo(x + w, y + h, x, y + h, br);
      context.arcTo(x, y + h, x, y, bl);
      context.arcTo(x, y, x + w, y, tl);
      context.closePath();
      context.fill();
    } else if (shape.kind === 'line') {
      context.strokeStyle = shape.color;
      context.lineWidth = 1;
      context.beginPath();
      context.moveTo(shape.x1, shape.y1);
      context.lineTo(shape.x2, shape.y2);
      context.stroke();
    } else {
      context.font = fontOf(shape, family);
      context.fillStyle = shape.color;
      context.textAlign = shape.align;
      context.textBaseline = 'middle';
      context.fillText(shape.text, shape.x, shape.y);
    }
  }
}

let sequence = 0;

/**
 * weapp: a `<Canvas type="2d">`; its node is found with a selector query once it is on screen and
 * the chart's shapes (bar-chart-layout.ts) are painted on it at the screen's pixel ratio, its texts
 * measured by the canvas itself. Every bar carries its value as a label, so the chart needs no
 * tooltip and takes no touches (the page scrolls through it).
 */
export function FigureChart(props: ChartProps) {
  const { spec } = props;
  const [id] = useState(() => `figure-chart-${(sequence += 1)}`);

  useEffect(() => {
    let cancelled = false;
    const draw = (tries: number) => {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((result: Array<CanvasField | null>) => {
          if (cancelled) return;
          const field = result?.[0];
          if (!field?.node || !field.width) {
            // Not laid out yet: the page renders through setData, try again on the next tick.
            if (tries > 0) setTimeout(() => draw(tries - 1), 50);
            return;
          }
          const ratio = pixelRatio();
          // The height the page asked for: the node may not have taken a new height yet.
          const { width } = field;
          const { height } = spec;
          field.node.width = Math.round(width * ratio);
          field.node.height = Math.round(height * ratio);
          const context = field.node.getContext('2d');
          context.scale(ratio, ratio);
          context.clearRect(0, 0, width, height);
          const family = spec.option.textStyle.fontFamily;
          const shapes = layoutBarChart(spec.option, width, height, (text, fontSize, bold) => {
            context.font = fontOf({ fontSize, bold }, family);
            return context.measureText(text).width;
          });
          paint(context, shapes, family);
        });
    };
    Taro.nextTick(() => draw(20));
    return () => {
      cancelled = true;
    };
  }, [id, spec]);

  return (
    <View className={`chart ${props.className ?? ''}`} aria-label={spec.summary}>
      <Canvas type='2d' id={id} className='chart__canvas' style={{ width: '100%', height: `${spec.height}px` }} />
    </View>
  );
}
