import { Client } from 'pg';
import type { Queryable } from '../../services/db';
import type { Harness } from '../harness/harness';

/** A trap set on the harness's database; `restore` takes it off again. */
export interface Trap {
  restore(): void;
  sprung(): boolean;
}

export interface DatabaseOutage {
  takeAway(): Promise<void>;
  /** Brings it back once it was away for the outage's length. */
  bringBack(): Promise<void>;
  /** Connections allowed again at once (after each test, whatever happened in it). */
  allow(): Promise<void>;
  /**
   * Takes the database away right before the first statement inside a transaction that matches
   * `pattern`, after `skip` earlier matches (the turn or job is then half-way through its work), once.
   */
  trapInTransaction(pattern: RegExp, skip?: number): Trap;
  /** The same for a statement outside a transaction (the delivery sender's bookkeeping). */
  trapQuery(pattern: RegExp): Trap;
  close(): Promise<void>;
}

/**
 * Makes the harness's PostgreSQL database unavailable the way an operator or a fail-over does it:
 * new connections refused (ALLOW_CONNECTIONS false) and every open one terminated
 * (pg_terminate_backend, SQLSTATE 57P01).
 */
export async function databaseOutage(h: Harness, awayMs: number): Promise<DatabaseOutage> {
  const dbName = new URL(h.testDb!.url!).pathname.slice(1);
  const admin = new Client({ connectionString: process.env.WENDBAAR_TEST_PG_URL });
  await admin.connect();
  let awaySince = 0;

  async function takeAway(): Promise<void> {
    awaySince = Date.now();
    await admin.query(`ALTER DATABASE ${dbName} ALLOW_CONNECTIONS false`);
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [dbName]);
  }
  const allow = async () => {
    await admin.query(`ALTER DATABASE ${dbName} ALLOW_CONNECTIONS true`);
  };

  /** A hook for every statement: takes the database away before the matching one, once. */
  function springOnce(pattern: RegExp, skip: number) {
    let seen = 0;
    let sprung = false;
    return {
      before: async (sql: string) => {
        if (!sprung && pattern.test(sql) && seen++ >= skip) {
          sprung = true;
          await takeAway();
        }
      },
      sprung: () => sprung,
    };
  }

  return {
    takeAway,
    allow,
    async bringBack() {
      await new Promise((r) => setTimeout(r, Math.max(0, awaySince + awayMs - Date.now())));
      await allow();
    },
    trapInTransaction(pattern, skip = 0) {
      const original = h.db.transaction;
      const spring = springOnce(pattern, skip);
      h.db.transaction = <T>(fn: (tx: Queryable) => Promise<T>) =>
        original<T>((tx) =>
          fn({
            async query<R>(sql: string, params?: readonly unknown[]) {
              await spring.before(sql);
              return tx.query<R>(sql, params);
            },
          }),
        );
      return { restore: () => void (h.db.transaction = original), sprung: spring.sprung };
    },
    trapQuery(pattern) {
      const original = h.db.query;
      const spring = springOnce(pattern, 0);
      h.db.query = async <R>(sql: string, params?: readonly unknown[]) => {
        await spring.before(sql);
        return original.call(h.db, sql, params) as Promise<R[]>;
      };
      return { restore: () => void (h.db.query = original), sprung: spring.sprung };
    },
    async close() {
      await allow().catch(() => undefined);
      await admin.end();
    },
  };
}
