import { randomUUID } from 'node:crypto';
import { ActivityTypes, type Activity, type CloudAdapter, type ConversationReference, type TurnContext } from 'botbuilder';
import { cardAttachment, type AdaptiveCard } from '../cards/render';
import { getConversation, markConversationInactive, upsertConversation, type StoredReference } from '../services/conversations';
import { claimDue, findSentPost, markFailed, markSent, reschedule, type ClaimedDelivery } from '../services/deliveries/queue';
import type { DeliveryPayload } from '../services/deliveries/enqueue';
import { getPerson, setPersonalConversation } from '../services/people';
import type { AppDeps } from './app-deps';

const LEASE_MS = 60_000;
const MAX_ATTEMPTS = 8;

export interface DeliverySender {
  /** Works the queue until nothing is due; resolves with the number of deliveries handled. */
  drain(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
  kick(): void;
}

function toMessage(payload: DeliveryPayload): Partial<Activity> {
  return {
    type: ActivityTypes.Message,
    text: payload.text,
    summary: payload.summary,
    attachments: payload.card ? [cardAttachment(payload.card as AdaptiveCard)] : undefined,
  };
}

class PermanentFailure extends Error {}
class NotYet extends Error {}

function statusOf(error: unknown): number | undefined {
  const e = error as { statusCode?: number; status?: number; response?: { status?: number } };
  return e?.statusCode ?? e?.response?.status ?? e?.status;
}

export function createDeliverySender(deps: AppDeps, adapter: CloudAdapter, owner = `sender-${randomUUID().slice(0, 8)}`): DeliverySender {
  const appId = deps.config.env.MicrosoftAppId;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = true;
  let again = false;

  async function referenceFor(conversationId: string): Promise<StoredReference> {
    const row = await getConversation(deps.db, conversationId);
    if (!row) throw new PermanentFailure(`unknown conversation ${conversationId}`);
    if (!row.active) throw new PermanentFailure(`conversation ${conversationId} is inactive`);
    return row.reference;
  }

  async function continueIn(reference: StoredReference, logic: (ctx: TurnContext) => Promise<void>) {
    await adapter.continueConversationAsync(appId, reference as Partial<ConversationReference>, logic);
  }

  async function personalReference(aad: string): Promise<StoredReference> {
    const person = await getPerson(deps.db, aad);
    if (!person) throw new PermanentFailure('recipient unknown to the bot');
    if (person.personal_conversation_id) {
      const row = await getConversation(deps.db, person.personal_conversation_id);
      if (row?.active) return row.reference;
    }
    if (!person.teams_user_id) throw new PermanentFailure('recipient has no Teams user id yet');
    // Open a 1:1 chat through the service the person was last seen on.
    const seen = await deps.db.query<{ reference: StoredReference }>(`SELECT reference FROM conversations WHERE active ORDER BY updated_at DESC LIMIT 1`);
    const template = seen[0]?.reference as (StoredReference & { bot?: { id: string }; conversation?: { tenantId?: string } }) | undefined;
    if (!template?.serviceUrl) throw new PermanentFailure('no known service url to open a personal chat');
    const tenantId = (template.conversation as { tenantId?: string } | undefined)?.tenantId ?? deps.config.env.MicrosoftAppTenantId;
    let created: StoredReference | undefined;
    await adapter.createConversationAsync(
      appId,
      'msteams',
      template.serviceUrl,
      '',
      { isGroup: false, bot: template.bot as { id: string; name: string }, members: [{ id: person.teams_user_id, name: person.name }], tenantId, channelData: { tenant: { id: tenantId } } } as never,
      async (ctx) => {
        created = { ...(ctx.activity ? (await import('botbuilder')).TurnContext.getConversationReference(ctx.activity) : {}) } as StoredReference;
      },
    );
    const conversationId = (created?.conversation as { id?: string } | undefined)?.id;
    if (!created || !conversationId) throw new Error('creating the personal chat returned no conversation');
    await upsertConversation(deps.db, { id: conversationId, kind: 'personal', reference: created });
    await setPersonalConversation(deps.db, aad, conversationId);
    return created;
  }

  async function deliver(d: ClaimedDelivery): Promise<{ activityId?: string; conversationId?: string }> {
    const message = toMessage(d.payload);
    if (d.kind === 'update') {
      const target = await findSentPost(deps.db, d.target_key ?? '');
      if (!target) throw new PermanentFailure(`update target ${d.target_key} does not exist`);
      if (target.status !== 'sent' || !target.sent_activity_id || !target.conversation_id) throw new NotYet('target post not sent yet');
      const reference = await referenceFor(target.conversation_id);
      await continueIn(reference, async (ctx) => {
        await ctx.updateActivity({ ...message, id: target.sent_activity_id! });
      });
      return { activityId: target.sent_activity_id, conversationId: target.conversation_id };
    }
    const reference = d.kind === 'personal' ? await personalReference(d.recipient_aad ?? '') : await referenceFor(d.conversation_id ?? '');
    let activityId: string | undefined;
    await continueIn(reference, async (ctx) => {
      activityId = (await ctx.sendActivity(message))?.id;
    });
    return { activityId, conversationId: (reference.conversation as { id?: string } | undefined)?.id };
  }

  async function handle(d: ClaimedDelivery): Promise<void> {
    try {
      const result = await deliver(d);
      await markSent(deps.db, d.id, owner, result.activityId, result.conversationId);
      deps.metrics.deliveries.inc({ outcome: 'sent' });
    } catch (error) {
      const status = statusOf(error);
      const reason = `${status ?? ''} ${(error as Error).message}`.trim().slice(0, 500);
      if (error instanceof NotYet) {
        await reschedule(deps.db, d.id, owner, 1000, reason);
      } else if (error instanceof PermanentFailure || status === 403 || status === 404) {
        await markFailed(deps.db, d.id, owner, 'failed', reason);
        if ((status === 403 || status === 404) && d.conversation_id) await markConversationInactive(deps.db, d.conversation_id, reason);
        deps.metrics.deliveries.inc({ outcome: 'failed' });
      } else if (d.attempts >= MAX_ATTEMPTS) {
        await markFailed(deps.db, d.id, owner, 'dead', reason);
        deps.metrics.deliveries.inc({ outcome: 'dead' });
      } else {
        await reschedule(deps.db, d.id, owner, 2 ** d.attempts * 250, reason);
        deps.metrics.deliveries.inc({ outcome: 'retried' });
      }
      deps.log.warn({ deliveryId: d.id, status, attempts: d.attempts }, 'delivery not sent');
    }
  }

  async function drainOnce(): Promise<number> {
    let handled = 0;
    for (;;) {
      const batch = await claimDue(deps.db, owner, 20, LEASE_MS);
      if (batch.length === 0) return handled;
      for (const d of batch) await handle(d);
      handled += batch.length;
    }
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
    start() {
      stopped = false;
      schedule();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => undefined);
    },
    kick() {
      if (!stopped) void drain().catch((error) => deps.log.error({ err: error }, 'delivery sender failed'));
    },
  };
}
