import { apiBase } from '../api/transport.h5';
import type { GeneratedFile } from './open-document';

/** The local server serves it as an attachment: the browser downloads it. */
export async function openDocument({ url }: GeneratedFile, _fileType: 'docx' | 'xlsx'): Promise<void> {
  window.location.assign(url.startsWith('/') ? `${apiBase()}${url}` : url);
}
