import { mkdirSync } from 'node:fs';
import { PGlite, parse, protocol } from '@electric-sql/pglite';
import type { Database, Queryable } from './types';

// Data-changing and reading statements are kept as named prepared statements (plans cached);
// DDL, transaction control and anything else goes through PGlite's own query().
const PREPARABLE = /^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b/i;
const MAX_PREPARED = 500;

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * Embedded PostgreSQL (WASM). `dataDir` undefined keeps everything in memory (tests).
 *
 * PGlite runs in the bot's own thread, so per-statement overhead is throughput. Its `query()`
 * parses and plans every statement again, in six protocol round trips; here each distinct statement
 * is parsed once as a named prepared statement and then run with one bind/execute round trip
 * (≈ 3× cheaper). Parameters are serialised and results parsed with PGlite's own type handlers, as
 * `query()` does. One lock serialises statements and whole transactions, as PGlite's does.
 *
 * Durability: PGlite starts PostgreSQL with fsync off. A commit still writes its WAL to the operating
 * system before returning, so committed data survives the process being killed (SIGKILL), not a
 * power loss or kernel crash before the OS flushes (see README, Performance).
 */
export async function openPglite(dataDir?: string): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pg = new PGlite(dataDir);
  await pg.waitReady;

  let tail: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };

  const prepared = new Map<string, { name: string; types: number[] }>();
  let counter = 0;

  async function prepare(sql: string): Promise<{ name: string; types: number[] } | undefined> {
    const known = prepared.get(sql);
    if (known || !PREPARABLE.test(sql) || prepared.size >= MAX_PREPARED) return known;
    const name = `wendbaar_${(counter += 1)}`;
    const { messages } = await pg.runExclusive(() =>
      pg.execProtocol(concat([protocol.serialize.parse({ name, text: sql }), protocol.serialize.describe({ type: 'S', name }), protocol.serialize.sync()])),
    );
    const statement = { name, types: parse.parseDescribeStatementResults(messages) };
    prepared.set(sql, statement);
    return statement;
  }

  const BEGIN = protocol.serialize.query('BEGIN');
  /** Set when a transaction has started but BEGIN is not sent yet: it goes with the first statement. */
  let beginPending = false;

  /** One simple-protocol command (BEGIN, COMMIT, ROLLBACK) in one round trip; pg.exec() takes two. */
  async function command(sql: string): Promise<void> {
    await pg.runExclusive(() => pg.execProtocol(protocol.serialize.query(sql)));
  }

  /** One statement; the caller holds the lock. */
  async function run<T>(sql: string, params: readonly unknown[]): Promise<T[]> {
    const statement = await prepare(sql);
    if (!statement) {
      if (beginPending) {
        beginPending = false;
        await command('BEGIN');
      }
      return (await pg.query<T>(sql, params as unknown[])).rows;
    }
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const serialize = pg.serializers[statement.types[i]!];
      return serialize ? serialize(value) : String(value);
    });
    const begin = beginPending ? [BEGIN] : [];
    beginPending = false;
    const { messages } = await pg.runExclusive(() =>
      pg.execProtocol(
        concat([
          ...begin,
          protocol.serialize.bind({ statement: statement.name, values }),
          protocol.serialize.describe({ type: 'P' }),
          protocol.serialize.execute({}),
          protocol.serialize.sync(),
        ]),
      ),
    );
    return (parse.parseResults(messages, pg.parsers).at(-1)?.rows ?? []) as T[];
  }

  const inTransaction: Queryable = { query: (sql, params = []) => run(sql, params) };
  return {
    dialect: 'pglite',
    query: (sql, params = []) => exclusive(() => run(sql, params)),
    transaction: (fn) =>
      exclusive(async () => {
        beginPending = true;
        try {
          const result = await fn(inTransaction);
          if (!beginPending) await command('COMMIT');
          return result;
        } catch (error) {
          if (!beginPending) await command('ROLLBACK').catch(() => undefined);
          throw error;
        } finally {
          beginPending = false;
        }
      }),
    exec: (sql) =>
      exclusive(async () => {
        await pg.exec(sql);
      }),
    close: () => exclusive(() => pg.close()),
  };
}
