import { openPglite } from './pglite';
import { openPostgres } from './postgres';
import { migrate } from './migrate';
import type { Database } from './types';

export interface DatabaseOptions {
  databaseUrl?: string;
  /** Embedded data folder; undefined with no URL means in-memory. */
  dataDir?: string;
}

/** Opens PostgreSQL when a URL is given, the embedded database otherwise, and migrates it. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const db = options.databaseUrl ? await openPostgres(options.databaseUrl) : await openPglite(options.dataDir);
  await migrate(db);
  return db;
}

export type { Database, Queryable } from './types';
export { migrate, migrationsPending } from './migrate';
