import { annualReportInput, statsInput } from '../../src/domain/report-schemas';
import { action, createCloudFunction } from '../../server/runtime/cloud-function';
import { annualReport } from '../../server/services/annual-report';
import { reportStats } from '../../server/services/reports';

/**
 * reports: the committee's figures (办复率, 解决率, 满意率 …) for a period, counted by the store,
 * and the annual report as a .docx.
 */
export const main = createCloudFunction('reports', {
  stats: action({ input: statsInput, access: 'user', run: reportStats }),
  annualReport: action({ input: annualReportInput, access: 'user', run: annualReport }),
});
