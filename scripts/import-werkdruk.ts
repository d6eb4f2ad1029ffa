import { readFileSync } from 'node:fs';
import { ConfigError, loadConfig } from '../config';
import { formatImportReport, importWerkdruk } from '../services/caseload/import';
import { openDatabase } from '../services/db';

/**
 * `npm run import:werkdruk -- file.csv`: imports consulenten's workload figures from a CSV export
 * (columns in services/caseload/import.ts). All rows or none; rejected rows are listed by line.
 */
async function run(): Promise<number> {
  const file = process.argv[2];
  if (!file) {
    console.error('Usage: npm run import:werkdruk -- <file.csv>');
    return 2;
  }
  let csv: string;
  try {
    csv = readFileSync(file, 'utf8');
  } catch (error) {
    console.error(`Cannot read ${file}: ${(error as Error).message}`);
    return 2;
  }
  const config = loadConfig(process.env);
  const db = await openDatabase({ databaseUrl: config.env.DATABASE_URL, dataDir: config.env.WENDBAAR_DATA_DIR });
  try {
    const report = await importWerkdruk(db, csv, config.office, new Date(), 'import:werkdruk');
    const text = formatImportReport(report);
    if (report.rejected.length > 0) {
      console.error(text);
      return 1;
    }
    console.log(text);
    return 0;
  } finally {
    await db.close();
  }
}

run().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(2);
  },
);
