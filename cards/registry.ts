import type { Office } from '../config/office';
import type { OnBehalfLine } from '../services/absence/types';
import type { CardSpec } from '../services/deliveries/card-spec';
import { absencePostCards } from './absence/posts';
import { capacityPostCards } from './capacity/posts';
import { caseloadPostCards } from './caseload/posts';
import { mdoPostCards } from './mdo/posts';
import { monitoringPostCards } from './monitoring/posts';
import { statusPostCards } from './status/posts';
import type { AdaptiveCard } from './render';

/** What a card may use besides its data when it is rendered (at send time): the office's configuration. */
export interface RenderContext {
  office: Office;
  /** The office time zone (IANA name). */
  zone: string;
  /** A personal post that reached a stand-in: on whose behalf (the "namens" line goes on top). */
  onBehalfOf?: OnBehalfLine;
}

/** Card builders for every kind of a feature's post union: the compiler checks none is missing. */
export type PostCards<U extends CardSpec> = { [K in U['kind']]: (data: Extract<U, { kind: K }>['data'], ctx: RenderContext) => AdaptiveCard };

/** Every kind of card that services queue as posts, by kind name. */
const builders: Record<string, (data: never, ctx: RenderContext) => AdaptiveCard> = {
  ...mdoPostCards,
  ...caseloadPostCards,
  ...monitoringPostCards,
  ...statusPostCards,
  ...absencePostCards,
  ...capacityPostCards,
};

/** Renders a queued post's card from its spec (at send time, in the delivery sender). */
export function renderCardSpec(spec: CardSpec, ctx: RenderContext): AdaptiveCard {
  const build = Object.prototype.hasOwnProperty.call(builders, spec.kind) ? builders[spec.kind] : undefined;
  if (!build) throw new Error(`unknown card kind "${spec.kind}"`);
  return build(spec.data as never, ctx);
}

/** The kinds the registry knows (tests check every feature's kinds are registered). */
export const registeredCardKinds = (): string[] => Object.keys(builders);
