import type { CounterRecount } from '../figure-counters';
import type { MigrationProgress } from '../migration-progress';
import {
  annualReportInput,
  downloadInput,
  exportInput,
  migrateInput,
  publicStatsInput,
  recountInput,
  statsInput,
} from '../report-schemas';
import type { PublicStatsView, StatsView } from '../report-views';
import { defineActions, returns } from './action-spec';

/**
 * A file written for the caller: its storage id, and when it is deleted. There is no link: its
 * maker asks reports.download for one each time (server/services/generated-files.ts).
 */
export interface WrittenFile {
  fileId: string;
  expiresAt: number;
}

/** reports.download: a link to the caller's own file, good for a few minutes. */
export interface FileLink extends WrittenFile {
  url: string;
}

/** reports.annualReport: the .docx and the figures it was written from, counted up to `asOf`. */
export interface AnnualReportWritten extends WrittenFile {
  year: number;
  asOf: string;
  totals: StatsView;
}

/** reports.exportOpinions: the .xlsx and how many opinions it lists. */
export interface OpinionsExported extends WrittenFile {
  rows: number;
}

/**
 * reports: the committee's figures for a period, counted by the store, the annual report as a
 * .docx and a period's opinions as .xlsx, each downloaded by its maker alone; after a release, the
 * migration of stored documents; and a month's counters checked (and repaired) against its opinions.
 */
export const reportsActions = defineActions('reports', {
  stats: { input: statsInput, access: 'user', output: returns<StatsView>() },
  publicStats: { input: publicStatsInput, access: 'public', output: returns<PublicStatsView>() },
  annualReport: {
    input: annualReportInput,
    access: 'user',
    limit: 'reports.annualReport',
    output: returns<AnnualReportWritten>(),
  },
  exportOpinions: {
    input: exportInput,
    access: 'user',
    limit: 'reports.exportOpinions',
    output: returns<OpinionsExported>(),
  },
  download: { input: downloadInput, access: 'user', limit: 'reports.download', output: returns<FileLink>() },
  migrate: { input: migrateInput, access: 'user', limit: 'reports.migrate', output: returns<MigrationProgress>() },
  recount: { input: recountInput, access: 'user', limit: 'reports.recount', output: returns<CounterRecount>() },
});
