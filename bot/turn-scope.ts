import { randomUUID } from 'node:crypto';
import { TurnContext, type Activity } from 'botbuilder';
import { resolveActor } from '../services/authz';
import { getConversation, upsertConversation, type StoredReference } from '../services/conversations';
import { ErrorCode, UserFacingError } from '../services/errors';
import { setRegioteam, upsertPerson } from '../services/people';
import type { AppDeps } from './app-deps';
import type { TurnConversation, TurnScope } from './routes';

/** A channel thread id carries ";messageid=…"; the channel itself is the part before it. */
export const channelConversationId = (id: string) => id.split(';')[0]!;

export function describeConversation(activity: Activity): TurnConversation {
  const channelData = (activity.channelData ?? {}) as { team?: { id?: string; name?: string }; channel?: { id?: string }; tenant?: { id?: string } };
  const type = activity.conversation?.conversationType;
  const kind: TurnConversation['kind'] = type === 'channel' ? 'channel' : type === 'groupChat' ? 'groupChat' : 'personal';
  const id = kind === 'channel' ? channelConversationId(activity.conversation.id) : activity.conversation.id;
  return {
    id,
    kind,
    teamId: channelData.team?.id,
    teamName: channelData.team?.name,
    channelId: channelData.channel?.id ?? (kind === 'channel' ? id : undefined),
    tenantId: channelData.tenant?.id ?? activity.conversation?.tenantId,
  };
}

export function storedReference(activity: Activity, conversationId: string): StoredReference {
  const reference = TurnContext.getConversationReference(activity) as StoredReference;
  // The reference points at the channel, not at the thread the message came from, so that posts
  // start new threads; the activity id is dropped for the same reason.
  return { ...reference, activityId: undefined, conversation: { ...(reference.conversation as object), id: conversationId } } as StoredReference;
}

/**
 * Resolves who is acting (always from the activity, never from card data), remembers the
 * conversation, and gives the handler its logger and correlation id.
 */
export async function createTurnScope(deps: AppDeps, context: TurnContext, verb?: string): Promise<TurnScope> {
  const activity = context.activity;
  const correlationId = randomUUID().slice(0, 8);
  const conversation = describeConversation(activity);
  const log = deps.log.child({ correlationId, activityId: activity.id, conversationId: conversation.id, type: activity.type, verb });
  const aadObjectId = activity.from?.aadObjectId;
  if (!aadObjectId) {
    throw new UserFacingError(ErrorCode.MissingIdentity, 'Ik kan niet vaststellen wie je bent. Gebruik Wendbaar vanuit Microsoft Teams met je werkaccount.');
  }
  const { person, row } = await deps.db.transaction(async (tx) => {
    await upsertConversation(tx, { id: conversation.id, kind: conversation.kind, teamId: undefined, reference: storedReference(activity, conversation.id) });
    const row = await getConversation(tx, conversation.id);
    let person = await upsertPerson(tx, { aadObjectId, teamsUserId: activity.from.id, name: activity.from.name });
    // Someone acting in a linked channel works in that regioteam, unless we already know better.
    if (!person.regioteam && row?.regioteam) {
      await setRegioteam(tx, aadObjectId, row.regioteam);
      person = { ...person, regioteam: row.regioteam };
    }
    return { person, row };
  });
  conversation.regioteam = row?.regioteam ?? undefined;
  const actor = resolveActor(
    { aadObjectId, name: person.name || activity.from.name || '', upn: person.upn, regioteam: person.regioteam },
    deps.roles,
  );
  return { deps, actor, conversation, activityId: activity.id, replyToId: activity.replyToId, correlationId, log };
}
