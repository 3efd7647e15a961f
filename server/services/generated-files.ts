import type { Clock } from '../../src/domain/dates';
import { AppError } from '../../src/domain/errors';
import type { FileStorage } from '../ports/documents';
import type { GeneratedFileKind } from '../ports/generated-file-store';
import type { Store } from '../ports/store';
import type { AuditEntry } from '../ports/store-types';
import { requireOpenid } from './actor';
import type { ServiceContext } from './context';

/**
 * How long a generated file lives. An export holds voters' phone numbers and is made to be
 * downloaded there and then: after an hour it is deleted from storage, whatever link to it
 * was handed out (on CloudBase a public-read file's link would otherwise never expire).
 */
export const GENERATED_FILE_TTL_MS = 60 * 60 * 1000;

/** How long a download link works: long enough to start the download, no longer. */
const LINK_SECONDS = 300;

/** Files deleted per purge run: one storage request and one transaction each run. */
const PURGE_BATCH = 50;

export interface GeneratedFileRequest {
  name: string;
  bytes: Uint8Array;
  contentType: string;
  kind: GeneratedFileKind;
  /** Who asked for it: the audit line's actor and the file's owner. */
  owner: string;
  /** What the audit line says of it (action, target, detail); the file id is added. */
  audit: Omit<AuditEntry, 'at' | 'actor'>;
}

/**
 * Put a generated file in storage for the one caller who asked, register it to be deleted
 * GENERATED_FILE_TTL_MS later, and audit its making (one transaction with the register).
 */
export async function saveGeneratedFile(
  deps: { store: Store; files: FileStorage; clock: Clock },
  request: GeneratedFileRequest,
): Promise<{ fileId: string; expiresAt: number }> {
  const saved = await deps.files.save(request.name, request.bytes, request.contentType);
  const now = deps.clock.now();
  const expiresAt = now + GENERATED_FILE_TTL_MS;
  await deps.store.recordGeneratedFile(
    { fileId: saved.fileId, kind: request.kind, owner: request.owner, createdAt: now, expiresAt },
    {
      ...request.audit,
      at: now,
      actor: request.owner,
      detail: { ...request.audit.detail, fileId: saved.fileId, expiresAt },
    },
  );
  return { fileId: saved.fileId, expiresAt };
}

/**
 * reports.download: the one caller a generated file was made for gets a link to it, valid for
 * LINK_SECONDS (never past the file's own expiry), and each download is audited. Anyone else,
 * and the owner once the file has expired, gets NOT_FOUND: whether a file id exists is not told.
 */
export async function downloadGeneratedFile(
  input: { fileId: string },
  ctx: ServiceContext,
): Promise<{ fileId: string; url: string; expiresAt: number }> {
  const openid = requireOpenid(ctx);
  const now = ctx.clock.now();
  const file = await ctx.store.getGeneratedFile(input.fileId);
  if (!file || file.owner !== openid || file.expiresAt <= now) {
    throw new AppError('NOT_FOUND', '文件不存在或已过期，请重新生成');
  }
  const seconds = Math.max(1, Math.min(LINK_SECONDS, Math.floor((file.expiresAt - now) / 1000)));
  const url = await ctx.files.link(file.fileId, seconds);
  await ctx.store.appendAudit({
    at: now,
    actor: openid,
    action: 'reports.download',
    targetType: 'generated_file',
    targetId: file.fileId,
    detail: { kind: file.kind },
  });
  return { fileId: file.fileId, url, expiresAt: file.expiresAt };
}

/**
 * The scheduler's purge: delete from storage the generated files whose time is up, then drop
 * them from the register with one audit line. A storage failure leaves them registered, so the
 * next run tries again.
 */
export async function purgeGeneratedFiles(deps: {
  store: Store;
  files: FileStorage;
  clock: Clock;
}): Promise<{ deleted: number }> {
  const now = deps.clock.now();
  let deleted = 0;
  for (;;) {
    const expired = await deps.store.listExpiredFiles(now, PURGE_BATCH);
    if (expired.length === 0) return { deleted };
    const fileIds = expired.map((f) => f.fileId);
    await deps.files.remove(fileIds);
    await deps.store.forgetGeneratedFiles(fileIds, {
      at: now,
      actor: 'system',
      action: 'files.purge',
      targetType: 'generated_files',
      targetId: 'expired',
      detail: { fileIds },
    });
    deleted += fileIds.length;
    if (expired.length < PURGE_BATCH) return { deleted };
  }
}
