import { registeredCardKinds, renderCardSpec } from '../../cards/registry';
import type { CaseloadPost } from '../../services/caseload/posts';
import { cardSpec } from '../../services/deliveries/card-spec';
import { enqueueDelivery } from '../../services/deliveries/enqueue';
import type { MdoPost } from '../../services/mdo/posts';
import type { MonitoringPost } from '../../services/monitoring/posts';
import type { StatusPost } from '../../services/status/posts';
import { startHarness, type Harness } from '../harness/harness';
import { channelId, fastSender, seedChannels } from './helpers';

/** Services queue a card's kind and data; the sender renders the card when it sends. */
describe('queued posts carry card specs, rendered at send time', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('a spec is rendered into the card Teams receives', async () => {
    const sender = await fastSender(h);
    await seedChannels(h.db, h.connector.url, 1);
    const view = cardSpec<MonitoringPost>('monitoring.evaluationReminder', { evaluationDate: '2027-03-15', leadWeeks: 4 });
    await enqueueDelivery(h.db, { kind: 'post', idempotencyKey: 'spec:ok', conversationId: channelId(0), payload: { view, summary: 'Evaluatie' } });
    expect(await sender.settle(20_000)).toBe(0);
    const card = JSON.stringify(h.cards((c) => c.conversationId === channelId(0)));
    expect(card).toContain('Halfjaarlijkse evaluatie op ma 15 mrt 2027');
    await sender.stop();
  });

  it('a spec of an unknown kind fails at once with a reason an operator can act on, not after eight retries', async () => {
    const sender = await fastSender(h);
    await seedChannels(h.db, h.connector.url, 1);
    await enqueueDelivery(h.db, { kind: 'post', idempotencyKey: 'spec:unknown', conversationId: channelId(0), payload: { view: { kind: 'nergens.bekend', data: {} } } });
    await sender.settle(20_000);
    const [row] = await h.db.query<{ status: string; attempts: number; last_error: string }>(
      `SELECT status, attempts, last_error FROM deliveries WHERE idempotency_key = 'spec:unknown'`,
    );
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row!.last_error).toContain('unknown card kind "nergens.bekend"');
    await sender.stop();
  });

  it('every kind a feature declares is registered', () => {
    const declared: Array<MonitoringPost['kind'] | MdoPost['kind'] | StatusPost['kind'] | CaseloadPost['kind']> = [
      'monitoring.item', 'monitoring.digest', 'monitoring.evaluationReminder',
      'mdo.reminder',
      'status.consultation', 'status.decision', 'status.announcement', 'status.expiry',
      'caseload.request', 'caseload.offerReceived', 'caseload.offerAccepted', 'caseload.requestWithdrawn', 'caseload.escalation', 'caseload.weekstart',
    ];
    expect(registeredCardKinds()).toEqual(expect.arrayContaining(declared));
    expect(() => renderCardSpec({ kind: 'toString', data: {} }, { office: h.config.office, zone: 'Europe/Amsterdam' })).toThrow('unknown card kind "toString"');
  });
});
