import type { AdaptiveCard } from '../render';

/** Example cards with realistic (invented) data, for the card validity tests and screenshots. */
export const samples: Record<string, AdaptiveCard> = {};
