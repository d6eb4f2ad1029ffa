import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../config';
import { createAdapter } from '../../bot/adapter';
import { createDeliverySender, type DeliverySender, type DeliverySenderOptions } from '../../bot/delivery-sender';
import { roleSettingsFromEnv } from '../../services/authz';
import { systemClock } from '../../services/clock';
import { openDatabase, type Database } from '../../services/db';
import { enqueueDelivery } from '../../services/deliveries/enqueue';
import { createLogger } from '../../services/logger';
import { createMetrics } from '../../services/metrics';
import { FakeConnector } from '../harness/fake-connector';
import { openTestDatabase, testDialect, type TestDatabase } from '../harness/test-db';
import { countByText, FAST_LIMITS, SAFETY_NET_MS, seedChannels } from './helpers';

/**
 * Issue 3, "a process killed (SIGKILL) in the middle of a batch leaves nothing lost". A child
 * process (test/delivery/sender-worker.ts) opens the same database as this test and works the queue
 * against the fake Bot Connector run here; it gets `kill -9` after some posts arrived. A new sender
 * then finishes the rest once the dead process's lease expired.
 *
 * Scaled down: the lease is 3 s instead of 60 s and the child is throttled to 40 posts/s so that a
 * batch is still in flight when it dies; the mechanism (lease expiry, re-claim) is the same.
 * On PGlite the data folder is handed over: only one process may open it, so this side closes it
 * before the child starts and reopens it after the kill.
 */
jest.setTimeout(4 * 60_000);

const ROOT = path.resolve(__dirname, '../..');
const WORKER = path.join(__dirname, 'sender-worker.ts');
/** Calls the killed sender may have in flight; the duplicate window is at most one per lane. */
const CHILD_CONCURRENCY = 8;
const LEASE = { leaseMs: 3_000, sendTimeoutMs: 1_000 } satisfies DeliverySenderOptions;

interface Store {
  db: Database;
  reopen(): Promise<Database>;
  childEnv: Record<string, string>;
  /** PGlite: the folder must be free before the child opens it. */
  handOver(): Promise<void>;
  close(): Promise<void>;
}

