import { ManualClock } from '../../services/clock';
import type { Database } from '../../services/db';
import { createItem } from '../../services/monitoring/actions/start';
import { botInstalled, channelMessage, teams } from '../fixtures/activities';
import { users } from '../fixtures/people';
import { startHarness, type Harness } from '../harness/harness';
import { testDialect } from '../harness/test-db';

// Two replicas share one PostgreSQL database (PGlite is single-process, so this runs on PostgreSQL only).
const onPostgres = testDialect() === 'postgres' ? describe : describe.skip;

onPostgres('monitoring across two replicas (PostgreSQL)', () => {
  let h: Harness;
  let h2: Harness;
  let other: Database;

  beforeAll(async () => {
    const clock = new ManualClock(new Date('2026-11-20T10:00:00+01:00'));
    h = await startHarness({ clock });
    other = await h.testDb!.openAnother();
    h2 = await startHarness({ db: other, connector: h.connector, clock });
    await h.send(botInstalled(teams.noord));
    await h.send(channelMessage('koppel noord', { from: users.teamleiderNoord }));
    for (const u of [users.consulent, users.consulent2]) await h.send(channelMessage('menu', { from: u }));
    await h.app.sender.settle();
    await h.db.transaction(async (tx) => {
      for (let i = 0; i < 20; i++) {
        const owner = i % 2 ? users.consulent : users.consulent2;
        await createItem(tx, h.config, { kind: i % 3 ? 'no-show' : 'overdracht-wijkteam', caseReference: `C-2026-${1000 + i}`, date: i % 3 ? '2026-11-23' : '2026-10-27', ownerAad: owner.aadObjectId, regioteam: 'noord', createdBy: 'test' });
      }
    });
  });
  afterAll(async () => {
    await h2.app.close();
    await h.close();
  });

  it('announces every stage exactly once and posts one digest when both replicas fire, at once and again later', async () => {
    const fireTime = new Date('2026-11-24T08:00:00+01:00');
    const ran = await Promise.all([h.app.scheduler.fire('monitoring.daily', fireTime), h2.app.scheduler.fire('monitoring.daily', fireTime)]);
    expect(ran.filter(Boolean)).toHaveLength(1);
    // A different fire time on the same day (e.g. a manual re-run) runs concurrently on both replicas.
    const later = new Date('2026-11-24T09:00:00+01:00');
    const later2 = new Date('2026-11-24T09:00:01+01:00');
    await Promise.all([h.app.scheduler.fire('monitoring.daily', later), h2.app.scheduler.fire('monitoring.daily', later2)]);
    await Promise.all([h.app.sender.settle(), h2.app.sender.settle()]);

    const announced = await h.db.query<{ n: number; distinct_keys: number }>(`SELECT count(*)::int AS n, count(DISTINCT delivery_key)::int AS distinct_keys FROM monitoring_announcements`);
    expect(announced[0]).toEqual({ n: 20, distinct_keys: 20 });
    const personal = await h.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM deliveries WHERE kind = 'personal' AND idempotency_key LIKE 'monitoring:%' AND status = 'sent'`);
    expect(personal[0]!.n).toBe(20);
    const digests = h.connector.delivered('send').filter((c) => c.conversationId === teams.noord.channelId);
    expect(digests).toHaveLength(1);
    expect(JSON.stringify(digests[0]!.body)).toContain('Vandaag (20)');
  });
});
