import type { AdaptiveCard } from './render';

/**
 * Teams @mentions in an Adaptive Card: the text "<at>Name</at>" in a TextBlock and a matching
 * msteams.entities entry with the person's Teams user id. A mention reaches the person's activity
 * feed even when they do not follow the channel; use it only where that person must act.
 */
export interface Mention {
  type: 'mention';
  text: string;
  mentioned: { id: string; name: string };
}

export const mentionOf = (name: string, teamsUserId: string): Mention => ({ type: 'mention', text: `<at>${name}</at>`, mentioned: { id: teamsUserId, name } });

/** The card with these mentions (each person once); the card unchanged when there are none. */
export function withMentions(card: AdaptiveCard, mentions: Mention[]): AdaptiveCard {
  const unique = [...new Map(mentions.map((m) => [m.mentioned.id, m])).values()];
  if (unique.length === 0) return card;
  const msteams = (card.msteams ?? {}) as Record<string, unknown>;
  return { ...card, msteams: { ...msteams, entities: unique } };
}