async function openStore(): Promise<Store> {
  if (testDialect() === 'postgres') {
    const testDb: TestDatabase = await openTestDatabase();
    return {
      db: testDb.db,
      reopen: async () => testDb.db,
      childEnv: { WORKER_DATABASE_URL: testDb.url! },
      handOver: async () => undefined,
      close: () => testDb.close(),
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'wendbaar-sigkill-'));
  const dataDir = path.join(dir, 'db');
  const store: Store = {
    db: await openDatabase({ dataDir }),
    async reopen() {
      store.db = await openDatabase({ dataDir });
      return store.db;
    },
    childEnv: { WORKER_DATA_DIR: dataDir },
    handOver: () => store.db.close(),
    async close() {
      await store.db.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return store;
}

/** A sender in this process, as a restarted bot would run it. */
function restartedSender(db: Database): DeliverySender {
  const config = loadConfig({ LOG_LEVEL: 'silent', WENDBAAR_SENDER_INTERVAL_MS: '20' });
  const log = createLogger('silent');
  const deps = { config, db, clock: systemClock, log, metrics: createMetrics(), roles: roleSettingsFromEnv(config.env), kickDeliveries: () => undefined };
  return createDeliverySender(deps, createAdapter(config, log), { owner: 'restarted', ...LEASE, limits: FAST_LIMITS, backoffBaseMs: 20, backoffMaxMs: 300 });
}

function startWorker(env: Record<string, string>): { child: ChildProcess; exited: Promise<NodeJS.Signals | number | null>; output: () => string } {
  let output = '';
  const options: DeliverySenderOptions = {
    ...LEASE,
    concurrency: CHILD_CONCURRENCY,
    // Slow enough that posts are still in flight when the kill comes.
    limits: { perConversation: FAST_LIMITS.perConversation, perApp: [{ capacity: CHILD_CONCURRENCY, perSecond: 40 }] },
  };
  // `node --import tsx` rather than the tsx binary: one process, so SIGKILL leaves no grandchild sending on.
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER], {
    cwd: ROOT,
    env: { ...process.env, ...env, WORKER_OPTIONS: JSON.stringify(options) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  return { child, exited, output: () => output };
}

interface Outcome {
  arrivedBeforeKill: number;
  inFlightAtKill: number;
  duplicates: number;
  counts: Map<string, number>;
}

async function killMidBatch(keys: Array<{ key: string; channel: number }>, channelCount: number, killAfter: number): Promise<Outcome> {
  const connector = await new FakeConnector().start();
  const store = await openStore();
  try {
    const channels = await seedChannels(store.db, connector.url, channelCount);
    await store.db.transaction(async (tx) => {
      for (const { key, channel } of keys) await enqueueDelivery(tx, { kind: 'post', idempotencyKey: key, conversationId: channels[channel]!, payload: { text: key } });
    });
    await store.handOver();

    const worker = startWorker(store.childEnv);
    let exitedEarly: unknown;
    void worker.exited.then((how) => (exitedEarly = how));
    const deadline = Date.now() + SAFETY_NET_MS;
    while (connector.delivered('send').length < killAfter) {
      if (exitedEarly !== undefined) throw new Error(`worker exited (${String(exitedEarly)}) before the kill: ${worker.output()}`);
      if (Date.now() > deadline) {
        worker.child.kill('SIGKILL');
        throw new Error(`worker sent only ${connector.delivered('send').length} posts in time: ${worker.output()}`);
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    worker.child.kill('SIGKILL');
    expect(await worker.exited).toBe('SIGKILL');
    const arrivedBeforeKill = connector.delivered('send').length;
    // Mid-batch: not everything went out.
    expect(arrivedBeforeKill).toBeLessThan(keys.length);

    const db = await store.reopen();
    const [inFlight] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM deliveries WHERE status = 'sending' AND leased_by = 'doomed-worker'`);
    const sender = restartedSender(db);
    // Waits out the dead worker's lease (3 s here), then sends the rest.
    expect(await sender.settle(SAFETY_NET_MS)).toBe(0);
    await sender.stop();

    const counts = countByText(connector.delivered('send'));
    const rows = await db.query<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM deliveries GROUP BY status`);
    expect(rows).toEqual([{ status: 'sent', n: keys.length }]);
    const duplicates = [...counts.values()].reduce((sum, n) => sum + n - 1, 0);
    return { arrivedBeforeKill, inFlightAtKill: inFlight!.n, duplicates, counts };
  } finally {
    await store.close();
    await connector.stop();
  }
}

describe(`SIGKILL in the middle of a delivery batch (${testDialect()})`, () => {
  it('loses nothing of 200 posts to 20 channels; duplicates are at most the in-flight calls', async () => {
    const keys = Array.from({ length: 200 }, (_, i) => ({ key: `sigkill:${i}`, channel: i % 20 }));
    const outcome = await killMidBatch(keys, 20, 60);
    for (const { key } of keys) expect(outcome.counts.get(key) ?? 0).toBeGreaterThanOrEqual(1);
    console.log(
      `SIGKILL test (${testDialect()}): ${outcome.arrivedBeforeKill}/200 arrived before the kill, ${outcome.inFlightAtKill} leased by the dead process, ` +
        `${outcome.duplicates} duplicate post(s) after restart (allowed: ≤ ${CHILD_CONCURRENCY} in flight)`,
    );
    expect(outcome.duplicates).toBeLessThanOrEqual(CHILD_CONCURRENCY);
  });

  it('an announcement to 50 channels killed half-way reaches every channel', async () => {
    const keys = Array.from({ length: 50 }, (_, i) => ({ key: `announcement:1:channel-${i}`, channel: i }));
    const outcome = await killMidBatch(keys, 50, 20);
    expect(outcome.counts.size).toBe(50);
    console.log(`SIGKILL announcement (${testDialect()}): ${outcome.arrivedBeforeKill}/50 before the kill, ${outcome.duplicates} duplicate(s)`);
    expect(outcome.duplicates).toBeLessThanOrEqual(CHILD_CONCURRENCY);
  });
});
