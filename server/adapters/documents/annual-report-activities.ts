import type { Paragraph, Table } from 'docx';
import type { ActivityKind } from '../../../src/domain/activity';
import type { ActivityFiguresView } from '../../../src/domain/activity-views';
import { para, pct, titledTable } from './docx-parts';

/** How many activities of a kind counted in the period (a kind nobody held counts 0, it is not left out). */
export const kindCount = (a: ActivityFiguresView, kind: ActivityKind) =>
  a.byKind.find((k) => k.kind === kind)?.count ?? 0;

/** The report's opening: the committee's supervision of the year, by kind (the work report's first sentence). */
export function openingSentence(streetName: string, a: ActivityFiguresView): Paragraph {
  const n = (kind: ActivityKind) => kindCount(a, kind);
  return para(
    `自年初以来，${streetName}人大工委共开展执法检查${n('law_enforcement_inspection')}次，调研视察${n('research_inspection')}次，专题询问${n('special_inquiry')}次，专题审议${n('special_deliberation')}次，听取常规工作和专项工作汇报${n('work_report_hearing')}次。`,
  );
}

/**
 * 一是联动机制常态化: trainings, exchange meetings, quarterly meetings, 座谈会 and voters visited —
 * the three levels' regular work. The numbers are counts, so the report's "余" is dropped.
 */
export function linkagePassage(a: ActivityFiguresView): Paragraph {
  const n = (kind: ActivityKind) => kindCount(a, kind);
  return para(
    `一是联动机制常态化。依托“上下联动、打通脉络”工作思路，深入贯彻季度工作例会、月度片区座谈会和不定期走访制度。截至目前，已组织代表培训${n('training')}次，召开人大工作交流会${n('exchange_meeting')}次、季度工作例会${n('quarterly_meeting')}次，代表联络座谈会${n('liaison_forum')}次，走访选民${a.votersVisited}人次，积极构建“人大工委、人大小组、人大代表”三级联动工作格局。`,
  );
}

/** 各人大小组履职活动情况: each group's activities and the voters its visits met. */
export function groupsTable(a: ActivityFiguresView): (Paragraph | Table)[] {
  return titledTable(
    '各人大小组履职活动情况',
    ['人大小组', '活动次数', '走访选民（人次）'],
    a.byGroup.map((g) => [g.name, String(g.activities), String(g.votersVisited)]),
  );
}

/** 代表履职情况: each deputy's attendance at the activities they were invited to, and voters visited. */
export function deputiesTable(a: ActivityFiguresView): (Paragraph | Table)[] {
  return titledTable(
    '代表履职情况',
    ['代表', '人大小组', '出席', '请假', '缺席', '出席率', '走访选民（人次）'],
    a.deputies.map((d) => [
      d.name,
      d.groupName ?? '—',
      String(d.present),
      String(d.leave),
      String(d.absent),
      pct(d.attendanceRate),
      String(d.votersVisited),
    ]),
  );
}

/** Who fell below the attendance the committee expects — the report's "部分代表作用发挥不够充分", by name. */
export function attendanceNote(a: ActivityFiguresView): Paragraph {
  const expected = `${Math.round(a.minAttendance * 100)}%`;
  const names = a.below.map((id) => a.deputies.find((d) => d.deputyId === id)?.name ?? id);
  return para(
    names.length > 0
      ? `出席率低于${expected}的代表${names.length}名：${names.join('、')}。`
      : `没有代表的出席率低于${expected}。`,
  );
}
