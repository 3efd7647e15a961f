import type { AuditEntry } from './store-types';

/** What a generated file holds: the opinions of a period, or the committee's annual report. */
export type GeneratedFileKind = 'opinions_export' | 'annual_report';

/** A file a function wrote to storage for one caller, and when it is to be deleted. */
export interface GeneratedFile {
  fileId: string;
  kind: GeneratedFileKind;
  /** The OPENID it was made for: the only person ever handed its id. */
  owner: string;
  createdAt: number;
  expiresAt: number;
}

/**
 * The register of generated files (exports with voters' phone numbers, annual reports): each is
 * recorded with the audit line of its making, and deleted from storage once it expires. Storage
 * itself cannot list its files on CloudBase, so the register is what the purge reads.
 */
export interface GeneratedFileStore {
  /** Record a file and the audit line of its making, in one transaction. */
  recordGeneratedFile(file: GeneratedFile, audit: AuditEntry): Promise<void>;
  /** One registered file (null once forgotten or never made). */
  getGeneratedFile(fileId: string): Promise<GeneratedFile | null>;
  /** Up to `limit` files whose `expiresAt` is at or before `now`, the earliest first. */
  listExpiredFiles(now: number, limit: number): Promise<GeneratedFile[]>;
  /** Drop these files from the register (once storage has deleted them), with one audit line. */
  forgetGeneratedFiles(fileIds: readonly string[], audit: AuditEntry): Promise<void>;
}
