import { randomUUID } from 'node:crypto';
import type { CloudAdapter } from 'botbuilder';
import { isTransientInfrastructureError } from '../services/errors';
import { DEFAULT_RETRY_POLICY, decide, type Decision, type RetryPolicy } from '../services/deliveries/policy';
import { claimDue, countByStatus, groupByTarget, markFailed, markSent, markSuperseded, queueStats, release, reschedule, type ClaimedDelivery } from '../services/deliveries/store';
import { RateLimiter, TEAMS_LIMITS, type RateLimits } from '../services/deliveries/rate-limit';
import { markTargetGone } from '../services/deliveries/targets';
import type { AppDeps } from './app-deps';
import { createSendOne, type SendOutcome } from './delivery-send-one';

export interface DeliverySender {
  /** Works the queue until nothing is due; resolves with the number of deliveries handled. */
  drain(): Promise<number>;
  /**
   * Drains until no delivery is queued or in flight any more (including retries scheduled for
   * later), or `timeoutMs` passed; resolves with the number still open (0 = all settled).
   */
  settle(timeoutMs?: number): Promise<number>;
  start(): void;
  stop(): Promise<void>;
  kick(): void;
}

export interface DeliverySenderOptions extends Partial<RetryPolicy> {
  /** Lease owner name; unique per process. */
  owner?: string;
  /** Rows claimed per round, and at most `perTarget` of them for one conversation. */
  batchSize?: number;
  perTarget?: number;
  /** Calls in flight at once (different conversations; one conversation is sent in order). */
  concurrency?: number;
  leaseMs?: number;
  /** A call that takes longer is abandoned and retried (it may still have arrived: a possible duplicate). */
  sendTimeoutMs?: number;
  limits?: RateLimits;
  random?: () => number;
}

const DEFAULTS = {
  ...DEFAULT_RETRY_POLICY,
  batchSize: 100,
  perTarget: 4,
  concurrency: 8,
  leaseMs: 60_000,
  sendTimeoutMs: 20_000,
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The part of a lease kept free at its end, so a call never outlives it. */
const leaseMargin = (leaseMs: number) => Math.min(5_000, leaseMs / 4);

/** Runs `work` for every item with at most `limit` in flight. */
async function bounded<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}

