import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Database, Queryable } from './types';

/**
 * Embedded PostgreSQL (PGlite, WASM). `dataDir` undefined keeps everything in memory (tests).
 *
 * PGlite runs in its own worker thread (pglite-worker.js): its work (planning, executing, WAL
 * writes, protocol parsing) is a large part of a turn's CPU, and on the bot's own thread it would
 * hold up HTTP and card work (and the event loop) while it runs. In its thread it uses the second
 * core, as a PostgreSQL server would. Every statement is awaited asynchronously; this thread never
 * waits for the worker. Messages: { id, op, sql?, params?, tx? } in, { id, rows } or { id, error } out.
 *
 * PGlite is one session shared by every caller. A transaction's messages carry its number, and
 * while it is open the worker runs only those; other callers' statements wait in the worker's queue
 * until it commits or rolls back. Transactions take turns here. Every statement of a transaction is
 * awaited, so a failing one rejects where it was issued; the transaction then rolls back, and its
 * commit is refused with that error even if the callback caught it.
 *
 * Durability: PGlite starts PostgreSQL with fsync off. A commit still writes its WAL to the operating
 * system before returning, so committed data survives the process being killed (SIGKILL), not a
 * power loss or kernel crash before the OS flushes (see README, Performance).
 */
type Op = 'query' | 'begin' | 'commit' | 'rollback' | 'exec' | 'close';
interface ErrorData {
  name: string;
  message: string;
  stack?: string;
  fields: Record<string, unknown>;
}
type Reply = { id: number; rows?: unknown[]; error?: ErrorData } | { ready: boolean; error?: ErrorData };

/** The worker's error with its PostgreSQL fields (code, detail, constraint…), thrown here. */
function rebuild(data: ErrorData): Error {
  const error = Object.assign(new Error(data.message), data.fields);
  error.name = data.name;
  if (data.stack) error.stack = `${data.stack}\n    (in the embedded database thread)`;
  return error;
}

export async function openPglite(dataDir?: string): Promise<Database> {
  // Creating a data folder (initdb) grows PGlite's WebAssembly memory by hundreds of megabytes,
  // which WebAssembly never gives back; the new folder is therefore closed and opened again, which
  // starts small (once, ≈ 0.3 s).
  if (dataDir && !existsSync(path.join(dataDir, 'PG_VERSION'))) await (await startPglite(dataDir)).close();
  return startPglite(dataDir);
}

async function startPglite(dataDir?: string): Promise<Database> {
  const worker = new Worker(path.join(__dirname, 'pglite-worker.js'), { workerData: { dataDir } });
  const pending = new Map<number, { resolve: (rows: unknown[]) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let stopped: Error | undefined;

  const ready = new Promise<void>((resolve, reject) => {
    const stop = (error: Error) => {
      stopped ??= error;
      for (const call of pending.values()) call.reject(stopped);
      pending.clear();
      reject(stopped);
    };
    worker.on('message', (reply: Reply) => {
      if ('ready' in reply) {
        if (reply.ready) resolve();
        else stop(rebuild(reply.error!));
        return;
      }
      const call = pending.get(reply.id);
      if (!call) return;
      pending.delete(reply.id);
      // An idle database must not keep the process alive (tests, CLI scripts that forget close()).
      if (pending.size === 0) worker.unref();
      if (reply.error) call.reject(rebuild(reply.error));
      else call.resolve(reply.rows ?? []);
    });
    worker.on('error', (error) => stop(error));
    // An answer this thread could not read (it cannot tell whose): fail what waits rather than hang.
    worker.on('messageerror', (error) => {
      for (const call of pending.values()) call.reject(error);
      pending.clear();
    });
    worker.on('exit', (code) => stop(new Error(`the embedded database thread stopped (exit code ${code})`)));
  });
  await ready;
  worker.unref();

  function call(op: Op, fields: { sql?: string; params?: readonly unknown[]; tx?: number } = {}): Promise<unknown[]> {
    if (stopped) return Promise.reject(stopped);
    const id = (nextId += 1);
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, op, ...fields });
    });
  }

  let transactions = 0;
  /** Settles when the transaction before has sent its commit or rollback. */
  let turn: Promise<void> = Promise.resolve();

  /**
   * Runs `fn` in transaction number `tx` once the one before has finished. The worker keeps the
   * order of what it is sent, so the next transaction may start as soon as this one's commit or
   * rollback is on its way; `release` lets it.
   */
  async function runTransaction<T>(fn: (tx: Queryable) => Promise<T>, release: () => void): Promise<T> {
    if (stopped) {
      release();
      throw stopped;
    }
    const tx = (transactions += 1);
    // No answer needed: BEGIN travels with the transaction's first statement.
    worker.postMessage({ op: 'begin', tx });
    let result: T;
    try {
      result = await fn({ query: <R>(sql: string, params: readonly unknown[] = []) => call('query', { sql, params, tx }) as Promise<R[]> });
    } catch (error) {
      const rollback = call('rollback', { tx });
      release();
      await rollback.catch(() => undefined);
      throw error;
    }
    const commit = call('commit', { tx });
    release();
    await commit;
    return result;
  }

  return {
    dialect: 'pglite',
    query: <T>(sql: string, params: readonly unknown[] = []) => call('query', { sql, params }) as Promise<T[]>,
    transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const before = turn;
      let release!: () => void;
      turn = new Promise((resolve) => (release = resolve));
      return before.then(() => runTransaction(fn, release));
    },
    exec: async (sql) => {
      await call('exec', { sql });
    },
    async close() {
      if (!stopped) await call('close').catch(() => undefined);
      await worker.terminate();
    },
  };
}
