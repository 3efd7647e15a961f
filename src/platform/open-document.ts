/** A generated document as the server hands it out (reports.annualReport, reports.exportOpinions). */
export interface GeneratedFile {
  /** Where a browser downloads it: the local server's /files/… (or a temporary cloud link). */
  url: string;
  /** Its id in storage: cloud://… in CloudBase, which the mini program downloads by. */
  fileId: string;
}

/**
 * Open a generated document (the annual report, an export). The build picks open-document.weapp.ts
 * (download from cloud storage, then WeChat's document viewer) or open-document.h5.ts (the browser
 * downloads it).
 */
export async function openDocument(_file: GeneratedFile, _fileType: 'docx' | 'xlsx'): Promise<void> {
  throw new Error('open-document: built without a platform (TARO_ENV)');
}
