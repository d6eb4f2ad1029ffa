/**
 * The only code that calls the Bot Connector on its own: send a post, update it in place, open a
 * personal chat, read a team's members. It is the seam to the SDK (botbuilder today; the Microsoft
 * 365 Agents SDK or the Teams SDK later): the rest of the bot hands it stored references and
 * payloads, plain JSON, and gets activity ids back.
 */
import { ActivityTypes, TeamsInfo, TurnContext, type Activity, type CloudAdapter, type ConversationReference } from 'botbuilder';
import { cardAttachment, type AdaptiveCard } from '../cards/render';
import type { StoredReference } from '../services/conversations/store';
import type { DeliveryPayload } from '../services/deliveries/enqueue';
import { ConnectorTimeout } from '../services/deliveries/policy';

export interface BotConnector {
  /** A new message in the conversation (not a reply: a channel post starts its own thread). */
  send(reference: StoredReference, conversationId: string, payload: DeliveryPayload): Promise<{ activityId?: string }>;
  /** Replaces an earlier message in place. */
  update(reference: StoredReference, conversationId: string, activityId: string, payload: DeliveryPayload): Promise<void>;
  /** Opens (or finds) the 1:1 chat with a user through the service `template` was reached on. */
  openPersonalChat(template: StoredReference, member: { id: string; name?: string | null }, tenantId: string | undefined): Promise<StoredReference>;
}

export interface BotConnectorOptions {
  appId: string | undefined;
  /** A call that takes longer is abandoned (it may still have arrived: a possible duplicate). */
  sendTimeoutMs: number;
}

/** The slice of botframework-connector's ConnectorClient used here. */
interface ConnectorClient {
  /** The @azure/core-client ServiceClient underneath, whose pipeline has the SDK's retry policy. */
  client?: { pipeline?: { removePolicy?(options: { name?: string }): unknown } };
  conversations: {
    sendToConversation(conversationId: string, activity: Partial<Activity>, options?: { abortSignal?: AbortSignal }): Promise<{ id?: string }>;
    updateActivity(conversationId: string, activityId: string, activity: Partial<Activity>, options?: { abortSignal?: AbortSignal }): Promise<{ id?: string }>;
  };
}

function toMessage(payload: DeliveryPayload): Partial<Activity> {
  return {
    type: ActivityTypes.Message,
    text: payload.text,
    summary: payload.summary,
    attachments: payload.card ? [cardAttachment(payload.card as AdaptiveCard)] : undefined,
  };
}

export function createBotConnector(adapter: CloudAdapter, options: BotConnectorOptions): BotConnector {
  const { appId, sendTimeoutMs } = options;
  const callOptions = () => ({ abortSignal: AbortSignal.timeout(sendTimeoutMs) });

  /** The abort signal ends the HTTP call; this also ends a call stuck before it (token, socket). */
  async function timed<T>(promise: Promise<T>): Promise<T> {
    let handle: NodeJS.Timeout | undefined;
    const limit = new Promise<never>((_, reject) => {
      handle = setTimeout(() => reject(new ConnectorTimeout(`no answer from Teams within ${sendTimeoutMs} ms`)), sendTimeoutMs + 1000);
    });
    try {
      return await Promise.race([promise, limit]);
    } finally {
      clearTimeout(handle);
    }
  }

  async function withClient<T>(reference: StoredReference, call: (client: ConnectorClient, ctx: TurnContext) => Promise<T>): Promise<T> {
    let result: T | undefined;
    let failure: { error: unknown } | undefined;
    // Errors must not escape the turn logic: the adapter's onTurnError would swallow them and the
    // delivery would look sent. Capture and rethrow instead.
    await adapter.continueConversationAsync(appId ?? '', reference as Partial<ConversationReference>, async (ctx) => {
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

  return {
    async send(reference, conversationId, payload) {
      const response = await timed(
        withClient(reference, (client, ctx) =>
          client.conversations.sendToConversation(conversationId, {
            ...toMessage(payload),
            conversation: ctx.activity.conversation,
            from: ctx.activity.recipient,
            recipient: ctx.activity.from,
            channelId: ctx.activity.channelId,
            serviceUrl: ctx.activity.serviceUrl,
          }, callOptions()),
        ),
      );
      return { activityId: response?.id };
    },

    async update(reference, conversationId, activityId, payload) {
      await timed(
        withClient(reference, (client, ctx) =>
          client.conversations.updateActivity(conversationId, activityId, {
            ...toMessage(payload),
            id: activityId,
            conversation: ctx.activity.conversation,
            from: ctx.activity.recipient,
          }, callOptions()),
        ),
      );
    },

    async openPersonalChat(template, member, tenantId) {
      const bot = (template as { bot?: { id: string; name: string } }).bot;
      let created: StoredReference | undefined;
      await timed(
        adapter.createConversationAsync(
          appId ?? '',
          'msteams',
          template.serviceUrl ?? '',
          '',
          { isGroup: false, bot, members: [{ id: member.id, name: member.name ?? undefined }], tenantId, channelData: { tenant: { id: tenantId } } } as never,
          async (ctx) => {
            created = { ...TurnContext.getConversationReference(ctx.activity), activityId: undefined } as StoredReference;
          },
        ),
      );
      if (!created?.conversation?.id) throw new Error('creating the personal chat returned no conversation');
      return created;
    },
  };
}

/** One page of a team's members, read within the turn that announced the team. */
export async function readTeamMembersPage(context: TurnContext, teamId: string, pageSize: number, continuationToken?: string): Promise<{ members: unknown; continuationToken?: unknown }> {
  return TeamsInfo.getPagedTeamMembers(context, teamId, pageSize, continuationToken);
}
