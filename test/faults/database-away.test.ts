import { createScheduler } from '../../bot/scheduler';
import { ManualClock } from '../../services/clock';
import { createItem } from '../../services/monitoring/actions/start';
import type { ScheduledJob } from '../../services/scheduler/types';
import { botInstalled, cardAction, channelMessage, personalMessage, teams, type TestActivity } from '../fixtures/activities';
import { helpRequestForm, mdoForm } from '../fixtures/forms';
import { users } from '../fixtures/people';
import { startHarness, type Harness } from '../harness/harness';
import { enqueueDelivery } from '../../services/deliveries/enqueue';
import { fastSender, SAFETY_NET_MS, seedChannels, waitUntil } from '../delivery/helpers';
import { databaseOutage, type DatabaseOutage } from './database-outage';

/**
 * Issue 9, "the database going away during card submits and during a cron run". The database is
 * made unavailable the way an operator or a fail-over does it (see database-outage.ts).
 * Scaled down: it stays away for 3 s instead of 30 s; the mechanism is the same (every query in
 * that window fails at once, nothing waits for the database to come back).
 */
jest.setTimeout(3 * 60_000);

const pgOnly = process.env.WENDBAAR_TEST_DB === 'postgres' ? describe : describe.skip;
const AWAY_MS = 3_000;
const TRY_AGAIN = 'probeer het zo opnieuw';
const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value ?? {}));

pgOnly('the database going away (PostgreSQL)', () => {
  let h: Harness;
  let outage: DatabaseOutage;

  const count = async (sql: string, params: unknown[] = []) => (await h.db.query<{ n: number }>(sql, params))[0]!.n;

  beforeAll(async () => {
    h = await startHarness({ clock: new ManualClock(new Date('2026-11-24T10:00:00+01:00')) });
    outage = await databaseOutage(h, AWAY_MS);
    await h.send(botInstalled(teams.noord));
    await h.send(channelMessage('koppel noord', { from: users.teamleiderNoord }));
    for (const u of [users.consulent, users.consulent2]) await h.send(channelMessage('menu', { from: u }));
    await h.app.sender.drain();
  });
  afterAll(async () => {
    await outage.close();
    await h.close();
  });
  beforeEach(() => h.connector.reset());
  afterEach(async () => {
    // Whatever happened in the test, the database is back for the next one.
    await outage.allow();
  });

  it('a card submit while the database is away answers "probeer het zo opnieuw", stores nothing, and works once it is back', async () => {
    const before = await count(`SELECT count(*)::int AS n FROM mdo_decisions`);
    const submit = cardAction('mdo.advise', mdoForm, { from: users.consulent });
    await outage.takeAway();
    const refused = await h.invoke(submit);
    expect(refused.statusCode).toBe(200);
    expect(text(refused.value)).toContain(TRY_AGAIN);
    // A second user action in the same window gets the same answer, also for plain messages.
    const message = await h.send(personalMessage('menu', { from: users.consulent2 }));
    expect(message.status).toBeLessThan(300);
    await outage.bringBack();
    await h.connector.waitFor((calls) => calls.some((c) => c.op === 'reply' && text(c.body).includes('opnieuw')), SAFETY_NET_MS);

    expect(await count(`SELECT count(*)::int AS n FROM mdo_decisions`)).toBe(before);
    // Teams retries the same activity (same id): now it is handled, and stored once.
    const retried = await h.invoke(submit);
    expect(text(retried.value)).toContain('Advies:');
    expect(await count(`SELECT count(*)::int AS n FROM mdo_decisions`)).toBe(before + 1);
    const again = await h.invoke(submit);
    expect(text(again.value)).not.toContain('Advies:');
    expect(await count(`SELECT count(*)::int AS n FROM mdo_decisions`)).toBe(before + 1);
  });

  it('the database going away half-way through an offer of help keeps neither the offer nor its notification', async () => {
    const asked = await h.invoke(cardAction('caseload.request', helpRequestForm, { from: users.consulent }));
    expect(text(asked.value)).toContain('Je hulpvraag staat in het teamkanaal');
    await h.app.sender.drain();
    const requestId = await count(`SELECT max(id)::int AS n FROM help_requests`);
    const offer: TestActivity = cardAction('caseload.offer', { requestId, amount: '1' }, { from: users.consulent2, where: teams.noord });

    // The offer row is written; the database disappears as its notification is queued.
    const trap = outage.trapInTransaction(/INSERT INTO deliveries/);
    let refused;
    try {
      refused = await h.invoke(offer);
    } finally {
      trap.restore();
    }
    expect(trap.sprung()).toBe(true);
    expect(text(refused.value)).toContain(TRY_AGAIN);
    await outage.bringBack();
    expect(await count(`SELECT count(*)::int AS n FROM help_offers WHERE request_id = $1`, [requestId])).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM deliveries WHERE idempotency_key LIKE $1`, [`helprequest:${requestId}:offer:%`])).toBe(0);

    const retried = await h.invoke(offer);
    expect(text(retried.value)).toContain('Mijn aanbod intrekken');
    await h.app.sender.settle(SAFETY_NET_MS);
    expect(await count(`SELECT count(*)::int AS n FROM help_offers WHERE request_id = $1`, [requestId])).toBe(1);
    const notified = h.connector.delivered().filter((c) => text(c.body).includes('biedt hulp aan'));
    expect(notified).toHaveLength(1);
  });

  it('a post whose outcome cannot be recorded while the database is away is recorded once it is back: sent once, not left to its lease', async () => {
    // A short lease, so that the old way (leave the row to its lease) shows as a second post within the test.
    const sender = await fastSender(h, { leaseMs: 10_000, sendTimeoutMs: 2_000 });
    const [id] = await seedChannels(h.db, h.connector.url, 1);
    await enqueueDelivery(h.db, { kind: 'post', idempotencyKey: 'away:in-flight', conversationId: id!, payload: { text: 'away:in-flight' } });
    // Teams accepted the post; the database goes away just before the sender records that.
    const trap = outage.trapQuery(/SET status = 'sent'/);
    sender.start();
    try {
      await waitUntil(() => trap.sprung(), 'the post went out');
    } finally {
      trap.restore();
    }
    await outage.bringBack();
    const status = async () => (await h.db.query<{ status: string }>(`SELECT status FROM deliveries WHERE idempotency_key = 'away:in-flight'`))[0]!.status;
    await waitUntil(async () => (await status()) === 'sent', 'the post is recorded as sent');
    await sender.stop();
    h.app.sender.start();
    expect(h.connector.delivered('send').filter((c) => c.body.text === 'away:in-flight')).toHaveLength(1);
  });

  it('a monitoring run that loses the database half-way is not marked done, and its retry posts nothing twice', async () => {
    // Three hand-overs: two stages each are due by 25 November (announced late), plus the digest.
    for (const [i, owner] of [users.consulent, users.consulent2, users.consulent].entries()) {
      await h.db.transaction((tx) => createItem(tx, h.config, { kind: 'overdracht-wijkteam', caseReference: `C-2026-090${i}`, date: '2026-10-13', ownerAad: owner.aadObjectId, regioteam: 'noord', createdBy: 'test' }));
    }
    const fireTime = new Date('2026-11-25T08:00:00+01:00');
    (h.clock as ManualClock).set(fireTime);
    const runKey = `monitoring.daily:${fireTime.toISOString()}`;

    // The third stage announcement is where the database goes away.
    const trap = outage.trapInTransaction(/INSERT INTO monitoring_announcements/, 2);
    try {
      await expect(h.app.scheduler.fire('monitoring.daily', fireTime)).rejects.toBeDefined();
    } finally {
      trap.restore();
    }
    expect(trap.sprung()).toBe(true);
    await outage.bringBack();
    const [run] = await h.db.query<{ finished_at: Date | null }>(`SELECT finished_at FROM cron_runs WHERE key = $1`, [runKey]);
    expect(run!.finished_at).toBeNull();
    const announcedBefore = await count(`SELECT count(*)::int AS n FROM monitoring_announcements`);
    expect(announcedBefore).toBe(2);

    // Retried (the scheduler retries a failed fire; here called directly): finishes the rest.
    expect(await h.app.scheduler.fire('monitoring.daily', fireTime)).toBe(true);
    expect(await h.app.scheduler.fire('monitoring.daily', fireTime)).toBe(false);
    expect(await h.app.sender.settle(SAFETY_NET_MS)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM monitoring_announcements`)).toBe(6);
    const [finished] = await h.db.query<{ finished_at: Date | null }>(`SELECT finished_at FROM cron_runs WHERE key = $1`, [runKey]);
    expect(finished!.finished_at).not.toBeNull();

    const keys = await h.db.query<{ idempotency_key: string; status: string }>(`SELECT idempotency_key, status FROM deliveries WHERE idempotency_key LIKE 'monitoring%' ORDER BY id`);
    expect(keys.filter((k) => /^monitoring:\d+:/.test(k.idempotency_key))).toHaveLength(6);
    expect(keys.every((k) => k.status === 'sent')).toBe(true);
    // Every reminder and digest arrived once: one successful send per delivery (the connector
    // answered all of them, so a doubled post would show as an extra send).
    expect(h.connector.delivered('send')).toHaveLength(keys.length);
  });
});

