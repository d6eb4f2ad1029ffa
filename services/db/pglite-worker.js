// @ts-check
'use strict';
/**
 * The embedded database's own thread (see pglite.ts for why and for the message protocol).
 *
 * Plain CommonJS on purpose: a worker thread loads its file directly, so one .js file runs the same
 * under jest and tsx (TypeScript sources) and from dist/ (copied there by scripts/copy-assets.js).
 *
 * Statements run one at a time in arrival order. Transactions come on their own port and go first:
 * the bot's thread waits synchronously for those of their statements whose rows it needs, and while
 * one is open only its statements run; everything else waits until it commits or rolls back.
 */
const { mkdirSync } = require('node:fs');
const { parentPort, receiveMessageOnPort, workerData } = require('node:worker_threads');
const { PGlite, parse, protocol } = require('@electric-sql/pglite');

// Data-changing and reading statements are kept as named prepared statements (plans cached);
// DDL, transaction control and anything else goes through PGlite's own query().
const PREPARABLE = /^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b/i;
const MAX_PREPARED = 500;

/** @param {Uint8Array[]} parts */
function concat(parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** An error as plain data: message, name, stack and PostgreSQL's fields (code, detail, constraint…). */
function errorData(/** @type {any} */ error) {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), stack: undefined, fields: {} };
  return { name: error.name, message: error.message, stack: error.stack, fields: { ...error } };
}

async function open() {
  /** @type {{ dataDir?: string; txPort: import('node:worker_threads').MessagePort; signal: Int32Array }} */
  const { dataDir, txPort, signal } = workerData;
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pg = new PGlite(dataDir);
  await pg.waitReady;

  /** @type {Map<string, { name: string; types: number[] }>} */
  const prepared = new Map();
  let counter = 0;

  /**
   * PGlite's query() parses and plans every statement again, in six protocol round trips; here each
   * distinct statement is parsed once as a named prepared statement and then run with one
   * bind/execute round trip (≈ 3× cheaper). Parameters are serialised and results parsed with
   * PGlite's own type handlers, as query() does.
   * @param {string} sql
   */
  async function prepare(sql) {
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
  async function command(/** @type {string} */ sql) {
    await pg.runExclusive(() => pg.execProtocol(protocol.serialize.query(sql)));
  }

  /**
   * @param {string} sql
   * @param {readonly unknown[]} params
   */
  async function run(sql, params) {
    const statement = await prepare(sql);
    if (!statement) {
      if (beginPending) {
        beginPending = false;
        await command('BEGIN');
      }
      return (await pg.query(sql, /** @type {unknown[]} */ (params))).rows;
    }
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const serialize = pg.serializers[/** @type {number} */ (statement.types[i])];
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
    return parse.parseResults(messages, pg.parsers).at(-1)?.rows ?? [];
  }

  /**
   * `deferred`: a write whose result the caller does not wait for; a failure is kept and given to
   * the transaction's next statement or its commit. `async`: answer on the ordinary port.
   * @typedef {{ id?: number; op: 'query' | 'begin' | 'commit' | 'rollback' | 'exec' | 'close'; sql?: string; params?: unknown[]; deferred?: boolean; async?: boolean }} Request
   */

  /** The first failure of a deferred write in the open transaction. */
  /** @type {unknown} */
  let deferredFailure;

  /** @param {Request} request */
  async function handle(request) {
    switch (request.op) {
      case 'query':
        if (deferredFailure !== undefined) throw deferredFailure;
        try {
          return await run(/** @type {string} */ (request.sql), request.params ?? []);
        } catch (error) {
          if (request.deferred) deferredFailure = error;
          throw error;
        }
      case 'begin':
        beginPending = true;
        return undefined;
      case 'commit':
      case 'rollback': {
        const sent = !beginPending;
        const failure = deferredFailure;
        beginPending = false;
        deferredFailure = undefined;
        if (sent) await command(request.op === 'commit' && failure === undefined ? 'COMMIT' : 'ROLLBACK');
        if (request.op === 'commit' && failure !== undefined) throw failure;
        return undefined;
      }
      case 'exec':
        await pg.exec(/** @type {string} */ (request.sql));
        return undefined;
      case 'close':
        await pg.close();
        return undefined;
    }
  }

  /** @type {Request[]} */
  const queue = [];
  /** @type {Request[]} */
  const txQueue = [];
  let inTransaction = false;
  let pumping = false;

  /** Transaction requests that arrived while a statement ran, without waiting for the event loop. */
  function pollTransactions() {
    for (let m = receiveMessageOnPort(txPort); m; m = receiveMessageOnPort(txPort)) txQueue.push(m.message);
  }

  /** Answers a transaction statement: the bot's thread is blocked in Atomics.wait until notified. */
  function answerTransaction(/** @type {object} */ reply) {
    txPort.postMessage(reply);
    Atomics.store(signal, 0, 1);
    Atomics.notify(signal, 0);
  }

  async function pump() {
    if (pumping) return;
    pumping = true;
    try {
      for (;;) {
        pollTransactions();
        const fromTx = txQueue.length > 0 || inTransaction;
        const request = fromTx ? txQueue.shift() : queue.shift();
        if (!request) break;
        if (request.op === 'begin') inTransaction = true;
        if (request.op === 'commit' || request.op === 'rollback') inTransaction = false;
        const answer = fromTx && !request.async ? answerTransaction : (/** @type {object} */ reply) => parentPort?.postMessage(reply);
        try {
          const rows = await handle(request);
          if (request.id !== undefined) answer({ id: request.id, rows });
        } catch (error) {
          if (request.id !== undefined) answer({ id: request.id, error: errorData(error) });
        }
      }
    } finally {
      pumping = false;
    }
  }

  parentPort?.on('message', (/** @type {Request} */ request) => {
    queue.push(request);
    void pump();
  });
  txPort.on('message', (/** @type {Request} */ request) => {
    txQueue.push(request);
    void pump();
  });
}

open().then(
  () => parentPort?.postMessage({ ready: true }),
  (error) => parentPort?.postMessage({ ready: false, error: errorData(error) }),
);
