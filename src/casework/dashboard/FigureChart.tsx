import { View } from '@tarojs/components';
import type { ChartProps } from './chart-style';

/**
 * The build picks FigureChart.h5.tsx (SVG into a DOM element) or FigureChart.weapp.tsx (a 2d
 * canvas); this file is what type-checking and the jsdom page tests see: the chart's text
 * alternative only.
 */
export function FigureChart(props: ChartProps) {
  return <View className={`chart ${props.className ?? ''}`} role='img' aria-label={props.spec.summary} />;
}
