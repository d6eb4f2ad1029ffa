import { randomUUID } from 'node:crypto';
import { ActivityTypes, TurnContext, type Activity, type CloudAdapter, type ConversationReference } from 'botbuilder';
import { renderCardSpec, type RenderContext } from '../cards/registry';
import { cardAttachment, type AdaptiveCard } from '../cards/render';
import type { CardSpec } from '../services/deliveries/card-spec';
import { getConversation, markConversationInactive, recordTeamRemoved, upsertConversation, type StoredReference } from '../services/conversations/store';
import type { DeliveryPayload } from '../services/deliveries/enqueue';
import {
  claimDue,
  countByStatus,
  findSentPost,
  markFailed,
  markSent,
  markSuperseded,
  newerUpdate,
  queueStats,
  release,
  reschedule,
  type ClaimedDelivery,
} from '../services/deliveries/queue';
import { RateLimiter, TEAMS_LIMITS, type RateLimits } from '../services/deliveries/rate-limit';
import { getPerson, setPersonalConversation } from '../services/people/store';
import type { AppDeps } from './app-deps';

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

export interface DeliverySenderOptions {
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
  /** Attempts before a delivery is dead-lettered. */
  maxAttempts?: number;
  /** Exponential backoff: base·2^(attempt-1), capped, with jitter (half fixed, half random). */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  limits?: RateLimits;
  random?: () => number;
}

/** The slice of botframework-connector's ConnectorClient the sender calls. */
interface ConnectorClient {
  /** The @azure/core-client ServiceClient underneath, whose pipeline has the SDK's retry policy. */
  client?: { pipeline?: { removePolicy?(options: { name?: string }): unknown } };
  conversations: {
    sendToConversation(conversationId: string, activity: Partial<Activity>, options?: { abortSignal?: AbortSignal }): Promise<{ id?: string }>;
    updateActivity(conversationId: string, activityId: string, activity: Partial<Activity>, options?: { abortSignal?: AbortSignal }): Promise<{ id?: string }>;
  };
}

const DEFAULTS = {
  batchSize: 100,
  perTarget: 4,
  concurrency: 8,
  leaseMs: 60_000,
  sendTimeoutMs: 20_000,
  maxAttempts: 8,
  backoffBaseMs: 2_000,
  backoffMaxMs: 5 * 60_000,
};

function toMessage(payload: DeliveryPayload, ctx: RenderContext): Partial<Activity> {
  const card = payload.view ? renderSpec(payload.view, ctx) : (payload.card as AdaptiveCard | undefined);
  return {
    type: ActivityTypes.Message,
    text: payload.text,
    summary: payload.summary,
    attachments: card ? [cardAttachment(card)] : undefined,
  };
}

/** A spec that cannot be rendered (unknown kind, data of the wrong shape) will not render on a retry either. */
function renderSpec(spec: CardSpec, ctx: RenderContext): AdaptiveCard {
  try {
    return renderCardSpec(spec, ctx);
  } catch (err) {
    throw new PermanentFailure(`card "${spec.kind}" could not be rendered: ${(err as Error).message}`);
  }
}

/** Not worth retrying: the delivery can never succeed as it is (unknown or inactive target). */
class PermanentFailure extends Error {}
/** Not tried now, and no attempt used: target post not sent yet, or no time left in the lease. */
class Postpone extends Error {
  constructor(message: string, readonly delayMs: number) {
    super(message);
  }
}
class Timeout extends Error {}

function statusOf(error: unknown): number | undefined {
  const e = error as { statusCode?: number; status?: number; response?: { status?: number } };
  return e?.statusCode ?? e?.response?.status ?? e?.status;
}

