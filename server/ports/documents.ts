import type { AnnualReportData } from '../../src/domain/annual-report';
import type { ExportRow } from '../../src/domain/export-row';

/** Renders documents staff hand in (the annual report as .docx). */
export interface DocumentWriter {
  annualReport(data: AnnualReportData): Promise<Uint8Array>;
  /** The opinions of a period as a spreadsheet (.xlsx), one row each. */
  opinionsSheet(title: string, rows: readonly ExportRow[]): Promise<Uint8Array>;
}

/**
 * Where generated files go. `fileId` is the file's id in storage (cloud://… in CloudBase: the mini
 * program downloads by it); `link` makes a temporary link a browser can download it from.
 */
export interface FileStorage {
  save(name: string, bytes: Uint8Array, contentType: string): Promise<{ fileId: string }>;
  /** A link to the file that works for `seconds` from now. */
  link(fileId: string, seconds: number): Promise<string>;
  /** Delete these files; one already gone is no error. */
  remove(fileIds: readonly string[]): Promise<void>;
}
