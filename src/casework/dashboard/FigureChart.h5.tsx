import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { init, use as registerEcharts, type EChartsType } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { ChartProps } from './chart-style';

registerEcharts([BarChart, GridComponent, LegendComponent, SVGRenderer]);

/** H5: SVG — crisp at any zoom, and its bars and labels are elements a test can read. */
export function FigureChart(props: ChartProps) {
  const { spec } = props;
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);

  useEffect(() => {
    const dom = element.current;
    if (!dom) return undefined;
    const instance = init(dom, undefined, { renderer: 'svg', height: spec.height });
    chart.current = instance;
    const resize = () => instance.resize({ height: spec.height });
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      instance.dispose();
      chart.current = null;
    };
  }, [spec.height]);

  useEffect(() => {
    chart.current?.setOption(spec.option, { notMerge: true });
  }, [spec]);

  return (
    <div
      ref={element}
      className={`chart ${props.className ?? ''}`}
      role='img'
      aria-label={spec.summary}
      style={{ width: '100%', height: `${spec.height}px` }}
    />
  );
}
