import { createScheduler } from '../../bot/scheduler';
import { enqueueDelivery } from '../../services/deliveries/enqueue';
import { claimDue } from '../../services/deliveries/store';
import type { ScheduledJob } from '../../services/scheduler/types';
import { startHarness, type Harness } from '../harness/harness';
import { countByText, fastSender, SAFETY_NET_MS, seedChannels, waitUntil } from './helpers';

jest.setTimeout(3 * 60_000);

const pgOnly = process.env.WENDBAAR_TEST_DB === 'postgres' ? describe : describe.skip;

pgOnly('two bot processes on one PostgreSQL database', () => {
  let h1: Harness;
  let h2: Harness;
  beforeAll(async () => {
    h1 = await startHarness();
    h2 = await startHarness({ db: await h1.testDb!.openAnother(), connector: h1.connector });
  });
  afterAll(async () => {
    await h2.close();
    await h1.close();
  });

  it('both senders work the queue and no idempotency key is posted twice', async () => {
    const [a, b] = [await fastSender(h1, { batchSize: 10 }), await fastSender(h2, { batchSize: 10 })];
    const channels = await seedChannels(h1.db, h1.connector.url, 10);
    h1.connector.fail({ rate: 0.05, status: 429, retryAfterSeconds: 0 });
    await h1.db.transaction(async (tx) => {
      for (let i = 0; i < 300; i++) await enqueueDelivery(tx, { kind: 'post', idempotencyKey: `dup:${i}`, conversationId: channels[i % 10]!, payload: { text: `dup:${i}` } });
    });
    const [openA, openB] = await Promise.all([a.settle(SAFETY_NET_MS), b.settle(SAFETY_NET_MS)]);
    expect(openA + openB).toBe(0);
    const counts = countByText(h1.connector.delivered('send').filter((c) => String(c.body?.text).startsWith('dup:')));
    expect(counts.size).toBe(300);
    expect([...counts.values()].filter((n) => n > 1)).toEqual([]);
    // Two senders, and still each channel got its posts in queue order.
    for (const id of channels) {
      const order = h1.connector.delivered('send').filter((c) => c.conversationId === id).map((c) => Number(String(c.body.text).split(':')[1]));
      expect(order).toEqual([...order].sort((x, y) => x - y));
    }
    const owners = await h1.db.query<{ leased_by: string }>(`SELECT DISTINCT leased_by FROM deliveries WHERE idempotency_key LIKE 'dup:%'`);
    expect(owners.length).toBe(2);
    await Promise.all([a.stop(), b.stop()]);
  });

  it('a claim that overlaps another replica\'s does not take a later post of a conversation whose earlier post the other holds', async () => {
    await Promise.all([h1.app.sender.stop(), h2.app.sender.stop()]);
    await h1.db.transaction(async (tx) => {
      for (const n of [1, 2]) await enqueueDelivery(tx, { kind: 'post', idempotencyKey: `overlap:${n}`, conversationId: '19:overlap@thread.tacv2', payload: { text: `overlap:${n}` } });
    });
    // Replica 1 has claimed the first post but not committed yet (a smaller batch than replica 2's
    // ends its claim earlier in the queue), when replica 2 claims: it must not send the second one.
    await h1.db.transaction(async (tx) => {
      expect((await claimDue(tx, 'replica-1', 1, 60_000, 4)).map((d) => d.idempotency_key)).toEqual(['overlap:1']);
      expect((await claimDue(h2.db, 'replica-2', 10, 60_000, 4)).map((d) => d.idempotency_key)).toEqual([]);
    });
    const rows = await h1.db.query<{ idempotency_key: string; status: string; attempts: number }>(`SELECT idempotency_key, status, attempts FROM deliveries WHERE idempotency_key LIKE 'overlap:%' ORDER BY id`);
    expect(rows).toEqual([
      { idempotency_key: 'overlap:1', status: 'sending', attempts: 1 },
      { idempotency_key: 'overlap:2', status: 'queued', attempts: 0 },
    ]);
    await h1.db.query(`DELETE FROM deliveries WHERE idempotency_key LIKE 'overlap:%'`);
  });

  it('runs each fire of the same node-cron schedule on exactly one replica', async () => {
    const runs: string[] = [];
    const job: ScheduledJob = { name: 'test.every-second', cron: () => '* * * * * *', run: async ({ fireTime }) => void runs.push(fireTime.toISOString()) };
    const s1 = createScheduler(h1.app.deps, [job], { catchUpMs: 0 });
    const s2 = createScheduler(h2.app.deps, [job], { catchUpMs: 0 });
    s1.start();
    s2.start();
    await waitUntil(() => runs.length >= 3, 'three fires ran');
    await Promise.all([s1.stop(), s2.stop()]);
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(new Set(runs).size).toBe(runs.length);
    const rows = await h1.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM cron_runs WHERE key LIKE 'test.every-second:%' AND finished_at IS NOT NULL`);
    expect(rows[0]!.n).toBe(runs.length);

    // fire() from both replicas at once: one wins.
    const at = new Date('2026-11-24T07:00:00Z');
    const results = await Promise.all([s1.fire(job.name, at), s2.fire(job.name, at)]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});

describe('scheduler catch-up', () => {
  it('runs a missed fire late, once, when the job ran before on this database', async () => {
    const h = await startHarness();
    const runs: string[] = [];
    const job: ScheduledJob = { name: 'test.minutely', cron: () => '* * * * *', run: async ({ fireTime }) => void runs.push(fireTime.toISOString()) };
    // Nothing ran before: no catch-up on a first deployment. A real minute boundary while it runs
    // would fire the job normally, so start clear of one. stop() waits for the start-up catch-up.
    const toNextMinute = 60_000 - (Date.now() % 60_000);
    if (toNextMinute < 1_500) await new Promise((r) => setTimeout(r, toNextMinute + 100));
    const first = createScheduler(h.app.deps, [job]);
    first.start();
    await first.stop();
    expect(runs).toEqual([]);
    // It ran an hour ago; the latest minute was missed (all replicas down): caught up once.
    await first.fire(job.name, new Date(Date.now() - 3_600_000));
    runs.length = 0;
    const [s1, s2] = [createScheduler(h.app.deps, [job]), createScheduler(h.app.deps, [job])];
    s1.start();
    s2.start();
    // stop() waits for both replicas' start-up catch-up, however long a busy machine takes.
    await Promise.all([s1.stop(), s2.stop()]);
    expect(runs.length).toBeGreaterThanOrEqual(1);
    expect(new Set(runs).size).toBe(runs.length);
    await h.close();
  });
});
