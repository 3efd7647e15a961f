import { useEffect, useRef, useState } from 'react';
import { fontOf, layoutBarChart, type MeasureText, type RectShape, type Shape } from './bar-chart-layout';
import type { ChartProps } from './chart-style';

/** The outline of a rectangle with its corners rounded (top left, top right, bottom right, bottom left). */
function rectPath({ x, y, width: w, height: h, radius: [tl, tr, br, bl] }: RectShape): string {
  const n = (v: number) => Number(v.toFixed(2));
  return [
    `M${n(x + tl)} ${n(y)}`,
    `H${n(x + w - tr)}`,
    tr ? `A${n(tr)} ${n(tr)} 0 0 1 ${n(x + w)} ${n(y + tr)}` : '',
    `V${n(y + h - br)}`,
    br ? `A${n(br)} ${n(br)} 0 0 1 ${n(x + w - br)} ${n(y + h)}` : '',
    `H${n(x + bl)}`,
    bl ? `A${n(bl)} ${n(bl)} 0 0 1 ${n(x)} ${n(y + h - bl)}` : '',
    `V${n(y + tl)}`,
    tl ? `A${n(tl)} ${n(tl)} 0 0 1 ${n(x + tl)} ${n(y)}` : '',
    'Z',
  ].join('');
}

function ShapeElement({ shape, family }: { shape: Shape; family: string }) {
  if (shape.kind === 'rect') return <path d={rectPath(shape)} fill={shape.color} />;
  if (shape.kind === 'line') {
    return <path d={`M${shape.x1} ${shape.y1}L${shape.x2} ${shape.y2}`} fill='none' stroke={shape.color} />;
  }
  return (
    <text
      x={shape.x}
      y={shape.y}
      dominantBaseline='central'
      textAnchor={shape.align === 'right' ? 'end' : 'start'}
      style={{ font: fontOf(shape, family) }}
      fill={shape.color}
    >
      {shape.text}
    </text>
  );
}

let measuring: CanvasRenderingContext2D | null = null;

/** Text widths as the browser draws them, from a canvas of its own. */
const measureInBrowser =
  (family: string): MeasureText =>
  (text, fontSize, bold) => {
    measuring ??= document.createElement('canvas').getContext('2d');
    if (!measuring) return text.length * fontSize;
    measuring.font = fontOf({ fontSize, bold }, family);
    return measuring.measureText(text).width;
  };

/**
 * H5: an SVG of the chart's shapes (bar-chart-layout.ts) — crisp at any zoom, and its bars and
 * labels are elements a test can read. Laid out again when the page's width changes.
 */
export function FigureChart(props: ChartProps) {
  const { spec } = props;
  const element = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);

  useEffect(() => {
    const measure = () => setWidth(element.current?.clientWidth ?? 0);
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, []);

  const family = spec.option.textStyle.fontFamily;
  const shapes = width > 0 ? layoutBarChart(spec.option, width, spec.height, measureInBrowser(family)) : [];
  return (
    <div
      ref={element}
      className={`chart ${props.className ?? ''}`}
      role='img'
      aria-label={spec.summary}
      style={{ width: '100%', height: `${spec.height}px` }}
    >
      {width > 0 && (
        <svg width={width} height={spec.height} viewBox={`0 0 ${width} ${spec.height}`} aria-hidden='true'>
          {shapes.map((shape, i) => (
            <ShapeElement key={i} shape={shape} family={family} />
          ))}
        </svg>
      )}
    </div>
  );
}
