import { createDeliverySender, type DeliverySender, type DeliverySenderOptions } from '../../bot/delivery-sender';
import { upsertConversation } from '../../services/conversations/store';
import type { Queryable } from '../../services/db';
import type { RateLimits } from '../../services/deliveries/rate-limit';
import { BOT, TENANT } from '../fixtures/activities';
import type { Harness } from '../harness/harness';

/** Generous limits so fault tests run in seconds; the Teams limits are covered by the bench and unit tests. */
export const FAST_LIMITS: RateLimits = { perConversation: [{ capacity: 50, perSecond: 200 }], perApp: [{ capacity: 200, perSecond: 1000 }] };

export const channelId = (i: number) => `19:test-channel-${i}@thread.tacv2`;

/** Stores `count` channel conversations pointing at the harness's fake connector. */
export async function seedChannels(q: Queryable, serviceUrl: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = channelId(i);
    ids.push(id);
    await upsertConversation(q, {
      id,
      kind: 'channel',
      reference: { channelId: 'msteams', serviceUrl, bot: BOT, user: { id: '29:someone' }, conversation: { id, conversationType: 'channel', isGroup: true, tenantId: TENANT } as { id: string } },
    });
  }
  return ids;
}

/** Replaces the harness's sender by one with test-sized backoff and limits. */
export async function fastSender(h: Harness, options: DeliverySenderOptions = {}): Promise<DeliverySender> {
  await h.app.sender.stop();
  const sender = createDeliverySender(h.app.deps, h.app.adapter, { backoffBaseMs: 20, backoffMaxMs: 300, limits: FAST_LIMITS, ...options });
  h.app.onDeliveriesQueued(() => sender.kick());
  return sender;
}

/** Text of a delivered post or update (each test payload carries its idempotency key as text). */
export function countByText(calls: Array<{ body: { text?: string } }>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const call of calls) {
    const text = call.body?.text ?? '';
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  return counts;
}

/**
 * Upper bound for waiting on a condition (deliveries settled, a post recorded): a safety net for a
 * hung test on a busy machine, far above what the condition needs, never a budget it must meet.
 */
export const SAFETY_NET_MS = 90_000;

/**
 * Waits until `check` holds, polling; errors while polling (a database that is away) count as "not
 * yet". The timeout is a safety net for a hung test, not a budget the condition must meet.
 */
export async function waitUntil(check: () => Promise<boolean> | boolean, what: string, timeoutMs = SAFETY_NET_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await Promise.resolve().then(check).catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`gave up after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
