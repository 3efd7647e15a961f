import type { MigrationProgress } from '../migration-progress';
import { annualReportInput, exportInput, migrateInput, publicStatsInput, statsInput } from '../report-schemas';
import type { PublicStatsView, StatsView } from '../report-views';
import { defineActions, returns } from './action-spec';

/** A file written for the caller: where to download it now, and its storage id. */
export interface WrittenFile {
  url: string;
  fileId: string;
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
 * .docx and a period's opinions as .xlsx; and, after a release, the migration of stored documents.
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
  migrate: { input: migrateInput, access: 'user', limit: 'reports.migrate', output: returns<MigrationProgress>() },
});
