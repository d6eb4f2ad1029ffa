import { randomUUID } from 'node:crypto';
import { TurnContext, type Activity } from 'botbuilder';
import { resolveActor } from '../services/authz';
import { getConversation, upsertConversation, type StoredReference } from '../services/conversations/store';
import { ErrorCode, UserFacingError } from '../services/errors';
import { setRegioteam, upsertPerson, type PersonRow } from '../services/people/store';
import { claimActivityAndReadSeen, readSeen, type SeenRow } from '../services/turns/store';
import type { AppDeps } from './app-deps';
import type { TurnConversation, TurnScope } from '../services/context';

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
 * What this process last wrote for a conversation reference / a person, so a turn that would write
 * the same values again skips the write. The database stays the truth: every turn still reads the
 * conversation and person rows (regioteam, active, upn may be changed elsewhere — by another replica
 * too), and a missing or inactive row always takes the write path. An entry is trusted for
 * SEEN_TTL_MS only, so `updated_at` keeps moving and a reference another replica stored meanwhile is
 * overwritten within minutes. Keyed per database, so tests with fresh databases never share it.
 */
const SEEN_TTL_MS = 5 * 60_000;
const SEEN_MAX = 20_000;

class WrittenCache {
  private readonly entries = new Map<string, { value: string; at: number }>();

  matches(key: string, value: string, now: number): boolean {
    const entry = this.entries.get(key);
    return entry !== undefined && entry.value === value && now - entry.at < SEEN_TTL_MS;
  }

  remember(key: string, value: string, now: number): void {
    if (this.entries.size >= SEEN_MAX) this.entries.clear();
    this.entries.set(key, { value, at: now });
  }

  forget(key: string): void {
    this.entries.delete(key);
  }
}

const writtenCaches = new WeakMap<object, WrittenCache>();

function writtenCache(db: object): WrittenCache {
  let cache = writtenCaches.get(db);
  if (!cache) {
    cache = new WrittenCache();
    writtenCaches.set(db, cache);
  }
  return cache;
}

/** Call after writing a conversation row outside createTurnScope (install, channel events). */
export function forgetConversation(db: object, conversationId: string): void {
  writtenCache(db).forget(`c:${conversationId}`);
}

/** Where claimActivity leaves its read for createTurnScope (botbuilder's per-turn state bag). */
const SEEN_STATE = Symbol('wendbaar.seen');

/**
 * Claims the activity id (Teams retries; every id is handled once) and, in the same statement, reads
 * what createTurnScope needs about the person and conversation: most turns then need one database
 * round trip before their handler runs. Returns false when the id was handled before.
 */
export async function claimActivity(deps: AppDeps, context: TurnContext, key: string): Promise<boolean> {
  const activity = context.activity;
  const row = await claimActivityAndReadSeen(deps.db, key, activity.from?.aadObjectId ?? null, describeConversation(activity).id);
  if (row?.name !== null && row?.name !== undefined) context.turnState.set(SEEN_STATE, row);
  return row?.first === true;
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
  const reference = storedReference(activity, conversation.id);
  const conversationKey = `c:${conversation.id}`;
  const conversationValue = `${conversation.kind}|${JSON.stringify(reference)}`;
  const personKey = `p:${aadObjectId}`;
  const personValue = JSON.stringify([activity.from.id ?? null, activity.from.name ?? null]);
  const cache = writtenCache(deps.db);
  const now = Date.now();

  let person: Pick<PersonRow, 'name' | 'upn' | 'regioteam'> | undefined;
  let regioteam: string | null = null;
  if (cache.matches(conversationKey, conversationValue, now) && cache.matches(personKey, personValue, now)) {
    // Nothing to write as far as this process knows: one read (usually done with the claim of the
    // activity), no transaction. A missing person or conversation row gives no row or
    // conversation_known = false, and takes the write path below.
    const prefetched = context.turnState.get(SEEN_STATE) as SeenRow | undefined;
    const seen = prefetched ?? (await readSeen(deps.db, aadObjectId, conversation.id));
    if (seen?.conversation_known && seen.name !== undefined && seen.name !== null && (seen.regioteam || !seen.conversation_regioteam)) {
      person = { name: seen.name, upn: seen.upn ?? null, regioteam: seen.regioteam ?? null };
      regioteam = seen.conversation_regioteam;
    }
  }
  if (!person) {
    const written = await deps.db.transaction(async (tx) => {
      await upsertConversation(tx, { id: conversation.id, kind: conversation.kind, teamId: undefined, reference });
      const row = await getConversation(tx, conversation.id);
      let person = await upsertPerson(tx, { aadObjectId, teamsUserId: activity.from.id, name: activity.from.name });
      // Someone acting in a linked channel works in that regioteam, unless we already know better
      // (a teamleider's regioteam comes from the configuration, not from where they click).
      const leadsATeam = resolveActor({ aadObjectId, name: '', upn: person.upn }, deps.roles).teamleiderOf.length > 0;
      if (!person.regioteam && row?.regioteam && !leadsATeam) {
        await setRegioteam(tx, aadObjectId, row.regioteam);
        person = { ...person, regioteam: row.regioteam };
      }
      return { person, row };
    });
    cache.remember(conversationKey, conversationValue, now);
    cache.remember(personKey, personValue, now);
    person = written.person;
    regioteam = written.row?.regioteam ?? null;
  }
  conversation.regioteam = regioteam ?? undefined;
  const actor = resolveActor(
    { aadObjectId, name: person.name || activity.from.name || '', upn: person.upn, regioteam: person.regioteam },
    deps.roles,
  );
  return {
    db: deps.db,
    clock: deps.clock,
    config: deps.config,
    roles: deps.roles,
    actor,
    conversation,
    activityId: activity.id,
    replyToId: activity.replyToId,
    correlationId,
    log,
  };
}
