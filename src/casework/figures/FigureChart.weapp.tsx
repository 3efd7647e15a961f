import { Canvas, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { init, setPlatformAPI, use as registerEcharts, type EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'react';
import type { ChartProps } from './chart-options';

registerEcharts([BarChart, GridComponent, LegendComponent, CanvasRenderer]);

/** What `fields({ node: true, size: true })` answers for a `<Canvas type="2d">`. */
interface CanvasField {
  node?: { width: number; height: number; getContext: (kind: '2d') => unknown };
  width: number;
  height: number;
}

type TextContext = { font: string; measureText: (text: string) => { width: number } };

let measuring: TextContext | null = null;

/**
 * ECharts measures label widths on a canvas of its own, made with `document.createElement`, which
 * a mini program does not have: give it a 2d context from an offscreen canvas (or, on an old base
 * library, from the chart's own canvas).
 */
function provideTextMeasure(fallback: TextContext) {
  if (!measuring) {
    try {
      const offscreen = Taro.createOffscreenCanvas({ type: '2d', width: 1, height: 1 }) as unknown as {
        getContext: (kind: '2d') => TextContext;
      };
      measuring = offscreen.getContext('2d');
    } catch {
      measuring = null;
    }
    setPlatformAPI({
      measureText: (text: string, font?: string) => {
        const context = measuring ?? fallback;
        context.font = font || '12px sans-serif';
        return context.measureText(text);
      },
    } as Parameters<typeof setPlatformAPI>[0]);
  }
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
 * chart needs no tooltip and takes no touches (the page scrolls through it).
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
          provideTextMeasure(field.node.getContext('2d') as TextContext);
          const instance = init(field.node as unknown as HTMLElement, undefined, {
            width: field.width,
            height: field.height,
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
