import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { openDatabase, type Database } from '../../services/db';

/** Which database the suite runs on: the embedded one by default, PostgreSQL when asked. */
export const testDialect = (): 'pglite' | 'postgres' => (process.env.WENDBAAR_TEST_DB === 'postgres' ? 'postgres' : 'pglite');

export interface TestDatabase {
  db: Database;
  /** Connection string of the fresh PostgreSQL database (undefined on PGlite). */
  url?: string;
  /** Opens another connection pool on the same database, as a second replica would. */
  openAnother(): Promise<Database>;
  close(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env.WENDBAAR_TEST_PG_URL;
  if (!url) throw new Error('WENDBAAR_TEST_DB=postgres needs WENDBAAR_TEST_PG_URL (an admin connection string)');
  return url;
}

/** A fresh, migrated database per test file: in-memory PGlite, or a new PostgreSQL database. */
export async function openTestDatabase(): Promise<TestDatabase> {
  if (testDialect() === 'pglite') {
    const db = await openDatabase({});
    return {
      db,
      openAnother: async () => {
        throw new Error('A second replica needs PostgreSQL; run with WENDBAAR_TEST_DB=postgres');
      },
      close: () => db.close(),
    };
  }
  const admin = adminUrl();
  const name = `wendbaar_test_${randomBytes(6).toString('hex')}`;
  const client = new Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const dbUrl = url.toString();
  const db = await openDatabase({ databaseUrl: dbUrl });
  const others: Database[] = [];
  return {
    db,
    url: dbUrl,
    openAnother: async () => {
      const other = await openDatabase({ databaseUrl: dbUrl });
      others.push(other);
      return other;
    },
    async close() {
      await Promise.all([db, ...others].map((d) => d.close().catch(() => undefined)));
      const c = new Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
