import type { Queryable } from '../db';
import { insertDelivery, recordAnsweredCard } from './store';
import type { CardSpec } from './card-spec';

/** What a delivery carries: a card (its spec, rendered when sent), plain text, or both. */
export interface DeliveryPayload {
  /** The card to render when sending: its kind and data (see card-spec.ts). */
  view?: CardSpec;
  /** A card already rendered (deliveries queued before card specs existed). */
  card?: Record<string, unknown>;
  text?: string;
  /** Short preview shown in the Teams activity feed / notification. */
  summary?: string;
}

export type DeliveryRequest =
  /** A new message in a stored conversation (channel or chat). */
  | { kind: 'post'; idempotencyKey: string; conversationId: string; payload: DeliveryPayload; notBefore?: Date }
  /** A personal (1:1) message; the sender opens the chat if needed. */
  | { kind: 'personal'; idempotencyKey: string; recipientAad: string; payload: DeliveryPayload; notBefore?: Date }
  /** Replaces the card of an earlier post (by that post's idempotency key) in place. */
  | { kind: 'update'; idempotencyKey: string; targetKey: string; payload: DeliveryPayload; notBefore?: Date };

let enqueueCalls = 0;

/**
 * How many times enqueueDelivery ran in this process (committed or not). A turn compares it before
 * and after to wake the sender only when it may have queued something; a spurious wake-up is harmless.
 */
export const enqueueCount = (): number => enqueueCalls;

/**
 * Asks for an outgoing post. Call it inside the transaction that changes the feature's own state,
 * so the post exists exactly when the change does. The same idempotency key twice is a no-op;
 * returns the delivery id, or null when the key was already queued.
 */
export async function enqueueDelivery(q: Queryable, request: DeliveryRequest): Promise<number | null> {
  enqueueCalls += 1;
  return insertDelivery(q, {
    idempotencyKey: request.idempotencyKey,
    kind: request.kind,
    conversationId: request.kind === 'post' ? request.conversationId : null,
    recipientAad: request.kind === 'personal' ? request.recipientAad : null,
    targetKey: request.kind === 'update' ? request.targetKey : null,
    payload: request.payload,
    notBefore: request.notBefore ?? null,
  });
}

/**
 * The card a turn answers a card action with replaces the card in the message the user clicked
 * (`replyToId`). Remembering that message under a key lets later updates (kind 'update' with this
 * key as target) change the card the user is looking at.
 */
export async function rememberAnsweredCard(q: Queryable, key: string, where: { conversationId?: string; replyToId?: string }): Promise<boolean> {
  if (!where.conversationId || !where.replyToId) return false;
  await recordAnsweredCard(q, key, where.conversationId, where.replyToId);
  return true;
}
