import { formatImportReport, importWerkdruk } from '../services/caseload/import';
import { runCsvImportCli } from './csv-import-cli';

/**
 * `npm run import:werkdruk -- file.csv`: imports consulenten's workload figures from a CSV export
 * (columns in services/caseload/import.ts). All rows or none; rejected rows are listed by line.
 */
runCsvImportCli('import:werkdruk', async (db, config, csv) => {
  const report = await importWerkdruk(db, csv, config.office, new Date(), 'import:werkdruk');
  return { ok: report.rejected.length === 0, report: formatImportReport(report) };
});
