// @ts-check
'use strict';
/**
 * The embedded database's own thread (see pglite.ts for why and for the message protocol).
 *
 * Plain CommonJS on purpose: a worker thread loads its file directly, so one .js file runs the same
 * under jest and tsx (TypeScript sources) and from dist/ (copied there by scripts/copy-assets.js).
 *
 * PGlite is one session. Statements run one at a time in arrival order; while a transaction is open
 * only its own statements run, and everything else waits in the queue until it commits or rolls back.
 */
const { mkdirSync } = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');
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
  /** @type {{ dataDir?: string }} */
  const { dataDir } = workerData;
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
   * `tx`: the number of the transaction the request belongs to (begin, its statements, commit or
   * rollback); none for a statement of its own.
   * @typedef {{ id?: number; op: 'query' | 'begin' | 'commit' | 'rollback' | 'exec' | 'close'; sql?: string; params?: unknown[]; tx?: number }} Request
   */

  /** The transaction whose statements run now; undefined when none is open. */
  /** @type {number | undefined} */
  let open;
  /**
   * The open transaction's first failed statement. PostgreSQL answers COMMIT of a failed transaction
   * by rolling back without an error; the commit is refused with this error instead, so a caller that
   * caught a statement's error can never believe its transaction was stored.
   * @type {unknown}
   */
  let failure;

  /** @param {Request} request */
  async function handle(request) {
    if (request.tx !== undefined && request.op !== 'begin' && request.tx !== open) {
      throw new Error('this transaction has already ended; its statements must be awaited inside the transaction callback');
    }
    switch (request.op) {
      case 'query':
        try {
          return await run(/** @type {string} */ (request.sql), request.params ?? []);
        } catch (error) {
          if (request.tx !== undefined) failure ??= error;
          throw error;
        }
      case 'begin':
        open = request.tx;
        beginPending = true;
        failure = undefined;
        return undefined;
      case 'commit':
      case 'rollback': {
        const sent = !beginPending;
        const failed = failure;
        open = undefined;
        beginPending = false;
        failure = undefined;
        if (sent) await command(request.op === 'commit' && failed === undefined ? 'COMMIT' : 'ROLLBACK');
        if (request.op === 'commit' && failed !== undefined) throw failed;
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
  let pumping = false;

  /** The next request to run: the oldest, or while a transaction is open, that transaction's oldest. */
  function next() {
    if (open === undefined) return queue.shift();
    const i = queue.findIndex((request) => request.tx === open);
    return i < 0 ? undefined : queue.splice(i, 1)[0];
  }

  async function pump() {
    if (pumping) return;
    pumping = true;
    try {
      for (let request = next(); request; request = next()) {
        try {
          const rows = await handle(request);
          if (request.id !== undefined) parentPort?.postMessage({ id: request.id, rows });
        } catch (error) {
          if (request.id !== undefined) parentPort?.postMessage({ id: request.id, error: errorData(error) });
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
}

open().then(
  () => parentPort?.postMessage({ ready: true }),
  (error) => parentPort?.postMessage({ ready: false, error: errorData(error) }),
);
