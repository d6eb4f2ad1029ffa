import { personalConversationId, personalMessage } from '../fixtures/activities';
import { users } from '../fixtures/people';
import { startHarness, type Harness } from '../harness/harness';

/**
 * At most WENDBAAR_CONCURRENT_TURNS activities are handled at once (bot/turn-gate.ts); the rest
 * wait in arrival order, and beyond WENDBAAR_WAITING_TURNS Teams is told to come back later.
 * The Bot Connector is held (a slow Teams) so the one turn slot stays taken while we look.
 */
const menuCardOf = (h: Harness, user: (typeof users)[keyof typeof users]) =>
  h.connector.delivered('reply').filter((call) => call.conversationId === personalConversationId(user));

async function waitingTurns(h: Harness): Promise<number> {
  const text = await (await fetch(`${h.app.url}/metrics`)).text();
  return Number(/^wendbaar_turns_waiting (\d+)/m.exec(text)?.[1] ?? NaN);
}

async function until(check: () => Promise<boolean> | boolean): Promise<void> {
  for (let i = 0; i < 500 && !(await check()); i++) await new Promise((r) => setTimeout(r, 10));
  expect(await check()).toBe(true);
}

describe('turns handled at once', () => {
  let h: Harness;
  afterEach(async () => {
    h.connector.releaseHeld();
    await h.close();
  });

  it('a full replica answers 503 with Retry-After (Teams retries), still answers its health check, and handles the retry', async () => {
    h = await startHarness({ env: { WENDBAAR_CONCURRENT_TURNS: '1', WENDBAAR_WAITING_TURNS: '0' } });
    h.connector.fail({ hold: true, count: 1, status: 200, match: (call) => call.op === 'reply' });
    const first = h.send(personalMessage('menu', { from: users.consulent }));
    await until(() => h.connector.heldCount === 1);

    const busy = await fetch(`${h.app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(personalMessage('menu', { from: users.consulent2 })),
    });
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('1');
    expect((await fetch(`${h.app.url}/healthz`)).status).toBe(200);
    expect(menuCardOf(h, users.consulent2)).toHaveLength(0);

    h.connector.releaseHeld();
    expect((await first).status).toBe(200);
    const retry = await h.send(personalMessage('menu', { from: users.consulent2 }));
    expect(retry.status).toBe(200);
    expect(JSON.stringify(menuCardOf(h, users.consulent2).map((c) => c.body))).toContain('MDO-deelname');
  });

  it('activities that wait for the turn slot are answered in the order they came', async () => {
    h = await startHarness({ env: { WENDBAAR_CONCURRENT_TURNS: '1', WENDBAAR_WAITING_TURNS: '10' } });
    h.connector.fail({ hold: true, count: 1, status: 200, match: (call) => call.op === 'reply' });
    const first = h.send(personalMessage('menu', { from: users.consulent }));
    await until(() => h.connector.heldCount === 1);
    const waiting = [users.consulent2, users.teamleiderNoord, users.mt];
    const answers: Array<Promise<{ status: number }>> = [];
    for (const [i, user] of waiting.entries()) {
      answers.push(h.send(personalMessage('menu', { from: user })));
      await until(async () => (await waitingTurns(h)) === i + 1);
    }

    h.connector.releaseHeld();
    expect((await first).status).toBe(200);
    expect((await Promise.all(answers)).map((a) => a.status)).toEqual([200, 200, 200]);
    const order = h.connector.delivered('reply').map((call) => call.conversationId);
    expect(order).toEqual([users.consulent, ...waiting].map(personalConversationId));
    expect(await waitingTurns(h)).toBe(0);
  });
});
