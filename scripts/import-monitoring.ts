import { ImportRejected, importMonitoringCsv } from '../services/monitoring/actions/import';
import { runCsvImportCli } from './csv-import-cli';

/**
 * `npm run import:monitoring -- file.csv`: imports monitoring items from a CSV export of the
 * registration system (columns in services/monitoring/actions/import.ts). All rows or none; rejected rows
 * are listed by line ("regel N").
 */
runCsvImportCli('import:monitoring', async (db, config, csv) => {
  try {
    const result = await importMonitoringCsv(db, config, csv, 'import:monitoring');
    return { ok: true, report: `Imported ${result.imported} monitoring items.` };
  } catch (error) {
    if (error instanceof ImportRejected) return { ok: false, report: error.message };
    throw error;
  }
});
