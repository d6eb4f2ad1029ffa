import { PermanentFailure } from '../services/deliveries/policy';
import { onBehalfText, withOnBehalfLine } from '../cards/absence/on-behalf';
import { renderCardSpec, type RenderContext } from '../cards/registry';
import type { AdaptiveCard } from '../cards/render';
import type { OnBehalfLine } from '../services/absence/types';
import type { DeliveryPayload } from '../services/deliveries/enqueue';

/**
 * Services queue a card spec (kind + data); the card is drawn here, when it is sent. A spec that
 * cannot be rendered (unknown kind, data of the wrong shape) will not render on a retry either.
 * A post that reached a stand-in gets the "namens" line on top.
 */
export function withRenderedCard(payload: DeliveryPayload, ctx: RenderContext, onBehalfOf?: OnBehalfLine): DeliveryPayload {
  if (!payload.view) return onBehalfOf ? markedWithoutSpec(payload, onBehalfOf, ctx) : payload;
  try {
    const card = renderCardSpec(payload.view, { ...ctx, onBehalfOf });
    return { ...payload, card: onBehalfOf ? withOnBehalfLine(card, onBehalfOf, ctx) : card };
  } catch (err) {
    throw new PermanentFailure(`card "${payload.view.kind}" could not be rendered: ${(err as Error).message}`);
  }
}

/** A post queued as a finished card or as text still says on whose behalf it came. */
function markedWithoutSpec(payload: DeliveryPayload, onBehalfOf: OnBehalfLine, ctx: RenderContext): DeliveryPayload {
  if (payload.card) return { ...payload, card: withOnBehalfLine(payload.card as AdaptiveCard, onBehalfOf, ctx) };
  return { ...payload, text: `**Namens ${onBehalfOf.ownerName}** (${onBehalfText(onBehalfOf, ctx)})\n\n${payload.text ?? ''}` };
}
