import { Canvas, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { init, setPlatformAPI, use as registerEcharts, type EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'react';
import type { ChartProps } from './chart-style';

registerEcharts([BarChart, GridComponent, LegendComponent, CanvasRenderer]);

/** What `fields({ node: true, size: true })` answers for a `<Canvas type="2d">`. */
interface CanvasField {
  node?: { width: number; height: number; getContext: (kind: '2d') => unknown };
  width: number;
  height: number;
}

type TextContext = { font: string; measureText: (text: string) => { width: number } };
type CanvasLike = { getContext: (kind: '2d') => unknown };

let offscreen: CanvasLike | null = null;

type CanvasNode = NonNullable<CanvasField['node']>;

/**
 * What ECharts is given to draw on: the canvas node, plus the listener methods it calls on its root
 * even in a mini program (zrender mounts touch listeners there), which a canvas node lacks. The
 * series are `silent` and every value is labelled, so no touch needs to reach the chart.
 */
function chartRoot(node: CanvasNode) {
  return {
    get width() {
      return node.width;
    },
    set width(value: number) {
      node.width = value;
    },
    get height() {
      return node.height;
    },
    set height(value: number) {
      node.height = value;
    },
    getContext: (kind: '2d') => node.getContext(kind),
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  };
}

/**
 * ECharts measures label widths on a canvas of its own, made with `document.createElement`, which
 * a mini program does not have: give it an offscreen 2d canvas (or, on a base library without
 * one, the chart's own canvas, as WeChat's echarts-for-weixin does).
 */
function provideCanvas(chartCanvas: CanvasLike) {
  if (!offscreen) {
    try {
      offscreen = Taro.createOffscreenCanvas({ type: '2d', width: 1, height: 1 }) as unknown as CanvasLike;
    } catch {
      offscreen = null;
    }
  }
  const canvas = offscreen ?? chartCanvas;
  const context = canvas.getContext('2d') as TextContext;
  setPlatformAPI({
    createCanvas: () => canvas as unknown as HTMLCanvasElement,
    measureText: (text: string, font?: string) => {
      context.font = font || '12px sans-serif';
      return context.measureText(text);
    },
  } as Parameters<typeof setPlatformAPI>[0]);
}

function pixelRatio(): number {
  try {
    return Taro.getWindowInfo().pixelRatio;
  } catch {
    return Taro.getSystemInfoSync().pixelRatio;
  }
}

let sequence = 0;

/**
 * weapp: a `<Canvas type="2d">`; its node is found with a selector query once it is on screen and
 * ECharts draws on it at the screen's pixel ratio. Every bar carries its value as a label, so the
 * chart needs no tooltip and forwards no touches (the page scrolls through it).
 */
export function FigureChart(props: ChartProps) {
  const { spec } = props;
  const [id] = useState(() => `figure-chart-${(sequence += 1)}`);
  const chart = useRef<EChartsType | null>(null);
  const latest = useRef(spec);
  latest.current = spec;

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
          const root = chartRoot(field.node);
          provideCanvas(root);
          const instance = init(root as unknown as HTMLElement, undefined, {
            width: field.width,
            // The height the page asked for: the node may not have taken a new height yet.
            height: latest.current.height,
            devicePixelRatio: pixelRatio(),
          });
          instance.setOption(latest.current.option, { notMerge: true });
          chart.current = instance;
        });
    };
    Taro.nextTick(() => draw(20));
    return () => {
      cancelled = true;
      chart.current?.dispose();
      chart.current = null;
    };
  }, [id, spec.height]);

  useEffect(() => {
    chart.current?.setOption(spec.option, { notMerge: true });
  }, [spec]);

  return (
    <View className={`chart ${props.className ?? ''}`} aria-label={spec.summary}>
      <Canvas type='2d' id={id} className='chart__canvas' style={{ width: '100%', height: `${spec.height}px` }} />
    </View>
  );
}
