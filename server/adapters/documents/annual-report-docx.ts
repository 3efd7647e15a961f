import type { Table } from 'docx';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { AnnualReportData } from '../../../src/domain/annual-report';
import type { Figures } from '../../../src/domain/figures';
import { STATION_SETTING_LABELS } from '../../../src/domain/station';
import type { UnitFigures, UnitFiguresView } from '../../../src/domain/suggestion-figures';
import {
  attendanceNote,
  deputiesTable,
  groupsTable,
  linkagePassage,
  openingSentence,
} from './annual-report-activities';
import { FONT, para, pct, titledTable } from './docx-parts';

function table(title: string, rows: Array<Figures & { label: string }>): (Paragraph | Table)[] {
  return titledTable(
    title,
    ['', '征集', '办复', '办结', '办复率', '解决率', '评价', '满意率'],
    rows.map((r) => [
      r.label,
      String(r.collected),
      String(r.replied),
      String(r.resolved),
      pct(r.replyRate),
      pct(r.resolvedRate),
      String(r.rated),
      pct(r.satisfactionRate),
    ]),
  );
}

/** One line of 承办单位办理情况, for a unit or for the street's total. */
function unitLine(label: string, u: Omit<UnitFigures, 'unitId' | 'unitName'>): string[] {
  return [
    label,
    String(u.assigned),
    pct(u.answerRate),
    pct(u.onTimeRate),
    String(u.classA),
    String(u.classB),
    String(u.classC),
    pct(u.satisfactionRate),
    String(u.returns),
    String(u.supervised),
    u.medianDaysToAnswer === null ? '—' : String(u.medianDaysToAnswer),
  ];
}

/** The 代表建议 passage of the report (the work report's "代表提出的*件建议办复率*%，满意率*%"). */
function suggestionsPassage(s: UnitFiguresView): Paragraph {
  const street = s.street;
  return para(
    `代表建议办理。根据县人大对相关建议承办单位的确认及交办，街道人大工委及时做好与相关代表沟通、对接工作，督促办理单位加快办理进度，提高办理质量。目前，代表提出的${s.submitted}件建议办复率${pct(street.answerRate)}，满意率${pct(street.satisfactionRate)}（其中不予立案${s.declined}件；交办承办单位${street.assigned}件，已答复${street.answered}件，按期答复率${pct(street.onTimeRate)}；答复A类${street.classA}件、B类${street.classB}件、C类${street.classC}件；督办${street.supervised}件）。`,
  );
}

/** 承办单位办理情况: a row per unit that had 建议 handed to it in the year, and the total. */
function unitsTable(s: UnitFiguresView): (Paragraph | Table)[] {
  return titledTable(
    '承办单位办理情况',
    ['承办单位', '建议件数', '办复率', '按期答复率', 'A类', 'B类', 'C类', '满意率', '退回', '督办', '中位答复天数'],
    [...s.units.map((u) => unitLine(u.unitName, u)), ...(s.units.length ? [unitLine('合计', s.street)] : [])],
  );
}

/**
 * The annual report as a .docx: the statistical passages of the work report with their
 * numbers filled from the data — the committee's activities first, then 接待, opinions and 建议 —
 * then a table per station and per category, 承办单位办理情况, and 履职 per 人大小组 and per deputy.
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
          openingSentence(data.streetName, data.activities),
          linkagePassage(data.activities),
          para(
            `接待制度网格化。在农村、社区和企业等设立${data.stations.byKind.reception_point}个代表接待点，街道机关、新建社区等设立${data.stations.byKind.liaison_station}个代表联络站（${settings}），分别于单、双月固定接待日通过办公室接访、上门访谈等方式开展接待工作。全年已开展接待${data.sessions.held}次，其中主题接待${data.sessions.themed}次${data.sessions.themes.length ? `（${data.sessions.themes.join('、')}）` : ''}，因故暂停${data.sessions.cancelled}次。`,
          ),
          para(
            `截至目前，各接待点和联络站共征集各类意见建议${t.collected}条，已答复${t.replied}条，圆满解决${t.resolved}条，尚有${t.overdue}条超过答复期限正在督办。`,
          ),
          para(
            `提高建议办理质量。目前，代表办理的${t.collected}件意见建议办复率${pct(t.replyRate)}，按期答复率${pct(t.onTimeRate)}，解决率${pct(t.resolvedRate)}；选民评价${t.rated}件，满意率${pct(t.satisfactionRate)}（满意${t.satisfied - t.basicallySatisfied}件、基本满意${t.basicallySatisfied}件、不满意${t.dissatisfied}件）。`,
          ),
          suggestionsPassage(data.suggestions),
          para(
            '说明：比率的分母不足10件时不计算比率，标注“样本不足”并列出件数。代表建议的件数按提出日期计，承办单位的各项按交办日期计；办复率＝已答复÷交办，按期答复率＝按期答复÷已答复，满意率＝（满意＋基本满意）÷已征询意见。履职活动按活动日期计，代表自行登记的走访经联络站确认后计入；出席率＝出席÷（出席＋请假＋缺席）。',
          ),
          ...table('各联络站、接待点办理情况', data.byStation),
          ...table('各类别意见建议办理情况', data.byCategory),
          ...unitsTable(data.suggestions),
          ...groupsTable(data.activities),
          ...deputiesTable(data.activities),
          attendanceNote(data.activities),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
