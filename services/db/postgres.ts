import { createHash } from 'node:crypto';
import { Pool, types, type QueryConfig } from 'pg';
import type { Database, Queryable } from './types';

// bigint ids and counts come back as JS numbers, as they do from PGlite.
types.setTypeParser(types.builtins.INT8, (value) => Number(value));

// Data statements become named prepared statements: each connection parses and plans them once
// (node-postgres remembers per connection which names it prepared). DDL and the rest run as is.
const PREPARABLE = /^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b/i;
const names = new Map<string, string>();
let generation = 0;

function statement(sql: string, params: readonly unknown[]): string | QueryConfig {
  if (!PREPARABLE.test(sql)) return sql;
  let name = names.get(sql);
  if (!name) {
    name = `wb_${createHash('sha1').update(sql).digest('hex').slice(0, 16)}_${generation}`;
    if (names.size < 2000) names.set(sql, name);
  }
  return { name, text: sql, values: params as unknown[] };
}

/** 0A000: "cached plan must not change result type" — another replica's migration changed a table under a prepared `SELECT *`. */
const PLAN_CHANGED = '0A000';

/** Runs a statement prepared when it can be, prepared anew when its cached plan went stale. */
async function run(client: Pick<Pool, 'query'>, sql: string, params: readonly unknown[]) {
  const prepared = statement(sql, params);
  if (typeof prepared === 'string') return client.query(sql, params as unknown[]);
  try {
    return await client.query(prepared);
  } catch (error) {
    if ((error as { code?: string }).code !== PLAN_CHANGED) throw error;
    // Every connection prepared the old shape under the old names: new names make them prepare anew.
    generation += 1;
    names.clear();
    return client.query(statement(sql, params));
  }
}

export async function openPostgres(connectionString: string, max = 10): Promise<Database> {
  const pool = new Pool({ connectionString, max });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const query: Queryable['query'] = async (sql, params = []) => (await run(pool, sql, params)).rows;
  return {
    dialect: 'postgres',
    query,
    async transaction(fn) {
      const client = await pool.connect();
      // A checked-out client whose connection is cut between two statements (database restarted or
      // terminated) emits 'error'; unhandled, that would crash the process. The next statement
      // fails instead, the transaction is rolled back by the server, and the client is discarded.
      let broken: Error | undefined;
      const onError = (error: Error) => {
        broken = error;
      };
      client.on('error', onError);
      // PostgreSQL answers COMMIT of a transaction whose statement failed by rolling back without an
      // error: that first failure is thrown instead, even when the callback caught it.
      let failure: unknown;
      let ended = false;
      try {
        await client.query('BEGIN');
        const result = await fn({
          query: async (sql, params = []) => {
            // The client goes back to the pool afterwards: a late statement would run outside the transaction.
            if (ended) throw new Error('this transaction has already ended; its statements must be awaited inside the transaction callback');
            try {
              return (await run(client, sql, params)).rows;
            } catch (error) {
              failure ??= error;
              throw error;
            }
          },
        });
        if (failure !== undefined) throw failure;
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: Error) => {
          broken ??= rollbackError;
        });
        throw error;
      } finally {
        ended = true;
        client.off('error', onError);
        // Passing an error makes the pool destroy the connection instead of reusing it.
        client.release(broken);
      }
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
}
