import { reportsActions } from '../../src/domain/actions/reports';
import { createCloudFunction } from '../../server/runtime/cloud-function';
import { documentsEdge } from '../../server/runtime/document-edges';
import { writeAnnualReport } from '../../server/services/annual-report';
import { downloadGeneratedFile } from '../../server/services/generated-files';
import { migrateDocuments, recountCounters } from '../../server/services/migrations';
import { exportOpinions } from '../../server/services/opinion-export';
import { getPublicStats, getStats } from '../../server/services/reports';

/** reports (src/domain/actions/reports.ts): the committee's figures, the annual report, exports and their downloads, migrations, counter recounts. */
export const main = createCloudFunction(
  reportsActions,
  {
    stats: getStats,
    publicStats: getPublicStats,
    annualReport: writeAnnualReport,
    exportOpinions,
    download: downloadGeneratedFile,
    migrate: migrateDocuments,
    recount: recountCounters,
  },
  documentsEdge,
);
