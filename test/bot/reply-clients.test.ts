import { personalMessage } from '../fixtures/activities';
import { users } from '../fixtures/people';
import { FakeConnector } from '../harness/fake-connector';
import { startHarness, type Harness } from '../harness/harness';

/**
 * The clients that answer incoming activities are kept per service URL (bot/adapter.ts). Teams
 * serves regions from different service URLs: every answer must still go to the service its own
 * activity came from, also when turns of two regions alternate.
 */
describe('answers go to the service URL their activity came from', () => {
  let h: Harness;
  let otherRegion: FakeConnector;
  beforeAll(async () => {
    h = await startHarness();
    otherRegion = await new FakeConnector().start();
  });
  afterAll(async () => {
    await h.close();
    await otherRegion.stop();
  });

  it('alternating turns from two service URLs are each answered at their own', async () => {
    const viaOther = (text: string, from: (typeof users)[keyof typeof users]) => personalMessage(text, { from, serviceUrl: otherRegion.url });
    await h.send(personalMessage('menu', { from: users.consulent }));
    await h.send(viaOther('menu', users.consulent2));
    await h.send(personalMessage('menu', { from: users.consulent3 }));
    await h.send(viaOther('menu', users.consulent4));

    const to = (connector: FakeConnector) => connector.delivered('reply').map((call) => call.conversationId);
    expect(to(h.connector)).toEqual(['a:personal-aad-consulent-1', 'a:personal-aad-consulent-3']);
    expect(to(otherRegion)).toEqual(['a:personal-aad-consulent-2', 'a:personal-aad-consulent-4']);
  });
});
