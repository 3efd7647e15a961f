import type { AnnualReportData } from '../../src/domain/annual-report';

/** Renders documents staff hand in (the annual report as .docx). */
export interface DocumentWriter {
  annualReport(data: AnnualReportData): Promise<Uint8Array>;
}

/** Where generated files go, and the address a user downloads them from. */
export interface FileStorage {
  save(name: string, bytes: Uint8Array, contentType: string): Promise<{ fileId: string; url: string }>;
}
