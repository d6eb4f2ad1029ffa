import { Pool, types } from 'pg';
import type { Database, Queryable } from './types';

// bigint ids and counts come back as JS numbers, as they do from PGlite.
types.setTypeParser(types.builtins.INT8, (value) => Number(value));

export async function openPostgres(connectionString: string, max = 10): Promise<Database> {
  const pool = new Pool({ connectionString, max });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const query: Queryable['query'] = async (sql, params = []) => {
    const result = await pool.query(sql, params as unknown[]);
    return result.rows;
  };
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
      try {
        await client.query('BEGIN');
        const result = await fn({
          query: async (sql, params = []) => (await client.query(sql, params as unknown[])).rows,
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: Error) => {
          broken ??= rollbackError;
        });
        throw error;
      } finally {
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