/** Retry-After from a RestError (@azure/core-rest-pipeline HttpHeaders, or a plain header object), in ms. */
export function retryAfterMs(error: unknown, now = Date.now()): number | undefined {
  const headers = (error as { response?: { headers?: unknown } })?.response?.headers as
    | { get?: (name: string) => string | undefined; [key: string]: unknown }
    | undefined;
  if (!headers) return undefined;
  const raw = typeof headers.get === 'function' ? headers.get('retry-after') : (headers['retry-after'] as string | undefined);
  if (raw === undefined || raw === null || raw === '') return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(String(raw));
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

const TRANSIENT_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_SOCKET', 'REQUEST_SEND_ERROR']);

/** What to do after a failed call. Exported for unit tests. */
export function classify(error: unknown): 'rate-limited' | 'transient' | 'gone' | 'permanent' {
  if (error instanceof PermanentFailure) return 'permanent';
  if (error instanceof Timeout) return 'transient';
  const status = statusOf(error);
  if (status === 429) return 'rate-limited';
  if (status === 403 || status === 404) return 'gone';
  if (status === undefined) {
    const code = (error as { code?: string })?.code;
    return code === undefined || TRANSIENT_CODES.has(code) || (error as Error)?.name === 'AbortError' ? 'transient' : 'transient';
  }
  // 408 timeout, 412 precondition (Teams asks to retry it), 401 (token trouble), every 5xx.
  if (status === 408 || status === 412 || status === 401 || status >= 500) return 'transient';
  return 'permanent';
}

function readableReason(error: unknown, kind: ReturnType<typeof classify>): string {
  const status = statusOf(error);
  const message = ((error as Error)?.message ?? String(error)).replace(/\s+/g, ' ').slice(0, 300);
  if (kind === 'gone' && status === 403) return `Teams answered 403 (forbidden): the bot was removed from the team or may no longer post here. ${message}`;
  if (kind === 'gone') return `Teams answered 404 (not found): the channel or chat was deleted, or the bot was removed. ${message}`;
  if (kind === 'rate-limited') return `Teams answered 429 (too many requests). ${message}`;
  if (error instanceof Timeout) return message;
  return `${status ? `Teams answered ${status}. ` : ''}${message}`.trim();
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

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
  const owner = options.owner ?? `sender-${randomUUID().slice(0, 8)}`;
  const random = options.random ?? Math.random;
  const limiter = new RateLimiter(options.limits ?? TEAMS_LIMITS);
  const appId = deps.config.env.MicrosoftAppId;
  const { metrics } = deps;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = true;
  let halting = false;
  let again = false;

  function backoff(attempts: number): number {
    const cap = Math.min(settings.backoffMaxMs, settings.backoffBaseMs * 2 ** Math.max(0, attempts - 1));
    return cap / 2 + random() * (cap / 2);
  }

  async function referenceFor(conversationId: string): Promise<StoredReference> {
    const row = await getConversation(deps.db, conversationId);
    if (!row) throw new PermanentFailure(`unknown conversation ${conversationId}`);
    if (!row.active) throw new PermanentFailure(`conversation ${conversationId} is inactive (bot removed or channel deleted)`);
    return row.reference;
  }

  /** Waits for a rate-limit token for `key`, unless that would outlive the lease. */
  async function gate(key: string, deadline: number): Promise<void> {
    for (;;) {
      if (Date.now() + settings.sendTimeoutMs > deadline) throw new Postpone('lease nearly over', 0);
      const wait = limiter.tryTake(key);
      if (wait === 0) return;
      await sleep(Math.min(wait, 250));
    }
  }

  async function withConnector<T>(reference: StoredReference, call: (client: ConnectorClient, ctx: TurnContext) => Promise<T>): Promise<T> {
    let result: T | undefined;
    let failure: { error: unknown } | undefined;
    // Errors must not escape the turn logic: the adapter's onTurnError would swallow them and the
    // delivery would look sent. Capture and rethrow instead.
    await adapter.continueConversationAsync(appId, reference as Partial<ConversationReference>, async (ctx) => {
      try {
        const client = ctx.turnState.get<ConnectorClient>(adapter.ConnectorClientKey);
        // The queue owns retries (durable, Retry-After per delivery, backoff with jitter); the SDK's
        // in-process retry would hold a lease slot for up to a minute and hide the status code.
        client.client?.pipeline?.removePolicy?.({ name: 'defaultRetryPolicy' });
        result = await call(client, ctx);
      } catch (error) {
        failure = { error };
      }
    });
    if (failure) throw failure.error;
    return result as T;
  }

  const callOptions = () => ({ abortSignal: AbortSignal.timeout(settings.sendTimeoutMs) });

  async function timed<T>(promise: Promise<T>): Promise<T> {
    let handle: NodeJS.Timeout | undefined;
    const limit = new Promise<never>((_, reject) => {
      handle = setTimeout(() => reject(new Timeout(`no answer from Teams within ${settings.sendTimeoutMs} ms`)), settings.sendTimeoutMs + 1000);
    });
    try {
      return await Promise.race([promise, limit]);
    } finally {
      clearTimeout(handle);
    }
  }

  async function personalReference(aad: string, deadline: number): Promise<StoredReference> {
    const person = await getPerson(deps.db, aad);
    if (!person) throw new PermanentFailure('recipient unknown to the bot');
    if (person.personal_conversation_id) {
      const row = await getConversation(deps.db, person.personal_conversation_id);
      if (row?.active) return row.reference;
    }
    if (!person.teams_user_id) throw new PermanentFailure('recipient has no Teams user id yet');
    // Open a 1:1 chat through the service the bot was last reached on.
    const seen = await deps.db.query<{ reference: StoredReference }>(`SELECT reference FROM conversations WHERE active ORDER BY updated_at DESC LIMIT 1`);
    const template = seen[0]?.reference as (StoredReference & { bot?: { id: string; name: string } }) | undefined;
    if (!template?.serviceUrl) throw new PermanentFailure('no known service url to open a personal chat');
    const tenantId = (template.conversation as { tenantId?: string } | undefined)?.tenantId ?? deps.config.env.MicrosoftAppTenantId;
    await gate(`personal:${aad}`, deadline);
    let created: StoredReference | undefined;
    await timed(
      adapter.createConversationAsync(
        appId,
        'msteams',
        template.serviceUrl,
        '',
        { isGroup: false, bot: template.bot, members: [{ id: person.teams_user_id, name: person.name }], tenantId, channelData: { tenant: { id: tenantId } } } as never,
        async (ctx) => {
          created = { ...TurnContext.getConversationReference(ctx.activity), activityId: undefined } as StoredReference;
        },
      ),
    );
    const conversationId = created?.conversation?.id;
    if (!created || !conversationId) throw new Error('creating the personal chat returned no conversation');
    await upsertConversation(deps.db, { id: conversationId, kind: 'personal', reference: created });
    await setPersonalConversation(deps.db, aad, conversationId);
    return created;
  }

  type Outcome = { activityId?: string; conversationId?: string } | { supersededBy: string };

  async function deliver(d: ClaimedDelivery, deadline: number): Promise<Outcome> {
    const message = toMessage(d.payload, { office: deps.config.office, zone: deps.config.env.WENDBAAR_TIME_ZONE });
    if (d.kind === 'update') {
      const newer = await newerUpdate(deps.db, d.id, d.target_key ?? '');
      if (newer) return { supersededBy: newer };
      const target = await findSentPost(deps.db, d.target_key ?? '');
      if (!target) throw new PermanentFailure(`update target ${d.target_key} does not exist`);
      if (target.status === 'failed' || target.status === 'dead') throw new PermanentFailure(`update target ${d.target_key} was never delivered (${target.status})`);
      if (target.status !== 'sent' || !target.sent_activity_id || !target.conversation_id) throw new Postpone('target post not sent yet', 1000);
      const reference = await referenceFor(target.conversation_id);
      await gate(target.conversation_id, deadline);
      const conversationId = target.conversation_id;
      const activityId = target.sent_activity_id;
      await timed(
        withConnector(reference, (client, ctx) =>
          client.conversations.updateActivity(conversationId, activityId, {
            ...message,
            id: activityId,
            conversation: ctx.activity.conversation,
            from: ctx.activity.recipient,
          }, callOptions()),
        ),
      );
      return { activityId, conversationId };
    }
    const reference = d.kind === 'personal' ? await personalReference(d.recipient_aad ?? '', deadline) : await referenceFor(d.conversation_id ?? '');
    const conversationId = reference.conversation?.id ?? d.conversation_id ?? '';
    await gate(conversationId, deadline);
    // sendToConversation (not a reply): a channel post starts its own thread.
    const response = await timed(
      withConnector(reference, (client, ctx) =>
        client.conversations.sendToConversation(conversationId, {
          ...message,
          conversation: ctx.activity.conversation,
          from: ctx.activity.recipient,
          recipient: ctx.activity.from,
          channelId: ctx.activity.channelId,
          serviceUrl: ctx.activity.serviceUrl,
        }, callOptions()),
      ),
    );
    return { activityId: response?.id, conversationId };
  }

  async function handle(d: ClaimedDelivery, deadline: number): Promise<void> {
    try {
      const outcome = await deliver(d, deadline);
      if ('supersededBy' in outcome) {
        await markSuperseded(deps.db, d.id, owner, outcome.supersededBy);
        metrics.deliveries.inc({ outcome: 'superseded' });
        return;
      }
      await markSent(deps.db, d.id, owner, outcome.activityId, outcome.conversationId);
      metrics.deliveries.inc({ outcome: 'sent' });
    } catch (error) {
      if (error instanceof Postpone) {
        await release(deps.db, d.id, owner, error.delayMs);
        return;
      }
      const kind = classify(error);
      const reason = readableReason(error, kind).slice(0, 500);
      const status = statusOf(error);
      if (kind === 'permanent') {
        await markFailed(deps.db, d.id, owner, 'failed', reason);
        metrics.deliveries.inc({ outcome: 'failed' });
      } else if (kind === 'gone') {
        await markFailed(deps.db, d.id, owner, 'failed', reason);
        await markTargetInactive(d, status, reason);
        metrics.deliveries.inc({ outcome: 'failed' });
      } else if (d.attempts >= settings.maxAttempts) {
        await markFailed(deps.db, d.id, owner, 'dead', `dead-lettered after ${d.attempts} attempts; last: ${reason}`.slice(0, 500));
        metrics.deliveries.inc({ outcome: 'dead' });
      } else {
        const hinted = kind === 'rate-limited' ? retryAfterMs(error) : undefined;
        const delay = hinted !== undefined ? hinted + random() * 250 : backoff(d.attempts);
        await reschedule(deps.db, d.id, owner, delay, reason);
        metrics.deliveries.inc({ outcome: 'retried' });
      }
      deps.log.warn({ deliveryId: d.id, kind: d.kind, status, attempts: d.attempts, outcome: kind }, 'delivery not sent');
    }
  }

  async function markTargetInactive(d: ClaimedDelivery, status: number | undefined, reason: string): Promise<void> {
    const conversationId = d.conversation_id ?? (d.kind === 'update' ? (await findSentPost(deps.db, d.target_key ?? ''))?.conversation_id : undefined);
    if (!conversationId) return;
    const row = await getConversation(deps.db, conversationId);
    // 403: the bot may no longer post in that team at all; 404: this channel or chat is gone.
    if (status === 403 && row?.team_id) await recordTeamRemoved(deps.db, row.team_id, reason);
    else await markConversationInactive(deps.db, conversationId, reason);
  }

  function targetOf(d: ClaimedDelivery): string {
    return `${d.kind}:${d.conversation_id ?? d.recipient_aad ?? d.target_key ?? ''}`;
  }

  async function refreshGauges(): Promise<void> {
    const stats = await queueStats(deps.db);
    metrics.queueDepth.set(stats.depth);
    metrics.queueAge.set(stats.oldestAgeSeconds);
    for (const [status, n] of Object.entries(await countByStatus(deps.db))) metrics.deliveryStates.set({ status }, n);
  }

  async function drainOnce(): Promise<number> {
    let handled = 0;
    while (!halting) {
      const batch = await claimDue(deps.db, owner, settings.batchSize, settings.leaseMs, settings.perTarget);
      if (batch.length === 0) break;
      const deadline = Date.now() + settings.leaseMs - Math.min(5_000, settings.leaseMs / 4);
      const groups = new Map<string, ClaimedDelivery[]>();
      for (const d of batch) groups.set(targetOf(d), [...(groups.get(targetOf(d)) ?? []), d]);
      // Conversations in parallel, each conversation in order.
      await bounded([...groups.values()], settings.concurrency, async (group) => {
        for (const d of group) await handle(d, deadline);
      });
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
      await drain();
      const open = await deps.db.query<{ n: number | string }>(`SELECT count(*) AS n FROM deliveries WHERE status IN ('queued', 'sending')`);
      const n = Number(open[0]?.n ?? 0);
      if (n === 0 || Date.now() > until) return n;
      await sleep(25);
    }
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(async () => {
      await drain().catch((error) => deps.log.error({ err: error }, 'delivery sender failed'));
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
      if (!stopped) void drain().catch((error) => deps.log.error({ err: error }, 'delivery sender failed'));
    },
  };
}
