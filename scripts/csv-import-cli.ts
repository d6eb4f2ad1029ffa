import { readFileSync } from 'node:fs';
import { ConfigError, loadConfig, type Config } from '../config';
import { openDatabase, type Database } from '../services/db';

export interface ImportOutcome {
  ok: boolean;
  /** English report for the operator: counts, or the rejected lines with reasons. */
  report: string;
}

/**
 * The shared shell of the CSV import commands: read the file named on the command line, open the
 * configured database, run the import (all rows or none), print the report. Exit codes: 0 imported,
 * 1 rejected, 2 usage or configuration error.
 */
export function runCsvImportCli(command: string, importCsv: (db: Database, config: Config, csv: string) => Promise<ImportOutcome>): void {
  const run = async (): Promise<number> => {
    const file = process.argv[2];
    if (!file) {
      console.error(`Usage: npm run ${command} -- <file.csv>`);
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
      const outcome = await importCsv(db, config, csv);
      (outcome.ok ? console.log : console.error)(outcome.report);
      return outcome.ok ? 0 : 1;
    } finally {
      await db.close();
    }
  };
  run().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof ConfigError ? error.message : error);
      process.exit(2);
    },
  );
}
