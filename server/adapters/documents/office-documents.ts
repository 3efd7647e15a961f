import type { DocumentWriter } from '../../ports/documents';
import { annualReportDocx } from './annual-report-docx';
import { opinionsSheet } from './opinions-xlsx';

/** Office documents: the annual report (.docx, `docx`) and the opinions export (.xlsx, `exceljs`). */
export const officeDocuments: DocumentWriter = { annualReport: annualReportDocx, opinionsSheet };
