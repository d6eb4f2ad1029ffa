import { botInstalled, teams } from '../fixtures/activities';
import { startHarness, type Harness } from '../harness/harness';
import { enqueueDelivery } from '../../services/deliveries/enqueue';
import { listDeliveries, retryDelivery } from '../../services/deliveries/store';
import { upsertConversation } from '../../services/conversations/store';
import { channelId, countByText, fastSender, SAFETY_NET_MS, seedChannels } from './helpers';

jest.setTimeout(3 * 60_000);

describe('proactive delivery', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });
  beforeEach(() => h.connector.reset());

  it('delivers 500 posts to 20 channels exactly once while Teams answers 10% 429 and 5% 500', async () => {
    const sender = await fastSender(h);
    const channels = await seedChannels(h.db, h.connector.url, 20);
    h.connector.seed(7);
    h.connector.fail({ rate: 0.05, status: 429, retryAfterSeconds: 0 });
    h.connector.fail({ rate: 0.053, status: 429, retryAfterSeconds: 1 });
    h.connector.fail({ rate: 0.053, status: 500 });
    await h.db.transaction(async (tx) => {
      for (let i = 0; i < 500; i++) {
        const key = `bulk:${i}`;
        await enqueueDelivery(tx, { kind: 'post', idempotencyKey: key, conversationId: channels[i % 20]!, payload: { text: key } });
      }
      // The same key again is a no-op.
      expect(await enqueueDelivery(tx, { kind: 'post', idempotencyKey: 'bulk:0', conversationId: channels[0]!, payload: { text: 'bulk:0' } })).toBeNull();
    });
    expect(await sender.settle(SAFETY_NET_MS)).toBe(0);

    const sent = h.connector.delivered('send').filter((c) => String(c.body?.text).startsWith('bulk:'));
    const counts = countByText(sent);
    if (counts.size !== 500) {
      const missing = Array.from({ length: 500 }, (_, i) => `bulk:${i}`).filter((k) => !counts.has(k));
      const rows = await h.db.query(`SELECT idempotency_key, status, attempts, last_error FROM deliveries WHERE idempotency_key = ANY($1::text[])`, [missing]);
      const calls = h.connector.calls.filter((c) => missing.includes(String(c.body?.text))).map((c) => [c.op, c.status]);
      console.log('MISSING', JSON.stringify(rows), JSON.stringify(calls));
    }
    expect(counts.size).toBe(500);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const failedCalls = h.connector.calls.filter((c) => c.status === 429 || c.status === 500);
    expect(failedCalls.length).toBeGreaterThan(40);
    const rows = await h.db.query<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM deliveries WHERE idempotency_key LIKE 'bulk:%' GROUP BY status`);
    expect(rows).toEqual([{ status: 'sent', n: 500 }]);
    // Each channel got its posts in the order they were queued, also where a 429 or 500 made an
    // earlier post wait.
    for (const id of channels) {
      const order = sent.filter((c) => c.conversationId === id).map((c) => Number(String(c.body.text).split(':')[1]));
      expect(order.length).toBe(25);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
    const metrics = await h.app.deps.metrics.registry.getSingleMetricAsString('wendbaar_deliveries_total');
    expect(metrics).toContain('outcome="sent"');
    await sender.stop();
  });

  it('fails a post to a removed channel with a readable reason, marks it inactive, and delivers the others', async () => {
    const sender = await fastSender(h);
    await h.send(botInstalled(teams.zuid));
    await sender.settle(SAFETY_NET_MS);
    h.connector.reset();
    const [ok] = await seedChannels(h.db, h.connector.url, 1);
    h.connector.gone.set(teams.zuid.teamId, 404);
    await enqueueDelivery(h.db, { kind: 'post', idempotencyKey: 'gone:zuid', conversationId: teams.zuid.teamId, payload: { text: 'gone:zuid' } });
    await enqueueDelivery(h.db, { kind: 'post', idempotencyKey: 'gone:other', conversationId: ok!, payload: { text: 'gone:other' } });
    expect(await sender.settle(SAFETY_NET_MS)).toBe(0);
    h.connector.gone.delete(teams.zuid.teamId);

    expect(h.connector.delivered('send').map((c) => c.body.text)).toEqual(['gone:other']);
    const [row] = await h.db.query<{ status: string; last_error: string }>(`SELECT status, last_error FROM deliveries WHERE idempotency_key = 'gone:zuid'`);
    expect(row!.status).toBe('failed');
    expect(row!.last_error).toContain('404');
    expect(row!.last_error).toContain('channel or chat was deleted');
    const [conv] = await h.db.query<{ active: boolean }>(`SELECT active FROM conversations WHERE id = $1`, [teams.zuid.teamId]);
    expect(conv!.active).toBe(false);
    const [install] = await h.db.query<{ inactive_reason: string }>(`SELECT inactive_reason FROM team_installs WHERE team_id = $1`, [teams.zuid.teamId]);
    expect(install!.inactive_reason).toContain('404');
    // A later post to the inactive channel fails at once, without calling Teams.
    await enqueueDelivery(h.db, { kind: 'post', idempotencyKey: 'gone:zuid:2', conversationId: teams.zuid.teamId, payload: { text: 'x' } });
    await sender.settle(SAFETY_NET_MS);
    expect(h.connector.calls.filter((c) => c.conversationId === teams.zuid.teamId)).toHaveLength(1);
    expect((await listDeliveries(h.db)).map((d) => d.idempotency_key)).toEqual(expect.arrayContaining(['gone:zuid', 'gone:zuid:2']));
    await sender.stop();
  });

  it('keeps a channel in queue order when an earlier post is retried: the later post waits for it', async () => {
    const sender = await fastSender(h);
    const [id] = await seedChannels(h.db, h.connector.url, 1);
    // The consultation post meets a 429 with a second to wait; the announcement that closes it must not overtake it.
    h.connector.fail({ status: 429, retryAfterSeconds: 1, count: 1 });
    await h.db.transaction(async (tx) => {
      await enqueueDelivery(tx, { kind: 'post', idempotencyKey: 'order:consultation', conversationId: id!, payload: { text: 'order:consultation' } });
      await enqueueDelivery(tx, { kind: 'post', idempotencyKey: 'order:closed', conversationId: id!, payload: { text: 'order:closed' } });
    });
    expect(await sender.settle(SAFETY_NET_MS)).toBe(0);
    expect(h.connector.delivered('send').map((c) => c.body.text)).toEqual(['order:consultation', 'order:closed']);
    // The waiting post was not tried meanwhile and used no attempt.
    const rows = await h.db.query<{ idempotency_key: string; attempts: number }>(`SELECT idempotency_key, attempts FROM deliveries WHERE idempotency_key LIKE 'order:%' ORDER BY id`);
    expect(rows.map((r) => r.attempts)).toEqual([2, 1]);
    await sender.stop();
  });

  it('holds a scheduled post (a reminder) until its moment, while posts for other channels go out', async () => {
    const sender = await fastSender(h);
    const [early, other] = await seedChannels(h.db, h.connector.url, 2);
    // The queue compares with the database's clock, so the moment is set an hour after it.
    const [moment] = await h.db.query<{ later: Date }>(`SELECT now() + interval '1 hour' AS later`);
    await enqueueDelivery(h.db, { kind: 'post', idempotencyKey: 'scheduled:reminder', conversationId: early!, payload: { text: 'scheduled:reminder' }, notBefore: moment!.later });
    await enqueueDelivery(h.db, { kind: 'post', idempotencyKey: 'scheduled:now', conversationId: other!, payload: { text: 'scheduled:now' } });
    await sender.drain();
    expect(h.connector.delivered('send').map((c) => c.body.text)).toEqual(['scheduled:now']);
    expect((await h.db.query<{ status: string; attempts: number }>(`SELECT status, attempts FROM deliveries WHERE idempotency_key = 'scheduled:reminder'`))[0]).toEqual({ status: 'queued', attempts: 0 });
    // Its moment comes: sent once.
    await h.db.query(`UPDATE deliveries SET not_before = now() WHERE idempotency_key = 'scheduled:reminder'`);
    expect(await sender.settle(SAFETY_NET_MS)).toBe(0);
    expect(countByText(h.connector.delivered('send')).get('scheduled:reminder')).toBe(1);
    await sender.stop();
  });

  it('fails a post that cannot be built (a broken stored reference) at once with the reason, without retrying it', async () => {
    const sender = await fastSender(h);
    const [ok] = await seedChannels(h.db, h.connector.url, 1);
    const broken = '19:broken-reference@thread.tacv2';
    await upsertConversation(h.db, { id: broken, kind: 'channel', reference: { channelId: 'msteams', serviceUrl: 'not a url', conversation: { id: broken } } });
    await enqueueDelivery(h.db, { kind: 'post', idempotencyKey: 'broken:1', conversationId: broken, payload: { text: 'broken:1' } });
    await enqueueDelivery(h.db, { kind: 'post', idempotencyKey: 'broken:other', conversationId: ok!, payload: { text: 'broken:other' } });
    expect(await sender.settle(SAFETY_NET_MS)).toBe(0);
    const [row] = await h.db.query<{ status: string; attempts: number; last_error: string }>(`SELECT status, attempts, last_error FROM deliveries WHERE idempotency_key = 'broken:1'`);
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row!.last_error).toMatch(/url/i);
    expect(h.connector.delivered('send').map((c) => c.body.text)).toEqual(['broken:other']);
    await sender.stop();
  });

  it('dead-letters after the attempt limit, and an operator retry sends it', async () => {
    const sender = await fastSender(h, { maxAttempts: 3 });
    const [id] = await seedChannels(h.db, h.connector.url, 1);
    h.connector.fail({ status: 502, count: 3 });
    const deliveryId = await enqueueDelivery(h.db, { kind: 'post', idempotencyKey: 'dead:1', conversationId: id!, payload: { text: 'dead:1' } });
    expect(await sender.settle(SAFETY_NET_MS)).toBe(0);
    const [row] = await h.db.query<{ status: string; attempts: number; last_error: string }>(`SELECT status, attempts, last_error FROM deliveries WHERE id = $1`, [deliveryId]);
    expect(row).toMatchObject({ status: 'dead', attempts: 3 });
    expect(row!.last_error).toContain('502');
    expect((await listDeliveries(h.db, ['dead'])).map((d) => d.id)).toContain(deliveryId);
    h.connector.clearFaults();
    expect(await retryDelivery(h.db, deliveryId!)).toBe(true);
    expect(await sender.settle(SAFETY_NET_MS)).toBe(0);
    expect(countByText(h.connector.delivered('send')).get('dead:1')).toBe(1);
    await sender.stop();
  });

  it('updates a posted card in place through the queue, only with the newest of several queued updates', async () => {
    const sender = await fastSender(h);
    const [id] = await seedChannels(h.db, h.connector.url, 1);
    // The updates are queued before the post is even sent: they wait for it.
    await h.db.transaction(async (tx) => {
      await enqueueDelivery(tx, { kind: 'post', idempotencyKey: 'card:1:post', conversationId: id!, payload: { text: 'v0' } });
      for (let v = 1; v <= 3; v++) await enqueueDelivery(tx, { kind: 'update', idempotencyKey: `card:1:update:${v}`, targetKey: 'card:1:post', payload: { text: `v${v}` } });
    });
    expect(await sender.settle(SAFETY_NET_MS)).toBe(0);
    const post = h.connector.delivered('send').find((c) => c.body.text === 'v0')!;
    const updates = h.connector.delivered('update');
    expect(updates.map((c) => c.body.text)).toEqual(['v3']);
    const [stored] = await h.db.query<{ sent_activity_id: string }>(`SELECT sent_activity_id FROM deliveries WHERE idempotency_key = 'card:1:post'`);
    expect(updates[0]!.activityId).toBe(stored!.sent_activity_id);
    expect(updates[0]!.conversationId).toBe(post.conversationId);
    const skipped = await h.db.query<{ status: string; last_error: string }>(`SELECT status, last_error FROM deliveries WHERE idempotency_key IN ('card:1:update:1', 'card:1:update:2')`);
    expect(skipped.map((r) => r.status)).toEqual(['sent', 'sent']);
    expect(skipped.every((r) => r.last_error.includes('superseded'))).toBe(true);

    // A later update, after the first went out, is sent too (with retries on a 500).
    h.connector.fail({ status: 500, count: 2 });
    await enqueueDelivery(h.db, { kind: 'update', idempotencyKey: 'card:1:update:4', targetKey: 'card:1:post', payload: { text: 'v4' } });
    expect(await sender.settle(SAFETY_NET_MS)).toBe(0);
    expect(h.connector.delivered('update').map((c) => c.body.text)).toEqual(['v3', 'v4']);
    await sender.stop();
  });

  it('is used for channel posts in a real flow: the install welcome goes out as a new thread', async () => {
    h.app.sender.start();
    await h.send(botInstalled(teams.noord));
    await h.connector.waitFor(() => h.connector.delivered().length >= 1, SAFETY_NET_MS);
    expect(h.connector.delivered()[0]!.op).toBe('send');
    expect(channelId(0)).toContain('19:');
  });
});
