import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { AnnualReportData } from '../../../src/domain/annual-report';
import type { Figures, Rate } from '../../../src/domain/figures';
import { STATION_SETTING_LABELS } from '../../../src/domain/station';

const FONT = { ascii: 'SimSun', eastAsia: '仿宋', hAnsi: 'SimSun' };

const para = (text: string) =>
  new Paragraph({
    spacing: { line: 560 },
    indent: { firstLine: 640 },
    children: [new TextRun({ text, size: 32, font: FONT })],
  });

/** A rate as the report writes it: the percentage, or 样本不足 with the count. */
const pct = (r: Rate) => (r.value === null ? `样本不足（${r.numerator}/${r.denominator}）` : r.label);

const cell = (text: string, bold = false) =>
  new TableCell({
    children: [
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold, size: 21, font: FONT })] }),
    ],
  });

function table(title: string, rows: Array<Figures & { label: string }>): (Paragraph | Table)[] {
  const head = ['', '征集', '办复', '办结', '办复率', '解决率', '评价', '满意率'];
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text: title, font: FONT })] }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: head.map((h) => cell(h, true)) }),
        ...rows.map(
          (r) =>
            new TableRow({
              children: [
                cell(r.label),
                cell(String(r.collected)),
                cell(String(r.replied)),
                cell(String(r.resolved)),
                cell(pct(r.replyRate)),
                cell(pct(r.resolvedRate)),
                cell(String(r.rated)),
                cell(pct(r.satisfactionRate)),
              ],
            }),
        ),
      ],
    }),
  ];
}

/**
 * The annual report as a .docx: the statistical passages of the work report with their
 * numbers filled from the data, then a table per station and per category.
 */
export async function annualReportDocx(data: AnnualReportData): Promise<Uint8Array> {
  const t = data.totals;
  const settings = Object.entries(data.stations.bySetting)
    .map(([setting, n]) => `${STATION_SETTING_LABELS[setting as keyof typeof STATION_SETTING_LABELS]}${n}个`)
    .join('、');
  const doc = new Document({
    creator: '代表联络站',
    title: `${data.streetName}人大工委${data.year}年度工作汇报（数据部分）`,
    sections: [
      {
        children: [
          new Paragraph({
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
            children: [
              new TextRun({ text: `${data.streetName}人大工委${data.year}年度工作汇报（数据部分）`, font: FONT }),
            ],
          }),
          para(`本文数据由代表联络站系统根据办理记录自动生成，统计截至${data.asOf}。`),
          para(
            `接待制度网格化。在农村、社区和企业等设立${data.stations.byKind.reception_point}个代表接待点，街道机关、新建社区等设立${data.stations.byKind.liaison_station}个代表联络站（${settings}），分别于单、双月固定接待日通过办公室接访、上门访谈等方式开展接待工作。全年已开展接待${data.sessions.held}次，其中主题接待${data.sessions.themed}次${data.sessions.themes.length ? `（${data.sessions.themes.join('、')}）` : ''}，因故暂停${data.sessions.cancelled}次。`,
          ),
          para(
            `截至目前，各接待点和联络站共征集各类意见建议${t.collected}条，已答复${t.replied}条，圆满解决${t.resolved}条，尚有${t.overdue}条超过答复期限正在督办。`,
          ),
          para(
            `提高建议办理质量。目前，代表办理的${t.collected}件意见建议办复率${pct(t.replyRate)}，按期答复率${pct(t.onTimeRate)}，解决率${pct(t.resolvedRate)}；选民评价${t.rated}件，满意率${pct(t.satisfactionRate)}（满意${t.satisfied - t.basicallySatisfied}件、基本满意${t.basicallySatisfied}件、不满意${t.dissatisfied}件）。`,
          ),
          para('说明：比率的分母不足10件时不计算比率，标注“样本不足”并列出件数。'),
          ...table('各联络站、接待点办理情况', data.byStation),
          ...table('各类别意见建议办理情况', data.byCategory),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
