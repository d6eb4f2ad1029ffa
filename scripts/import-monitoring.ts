import { readFileSync } from 'node:fs';
import { ConfigError, loadConfig } from '../config';
import { openDatabase } from '../services/db';
import { ImportRejected, importMonitoringCsv } from '../services/monitoring/import';

/**
 * `npm run import:monitoring -- file.csv`: imports monitoring items from a CSV export of the
 * registration system (columns in services/monitoring/import.ts). All rows or none; rejected rows
 * are listed by line ("regel N").
 */
async function run(): Promise<number> {
  const file = process.argv[2];
  if (!file) {
    console.error('Usage: npm run import:monitoring -- <file.csv>');
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
    const result = await importMonitoringCsv(db, config, csv, 'import:monitoring');
    console.log(`Imported ${result.imported} monitoring items from ${file}.`);
    return 0;
  } catch (error) {
    if (error instanceof ImportRejected) {
      console.error(error.message);
      return 1;
    }
    throw error;
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
