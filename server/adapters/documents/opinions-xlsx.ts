import ExcelJS from 'exceljs';
import type { ExportRow } from '../../../src/domain/export-row';

const COLUMNS: Array<{ header: string; key: keyof ExportRow; width: number }> = [
  { header: '编号', key: 'shortId', width: 10 },
  { header: '提交时间', key: 'createdAt', width: 18 },
  { header: '联络站', key: 'station', width: 24 },
  { header: '类别', key: 'category', width: 12 },
  { header: '内容', key: 'content', width: 60 },
  { header: '状态', key: 'status', width: 12 },
  { header: '办理代表', key: 'deputy', width: 10 },
  { header: '答复期限', key: 'replyDueDate', width: 12 },
  { header: '答复时间', key: 'repliedAt', width: 18 },
  { header: '已办结', key: 'resolved', width: 8 },
  { header: '评价', key: 'rating', width: 10 },
  { header: '联系人', key: 'contactName', width: 10 },
  { header: '联系电话', key: 'contactPhone', width: 16 },
  { header: '来源', key: 'source', width: 10 },
];

/** The opinions of a period as one worksheet with a frozen, filterable header row. */
export async function opinionsSheet(title: string, rows: readonly ExportRow[]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = '代表联络站';
  const sheet = book.addWorksheet('意见建议', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS;
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: 'A1', to: { row: 1, column: COLUMNS.length } };
  for (const row of rows) sheet.addRow(row);
  sheet.getColumn('content').alignment = { wrapText: true, vertical: 'top' };
  book.title = title;
  return new Uint8Array(await book.xlsx.writeBuffer());
}
