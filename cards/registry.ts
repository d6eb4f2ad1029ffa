import type { CardSpec } from '../services/deliveries/card-spec';
import { caseloadPostCards } from './caseload/posts';
import { monitoringPostCards } from './monitoring/posts';
import type { AdaptiveCard } from './render';

/** Card builders for every kind of a feature's post union: the compiler checks none is missing. */
export type PostCards<U extends CardSpec> = { [K in U['kind']]: (data: Extract<U, { kind: K }>['data']) => AdaptiveCard };

/** Every kind of card that services queue as posts, by kind name. */
const builders: Record<string, (data: never) => AdaptiveCard> = {
  ...caseloadPostCards,
  ...monitoringPostCards,
};

/** Renders a queued post's card from its spec (at send time, in the delivery sender). */
export function renderCardSpec(spec: CardSpec): AdaptiveCard {
  const build = Object.prototype.hasOwnProperty.call(builders, spec.kind) ? builders[spec.kind] : undefined;
  if (!build) throw new Error(`unknown card kind "${spec.kind}"`);
  return build(spec.data as never);
}

/** The kinds the registry knows (tests check every feature's kinds are registered). */
export const registeredCardKinds = (): string[] => Object.keys(builders);
