import { existsSync } from 'node:fs';
import path from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { Database, Queryable } from './types';

/**
 * Embedded PostgreSQL (PGlite, WASM). `dataDir` undefined keeps everything in memory (tests).
 *
 * PGlite runs in its own worker thread (pglite-worker.js): its work (planning, executing, WAL
 * writes, protocol parsing) is a third to a half of a turn's CPU, and on the bot's own thread it
 * would queue behind HTTP and card work. In its thread it uses the second core, as a PostgreSQL
 * server would. Messages: { id, op, sql?, params? } in, { id, rows } or { id, error } out.
 *
 * PGlite is one session, so an open transaction blocks every other statement. A transaction's
 * statements therefore go on their own port, which the worker serves first, and the ones whose rows
 * the caller needs are waited for synchronously (Atomics.wait until the worker answers): the
 * transaction finishes within the current task instead of waiting behind other turns' HTTP work
 * between its statements. Writes without RETURNING are not waited for (their rows are always
 * empty); if one fails, the transaction's next statement or its commit throws that error and
 * everything rolls back, as it would have. The commit is awaited asynchronously.
 * Transactions take turns here.
 *
 * Durability: PGlite starts PostgreSQL with fsync off. A commit still writes its WAL to the operating
 * system before returning, so committed data survives the process being killed (SIGKILL), not a
 * power loss or kernel crash before the OS flushes (see README, Performance).
 */
type Op = 'query' | 'commit' | 'rollback' | 'exec' | 'close';
/** Far longer than any statement of a turn or job takes; only a dead worker gets here. */
const TRANSACTION_STATEMENT_TIMEOUT_MS = 60_000;
const WRITE_WITHOUT_ROWS = /^\s*(INSERT|UPDATE|DELETE)\b/i;
const RETURNING = /\bRETURNING\b/i;
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
  const { port1: txPort, port2: workerTxPort } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(path.join(__dirname, 'pglite-worker.js'), {
    workerData: { dataDir, txPort: workerTxPort, signal },
    transferList: [workerTxPort],
  });
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

  function call(op: Op, fields: { sql?: string; params?: readonly unknown[] } = {}): Promise<unknown[]> {
    if (stopped) return Promise.reject(stopped);
    const id = (nextId += 1);
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, op, ...fields });
    });
  }

  /** One transaction request, answered synchronously. */
  function callInTransaction(op: Op, fields: { sql?: string; params?: readonly unknown[] } = {}): unknown[] {
    if (stopped) throw stopped;
    const id = (nextId += 1);
    // Reset before asking: the worker sets it to 1 after posting this answer.
    Atomics.store(signal, 0, 0);
    txPort.postMessage({ id, op, ...fields });
    // Blocked here, this thread cannot hear that the worker died: give up after a while instead.
    const deadline = Date.now() + TRANSACTION_STATEMENT_TIMEOUT_MS;
    for (;;) {
      const received = receiveMessageOnPort(txPort);
      const reply = received?.message as { id: number; rows?: unknown[]; error?: ErrorData } | undefined;
      if (reply?.id === id) {
        if (reply.error) throw rebuild(reply.error);
        return reply.rows ?? [];
      }
      // (An answer to an earlier statement that timed out here is dropped.)
      if (reply) continue;
      if (Date.now() > deadline) throw new Error(`the embedded database did not answer within ${TRANSACTION_STATEMENT_TIMEOUT_MS / 1000} s`);
      Atomics.wait(signal, 0, 0, 1000);
    }
  }

  /** Runs `fn`; resolves once the commit is on its way, with the result and the commit's answer. */
  async function runTransaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<{ result: T; committed: Promise<unknown> }> {
    if (stopped) throw stopped;
    txPort.postMessage({ op: 'begin' });
    const inTransaction: Queryable = {
      query: async <R>(sql: string, params: readonly unknown[] = []) => {
        if (WRITE_WITHOUT_ROWS.test(sql) && !RETURNING.test(sql)) {
          txPort.postMessage({ op: 'query', sql, params, deferred: true });
          return [];
        }
        return callInTransaction('query', { sql, params }) as R[];
      },
    };
    let result: T;
    try {
      result = await fn(inTransaction);
    } catch (error) {
      txPort.postMessage({ op: 'rollback' });
      throw error;
    }
    const id = (nextId += 1);
    const committed = new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
    worker.ref();
    txPort.postMessage({ id, op: 'commit', async: true });
    return { result, committed };
  }

  let transactions: Promise<unknown> = Promise.resolve();

  return {
    dialect: 'pglite',
    query: <T>(sql: string, params: readonly unknown[] = []) => call('query', { sql, params }) as Promise<T[]>,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      // The next transaction may start as soon as this one's commit is sent: the worker keeps order.
      const run = transactions.then(() => runTransaction(fn));
      transactions = run.catch(() => undefined);
      const { result, committed } = await run;
      await committed;
      return result;
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
