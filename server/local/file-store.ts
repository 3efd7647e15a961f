import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { shanghaiDate } from '../../src/domain/dates';
import { failure } from '../../src/domain/envelope';
import { PHOTO_UPLOADS_PER_DAY, photoTypeOf } from '../../src/domain/photo-files';
import { DOCUMENT_NAME, isValidDocumentLink } from '../adapters/local/document-links';
import { readBody } from './read-body';
import { sendBeforeBodyEnds } from './replies';

const MAX_BYTES = 5 * 1024 * 1024;
const TYPES: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };
/** A photo: `photos/<caller's folder key>/<sha-256>.<ext>`. */
const NAME = /^photos\/[a-f0-9]{16}\/[a-f0-9]{64}\.(jpg|png|webp)$/;
const DOCUMENT_TYPES: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * The local stand-in for cloud storage: POST /files with an image as the body stores it in the
 * caller's own photo folder (`folder`, from the platform's caller; none, no upload), named by
 * its SHA-256 (the same photo twice is one file), and answers
 * { ok, data: { fileId: 'local-files/photos/<key>/<name>' } }; GET /files/<path> serves it.
 * What a file is comes from its bytes, not its header, and a caller stores at most
 * PHOTO_UPLOADS_PER_DAY new photos a Shanghai day.
 */
export function createLocalFileStore(dir: string, now: () => number = Date.now) {
  mkdirSync(dir, { recursive: true });

  // A file that cannot be read after all cuts its answer short instead of throwing.
  const stream = (file: string, res: ServerResponse) =>
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);

  const reply = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
  };

  const refuse = (res: ServerResponse, status: number, code: string, message: string) =>
    reply(res, status, { ok: false, error: { code, message } });

  /** New photos stored in `folder` since the start of today (Shanghai). */
  const storedToday = (folder: string) => {
    const path = join(dir, folder);
    if (!existsSync(path)) return 0;
    const today = shanghaiDate(now());
    return readdirSync(path).filter((name) => shanghaiDate(statSync(join(path, name)).mtimeMs) === today).length;
  };

  async function upload(req: IncomingMessage, res: ServerResponse, folder: string | undefined): Promise<void> {
    if (!folder) {
      refuse(res, 401, 'UNAUTHENTICATED', '请先登录后再上传照片');
      return;
    }
    const declared =
      String(req.headers['content-type'] ?? '')
        .split(';')[0]
        ?.trim() ?? '';
    if (!TYPES[declared]) {
      refuse(res, 400, 'INVALID_INPUT', '只能上传 JPG、PNG 或 WebP 图片');
      return;
    }
    const read = await readBody(req, MAX_BYTES);
    if (read.kind === 'aborted') return;
    if (read.kind === 'too-large') {
      sendBeforeBodyEnds(req, res, failure('INVALID_INPUT', '图片不能超过 5 MB'));
      return;
    }
    const body = read.body;
    if (body.length === 0) {
      refuse(res, 400, 'INVALID_INPUT', '图片内容为空');
      return;
    }
    // A header can say anything: the bytes decide what is stored and how it is served.
    const ext = photoTypeOf(body);
    if (!ext) {
      refuse(res, 400, 'INVALID_INPUT', '只能上传 JPG、PNG 或 WebP 图片');
      return;
    }
    const name = `${folder}/${createHash('sha256').update(body).digest('hex')}.${ext}`;
    const file = join(dir, name);
    if (!existsSync(file)) {
      if (storedToday(folder) >= PHOTO_UPLOADS_PER_DAY) {
        refuse(res, 429, 'RATE_LIMITED', `今天上传的照片已达${PHOTO_UPLOADS_PER_DAY}张，请明天再试`);
        return;
      }
      mkdirSync(join(dir, folder), { recursive: true });
      writeFileSync(file, body);
    }
    reply(res, 200, { ok: true, data: { fileId: `local-files/${name}` } });
  }

  function serve(name: string, query: URLSearchParams, res: ServerResponse): void {
    const file = join(dir, name);
    // A generated document (an export with phone numbers, an annual report) only through the
    // signed, expiring link its maker was given by reports.download.
    if (DOCUMENT_NAME.test(name) && !isValidDocumentLink(name, query, now())) {
      res
        .writeHead(403, { 'content-type': 'text/plain; charset=utf-8' })
        .end('下载链接无效或已过期，请回到小程序重新下载');
      return;
    }
    if (DOCUMENT_NAME.test(name) && !existsSync(file)) {
      // Generated files are deleted an hour after they are made (server/services/generated-files.ts).
      res.writeHead(410, { 'content-type': 'text/plain; charset=utf-8' }).end('文件已过期并已删除，请重新导出');
      return;
    }
    if (!(NAME.test(name) || DOCUMENT_NAME.test(name)) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const documentType = DOCUMENT_TYPES[name.split('.').pop() ?? ''];
    if (documentType && DOCUMENT_NAME.test(name)) {
      res.writeHead(200, {
        'content-type': documentType,
        'content-disposition': `attachment; filename="${name}"`,
        'cache-control': 'no-store',
      });
      stream(file, res);
      return;
    }
    const ext = name.split('.').pop() ?? '';
    const type = Object.keys(TYPES).find((t) => TYPES[t] === ext) ?? 'application/octet-stream';
    res.writeHead(200, {
      'content-type': type,
      'cache-control': 'private, max-age=86400',
      'x-content-type-options': 'nosniff',
    });
    stream(file, res);
  }

  return { upload, serve };
}
