import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { failure } from '../../src/domain/envelope';
import { readBody } from './read-body';
import { sendBeforeBodyEnds } from './replies';

const MAX_BYTES = 5 * 1024 * 1024;
const TYPES: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };
const NAME = /^[a-f0-9]{64}\.(jpg|png|webp)$/;
/** Generated documents (annual report, exports): served for download, never uploaded by users. */
const DOCUMENT = /^[a-z0-9-]{1,80}-[a-f0-9]{16}\.(docx|xlsx)$/;
const DOCUMENT_TYPES: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * The local stand-in for cloud storage: POST /files with an image as the body stores it under
 * the data directory, named by its SHA-256 (the same photo twice is one file), and answers
 * { ok, data: { fileId: 'local-files/<name>' } }; GET /files/<name> serves it.
 */
export function createLocalFileStore(dir: string) {
  mkdirSync(dir, { recursive: true });

  // A file that cannot be read after all cuts its answer short instead of throwing.
  const stream = (file: string, res: ServerResponse) =>
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);

  const reply = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
  };

  async function upload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const type =
      String(req.headers['content-type'] ?? '')
        .split(';')[0]
        ?.trim() ?? '';
    const ext = TYPES[type];
    if (!ext) {
      reply(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: '只能上传 JPG、PNG 或 WebP 图片' } });
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
      reply(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: '图片内容为空' } });
      return;
    }
    const name = `${createHash('sha256').update(body).digest('hex')}.${ext}`;
    const file = join(dir, name);
    if (!existsSync(file)) writeFileSync(file, body);
    reply(res, 200, { ok: true, data: { fileId: `local-files/${name}` } });
  }

  function serve(name: string, res: ServerResponse): void {
    const file = join(dir, name);
    if (!(NAME.test(name) || DOCUMENT.test(name)) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const documentType = DOCUMENT_TYPES[name.split('.').pop() ?? ''];
    if (documentType && DOCUMENT.test(name)) {
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
