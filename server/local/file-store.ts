import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';

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
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BYTES) {
        reply(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: '图片不能超过 5 MB' } });
        req.destroy();
        return;
      }
      chunks.push(chunk as Buffer);
    }
    const body = Buffer.concat(chunks);
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
      createReadStream(file).pipe(res);
      return;
    }
    const ext = name.split('.').pop() ?? '';
    const type = Object.keys(TYPES).find((t) => TYPES[t] === ext) ?? 'application/octet-stream';
    res.writeHead(200, {
      'content-type': type,
      'cache-control': 'private, max-age=86400',
      'x-content-type-options': 'nosniff',
    });
    createReadStream(file).pipe(res);
  }

  return { upload, serve };
}
