import { officeDocuments } from '../adapters/documents/office-documents';
import type { FunctionEdges } from './runtime';

/**
 * The office documents (the annual report as .docx, the opinions export as .xlsx), for the one
 * function that writes them. A separate module, so that every other function's bundle leaves
 * docx and exceljs out.
 */
export const documentsEdge: Pick<FunctionEdges, 'documents'> = { documents: officeDocuments };
