/**
 * Open a generated document (the annual report). The build picks open-document.weapp.ts
 * (download, then WeChat's document viewer) or open-document.h5.ts (the browser downloads it).
 */
export async function openDocument(_url: string, _fileType: 'docx' | 'xlsx'): Promise<void> {
  throw new Error('open-document: built without a platform (TARO_ENV)');
}
