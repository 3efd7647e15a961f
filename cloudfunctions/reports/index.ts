import {
  annualReportInput,
  downloadInput,
  exportInput,
  migrateInput,
  publicStatsInput,
  statsInput,
} from '../../src/domain/report-schemas';
import { action, createCloudFunction } from '../../server/runtime/cloud-function';
import { annualReport } from '../../server/services/annual-report';
import { downloadGeneratedFile } from '../../server/services/generated-files';
import { migrate } from '../../server/services/migrations';
import { exportOpinions } from '../../server/services/opinion-export';
import { publicStats, reportStats } from '../../server/services/reports';

/**
 * reports: the committee's figures (办复率, 解决率, 满意率 …) for a period, counted by the store,
 * the annual report as a .docx and the opinions of a period as .xlsx, each downloaded by its maker
 * alone (download); and, after a release, the
 * migration of stored documents the figures depend on.
 */
export const main = createCloudFunction('reports', {
  stats: action({ input: statsInput, access: 'user', run: reportStats }),
  publicStats: action({ input: publicStatsInput, access: 'public', run: publicStats }),
  annualReport: action({ input: annualReportInput, access: 'user', limit: 'reports.annualReport', run: annualReport }),
  exportOpinions: action({ input: exportInput, access: 'user', limit: 'reports.exportOpinions', run: exportOpinions }),
  download: action({ input: downloadInput, access: 'user', limit: 'reports.download', run: downloadGeneratedFile }),
  migrate: action({ input: migrateInput, access: 'user', limit: 'reports.migrate', run: migrate }),
});
