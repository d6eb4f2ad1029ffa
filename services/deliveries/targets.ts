/**
 * Where a claimed delivery goes: the stored conversation of a post, the personal chat of a
 * recipient (opened when needed), or the sent post an update replaces. Storage only; the chat is
 * opened through the function the sender passes in.
 */
import { getConversation, latestActiveReference, markConversationInactive, recordTeamRemoved, upsertConversation, type StoredReference } from '../conversations/store';
import type { Queryable } from '../db';
import { getPerson, setPersonalConversation } from '../people/store';
import { PermanentFailure, Postpone } from './policy';
import { findSentPost, newerUpdate, type ClaimedDelivery } from './store';

/** Opens the 1:1 chat with `member` through the service `template` was reached on. */
export type OpenPersonalChat = (template: StoredReference, member: { id: string; name?: string | null }, tenantId: string | undefined) => Promise<StoredReference>;

/** The stored reference of an active conversation. */
export async function conversationReference(q: Queryable, conversationId: string): Promise<StoredReference> {
  const row = await getConversation(q, conversationId);
  if (!row) throw new PermanentFailure(`unknown conversation ${conversationId}`);
  if (!row.active) throw new PermanentFailure(`conversation ${conversationId} is inactive (bot removed or channel deleted)`);
  return row.reference;
}

/** The personal chat with a person the bot knows; opened (and remembered) when there is none yet. */
export async function personalReference(q: Queryable, aad: string, open: OpenPersonalChat, defaultTenantId?: string): Promise<StoredReference> {
  const person = await getPerson(q, aad);
  if (!person) throw new PermanentFailure('recipient unknown to the bot');
  if (person.personal_conversation_id) {
    const row = await getConversation(q, person.personal_conversation_id);
    if (row?.active) return row.reference;
  }
  if (!person.teams_user_id) throw new PermanentFailure('recipient has no Teams user id yet');
  const template = await latestActiveReference(q);
  if (!template?.serviceUrl) throw new PermanentFailure('no known service url to open a personal chat');
  const tenantId = (template.conversation as { tenantId?: string } | undefined)?.tenantId ?? defaultTenantId;
  const created = await open(template, { id: person.teams_user_id, name: person.name }, tenantId);
  const conversationId = created.conversation!.id;
  await upsertConversation(q, { id: conversationId, kind: 'personal', reference: created });
  await setPersonalConversation(q, aad, conversationId);
  return created;
}

export type UpdateTarget = { supersededBy: string } | { reference: StoredReference; conversationId: string; activityId: string };

/** The sent post an update replaces, or the newer update that makes this one needless. */
export async function updateTarget(q: Queryable, d: ClaimedDelivery): Promise<UpdateTarget> {
  const targetKey = d.target_key ?? '';
  const newer = await newerUpdate(q, d.id, targetKey);
  if (newer) return { supersededBy: newer };
  const target = await findSentPost(q, targetKey);
  if (!target) throw new PermanentFailure(`update target ${targetKey} does not exist`);
  if (target.status === 'failed' || target.status === 'dead') throw new PermanentFailure(`update target ${targetKey} was never delivered (${target.status})`);
  if (target.status !== 'sent' || !target.sent_activity_id || !target.conversation_id) throw new Postpone('target post not sent yet', 1000);
  return { reference: await conversationReference(q, target.conversation_id), conversationId: target.conversation_id, activityId: target.sent_activity_id };
}

/** After Teams answered 403 or 404: the team installation or the conversation is no longer usable. */
export async function markTargetGone(q: Queryable, d: ClaimedDelivery, status: number | undefined, reason: string): Promise<void> {
  const conversationId = d.conversation_id ?? (d.kind === 'update' ? (await findSentPost(q, d.target_key ?? ''))?.conversation_id : undefined);
  if (!conversationId) return;
  const row = await getConversation(q, conversationId);
  // 403: the bot may no longer post in that team at all; 404: this channel or chat is gone.
  if (status === 403 && row?.team_id) await recordTeamRemoved(q, row.team_id, reason);
  else await markConversationInactive(q, conversationId, reason);
}