describe('a scheduled fire that failed', () => {
  it('is retried by the scheduler until it succeeds, and then runs no more', async () => {
    const h = await startHarness();
    try {
      const fires: string[] = [];
      let failures = 2;
      const job: ScheduledJob = {
        name: 'test.flaky-every-second',
        cron: () => '* * * * * *',
        run: async ({ fireTime }) => {
          if (failures > 0 && fires.length === 0) {
            failures -= 1;
            throw Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
          }
          fires.push(fireTime.toISOString());
        },
      };
      // Retries after 200 ms and 400 ms instead of minutes: the mechanism is the same.
      const scheduler = createScheduler(h.app.deps, [job], { catchUpMs: 0, retryDelaysMs: [200, 400, 800] });
      const runs = () => h.db.query<{ key: string; finished_at: Date | null }>(`SELECT key, finished_at FROM cron_runs WHERE key LIKE 'test.flaky-every-second:%' ORDER BY key`);
      scheduler.start();
      await waitUntil(async () => fires.length >= 2 && (await runs())[0]?.finished_at != null, 'the failed fire was finished by a retry and a later one ran');
      await scheduler.stop();
      const rows = await runs();
      expect(fires.length).toBeGreaterThanOrEqual(2);
      expect(new Set(fires).size).toBe(fires.length);
      // The first fire failed twice and was finished by its retry; every fire ended up finished.
      expect(rows.map((r) => r.key.split(':').slice(1).join(':'))).toEqual(expect.arrayContaining(fires));
      expect(rows.filter((r) => r.finished_at === null).length).toBeLessThanOrEqual(1);
      expect(rows[0]!.finished_at).not.toBeNull();
    } finally {
      await h.close();
    }
  });
});
