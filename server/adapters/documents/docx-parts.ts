import { AlignmentType, HeadingLevel, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Rate } from '../../../src/domain/figures';

/** The body font of the committee's documents: 仿宋 for Chinese. */
export const FONT = { ascii: 'SimSun', eastAsia: '仿宋', hAnsi: 'SimSun' };

/** A body paragraph as the work report sets it: 三号, first line indented, fixed line spacing. */
export const para = (text: string) =>
  new Paragraph({
    spacing: { line: 560 },
    indent: { firstLine: 640 },
    children: [new TextRun({ text, size: 32, font: FONT })],
  });

/** A rate as the report writes it: the percentage, or 样本不足 with the count. */
export const pct = (r: Rate) => (r.value === null ? `样本不足（${r.numerator}/${r.denominator}）` : r.label);

const cell = (text: string, bold = false) =>
  new TableCell({
    children: [
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold, size: 21, font: FONT })] }),
    ],
  });

/** A titled table: a header row, then one row of cells per line. */
export function titledTable(
  title: string,
  head: readonly string[],
  lines: ReadonlyArray<readonly string[]>,
): (Paragraph | Table)[] {
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text: title, font: FONT })] }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: head.map((h) => cell(h, true)) }),
        ...lines.map((line) => new TableRow({ children: line.map((text) => cell(text)) })),
      ],
    }),
  ];
}
