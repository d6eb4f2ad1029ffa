import { openTestDatabase, type TestDatabase } from '../harness/test-db';
import { purgeBookkeeping } from '../../services/housekeeping/store';
import { enqueueDelivery } from '../../services/deliveries/enqueue';

describe('housekeeping', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
  });
  afterAll(async () => {
    await t.close();
  });

  it('purges old activity ids and finished cron runs, empties old delivered cards, and keeps what is still needed', async () => {
    const { db } = t;
    await db.query(`INSERT INTO processed_activities (activity_id, received_at) VALUES ('old', now() - interval '3 days'), ('new', now())`);
    await db.query(`INSERT INTO cron_runs (key, owner, expires_at, finished_at, started_at) VALUES
      ('a:old', 'x', now(), now() - interval '40 days', now() - interval '40 days'), ('a:new', 'x', now(), now(), now())`);
    for (const key of ['sent-old', 'sent-new', 'dead-old']) {
      await enqueueDelivery(db, { kind: 'post', idempotencyKey: key, conversationId: 'c', payload: { text: key } });
    }
    await db.query(`UPDATE deliveries SET status = 'sent', sent_at = now() - interval '100 days' WHERE idempotency_key = 'sent-old'`);
    await db.query(`UPDATE deliveries SET status = 'sent', sent_at = now() WHERE idempotency_key = 'sent-new'`);
    await db.query(`UPDATE deliveries SET status = 'dead', created_at = now() - interval '100 days' WHERE idempotency_key = 'dead-old'`);

    expect(await purgeBookkeeping(db, new Date())).toEqual({ activities: 1, cronRuns: 1, deliveries: 1 });
    expect((await db.query<{ activity_id: string }>(`SELECT activity_id FROM processed_activities`)).map((r) => r.activity_id)).toEqual(['new']);
    expect((await db.query<{ key: string }>(`SELECT key FROM cron_runs`)).map((r) => r.key)).toEqual(['a:new']);
    const left = await db.query<{ idempotency_key: string; payload: object }>(`SELECT idempotency_key, payload FROM deliveries ORDER BY id`);
    expect(left).toEqual([
      { idempotency_key: 'sent-old', payload: {} },
      { idempotency_key: 'sent-new', payload: { text: 'sent-new' } },
      { idempotency_key: 'dead-old', payload: { text: 'dead-old' } },
    ]);
  });
});
