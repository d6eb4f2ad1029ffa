import type { Activity } from 'botbuilder';

/**
 * Reading what arrives from Teams without trusting it: which activities are refused before any
 * state is touched, the command text without the bot's @mention, and the ids a card action names.
 */

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

const optionalString = (value: unknown) => value === undefined || value === null || typeof value === 'string';

/** Far deeper than anything Teams sends (channelData, entities, card data are a few levels deep). */
const MAX_DEPTH = 32;
/** NUL and unpaired surrogates: PostgreSQL cannot store them, and Teams never sends them. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const unstorable = (text: string) => text.includes('\u0000') || LONE_SURROGATE.test(text);

/** Walks the activity without recursion (a forged one may be nested thousands of levels deep). */
function isStorable(activity: unknown): boolean {
  const stack: Array<[unknown, number]> = [[activity, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value === 'string') {
      if (unstorable(value)) return false;
    } else if (isObject(value)) {
      if (depth >= MAX_DEPTH) return false;
      for (const [key, child] of Object.entries(value)) {
        if (unstorable(key)) return false;
        stack.push([child, depth + 1]);
      }
    }
  }
  return true;
}

/**
 * Teams always sends these fields with these types; an activity that does not (a forged or broken
 * request) is refused before any state is touched, instead of failing half-way through the turn.
 */
export function isWellFormed(activity: Activity): boolean {
  return (
    isStorable(activity) &&
    typeof activity.conversation?.id === 'string' &&
    activity.conversation.id.length > 0 &&
    typeof activity.from === 'object' &&
    activity.from !== null &&
    optionalString(activity.from.id) &&
    optionalString(activity.from.aadObjectId) &&
    optionalString(activity.from.name) &&
    typeof activity.channelId === 'string' &&
    typeof activity.serviceUrl === 'string' &&
    [activity.id, activity.text, activity.locale, activity.replyToId, activity.name].every(optionalString)
  );
}

/**
 * The command a user typed, without the @mention that addresses the bot and without other markup.
 * botbuilder's TurnContext.removeRecipientMention trusts `entities` and `recipient` and throws on
 * anything else, so this reads them defensively: the bot's mention is taken from a well-formed
 * mention entity; when there is none (entities missing or garbage), leading `<at>…</at>` elements
 * are dropped, as that is where Teams puts the bot's mention in a channel. The user gets the answer
 * to what they typed instead of an error.
 */
export function commandText(activity: Partial<Activity>): string {
  let text = typeof activity.text === 'string' ? activity.text : '';
  const botId = isObject(activity.recipient) ? activity.recipient.id : undefined;
  const entities: unknown[] = Array.isArray(activity.entities) ? activity.entities : [];
  const botMentions = entities.flatMap((entity) =>
    isObject(entity) &&
    typeof entity.type === 'string' &&
    entity.type.toLowerCase() === 'mention' &&
    isObject(entity.mentioned) &&
    typeof botId === 'string' &&
    entity.mentioned.id === botId &&
    typeof entity.text === 'string' &&
    entity.text.length > 0
      ? [entity.text]
      : [],
  );
  const mention = botMentions.find((m) => text.includes(m));
  if (mention !== undefined) text = text.replace(mention, '');
  else text = text.replace(/^(\s*<at>[^<]*<\/at>)+/i, '');
  return text.replace(/<[^>]+>/g, ' ');
}

/** Card data fields that name what an action is about; a refusal's audit entry records them. */
const TARGET_FIELDS = ['changeId', 'announcementId', 'requestId', 'offerId', 'itemId', 'id', 'absenceId', 'person'] as const;

/** The ids a card action claims to act on (short strings and whole numbers only). */
export function attemptedIds(data: unknown): Record<string, string | number> {
  const ids: Record<string, string | number> = {};
  if (!isObject(data)) return ids;
  for (const field of TARGET_FIELDS) {
    const value = data[field];
    if (typeof value === 'number' && Number.isSafeInteger(value)) ids[field] = value;
    else if (typeof value === 'string' && /^[\w-]{1,40}$/.test(value)) ids[field] = value;
  }
  return ids;
}