export function createDeliverySender(deps: AppDeps, adapter: CloudAdapter, ownerOrOptions: string | DeliverySenderOptions = {}): DeliverySender {
  const options = typeof ownerOrOptions === 'string' ? { owner: ownerOrOptions } : ownerOrOptions;
  const settings = { ...DEFAULTS, ...options };
  if (settings.sendTimeoutMs >= settings.leaseMs - leaseMargin(settings.leaseMs)) {
    throw new Error(`delivery sender: sendTimeoutMs (${settings.sendTimeoutMs}) must be shorter than the lease (${settings.leaseMs}) minus its margin, or nothing is ever sent`);
  }
  const owner = options.owner ?? `sender-${randomUUID().slice(0, 8)}`;
  const random = options.random ?? Math.random;
  const limiter = new RateLimiter(options.limits ?? TEAMS_LIMITS);
  const deliver = createSendOne(deps, adapter, { sendTimeoutMs: settings.sendTimeoutMs, limiter });
  const { db, metrics, log } = deps;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = true;
  let halting = false;
  let again = false;

  /**
   * Writes what happened to a claimed row. A database that is away is waited for (until the lease
   * ends or the sender stops): the row left to its lease would be sent again by the next claim.
   */
  async function record(write: () => Promise<void>, leaseEnd: number): Promise<void> {
    for (let wait = 100; ; wait = Math.min(wait * 2, 2_000)) {
      try {
        return await write();
      } catch (error) {
        if (!isTransientInfrastructureError(error) || halting || Date.now() + wait > leaseEnd) throw error;
        await sleep(wait);
      }
    }
  }

  async function apply(d: ClaimedDelivery, decision: Decision, leaseEnd: number): Promise<void> {
    if (decision.action === 'release') return record(() => release(db, d.id, owner, decision.delayMs), leaseEnd);
    if (decision.action === 'retry') await record(() => reschedule(db, d.id, owner, decision.delayMs, decision.reason), leaseEnd);
    else await record(() => markFailed(db, d.id, owner, decision.action === 'dead' ? 'dead' : 'failed', decision.reason), leaseEnd);
    if (decision.failure === 'gone') await record(() => markTargetGone(db, d, decision.status, decision.reason), leaseEnd);
    metrics.deliveries.inc({ outcome: decision.action === 'retry' ? 'retried' : decision.action === 'dead' ? 'dead' : 'failed' });
    log.warn({ deliveryId: d.id, kind: d.kind, status: decision.status, attempts: d.attempts, outcome: decision.failure }, 'delivery not sent');
  }

  /** Sends one claimed delivery; resolves false when it is still pending (a later one of its target must wait). */
  async function handle(d: ClaimedDelivery, deadline: number, leaseEnd: number): Promise<boolean> {
    let outcome: SendOutcome;
    try {
      outcome = await deliver(d, deadline);
    } catch (error) {
      const decision = decide(error, d.attempts, settings, random);
      await apply(d, decision, leaseEnd);
      return decision.action !== 'retry' && decision.action !== 'release';
    }
    if ('supersededBy' in outcome) {
      await record(() => markSuperseded(db, d.id, owner, outcome.supersededBy), leaseEnd);
      metrics.deliveries.inc({ outcome: 'superseded' });
    } else {
      await record(() => markSent(db, d.id, owner, outcome.activityId, outcome.conversationId), leaseEnd);
      metrics.deliveries.inc({ outcome: 'sent' });
    }
    return true;
  }

  /** One target's rows in order; after one that stays pending the rest go back untried. */
  async function handleInOrder(group: ClaimedDelivery[], deadline: number, leaseEnd: number): Promise<void> {
    for (const [i, d] of group.entries()) {
      if (await handle(d, deadline, leaseEnd)) continue;
      for (const later of group.slice(i + 1)) await record(() => release(db, later.id, owner, 0), leaseEnd);
      return;
    }
  }

  async function refreshGauges(): Promise<void> {
    const stats = await queueStats(db);
    metrics.queueDepth.set(stats.depth);
    metrics.queueAge.set(stats.oldestAgeSeconds);
    for (const [status, n] of Object.entries(await countByStatus(db))) metrics.deliveryStates.set({ status }, n);
  }

  async function drainOnce(): Promise<number> {
    let handled = 0;
    while (!halting) {
      const claimedAt = Date.now();
      const batch = await claimDue(db, owner, settings.batchSize, settings.leaseMs, settings.perTarget);
      if (batch.length === 0) break;
      const leaseEnd = claimedAt + settings.leaseMs;
      const deadline = leaseEnd - leaseMargin(settings.leaseMs);
      // Conversations in parallel, each conversation in order.
      await bounded(groupByTarget(batch), settings.concurrency, (group) => handleInOrder(group, deadline, leaseEnd));
      handled += batch.length;
    }
    await refreshGauges().catch(() => undefined);
    return handled;
  }

  function drain(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let total = 0;
      do {
        again = false;
        total += await drainOnce();
      } while (again);
      return total;
    })().finally(() => {
      running = undefined;
    });
    return running;
  }

  async function settle(timeoutMs = 30_000): Promise<number> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      // A database that is away for a moment is waited out like any other open work.
      const open = await drain()
        .then(async () => (await queueStats(db)).depth)
        .catch((error: unknown) => {
          if (!isTransientInfrastructureError(error) || Date.now() > until) throw error;
          return -1;
        });
      if (open === 0 || (open > 0 && Date.now() > until)) return open;
      await sleep(25);
    }
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(async () => {
      await drain().catch((error) => log.error({ err: error }, 'delivery sender failed'));
      schedule();
    }, deps.config.env.WENDBAAR_SENDER_INTERVAL_MS);
    timer.unref();
  }

  return {
    drain,
    settle,
    start() {
      stopped = false;
      schedule();
    },
    async stop() {
      stopped = true;
      halting = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => undefined);
      halting = false;
    },
    kick() {
      if (!stopped) void drain().catch((error) => log.error({ err: error }, 'delivery sender failed'));
    },
  };
}
