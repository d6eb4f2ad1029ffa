import { PermanentFailure } from '../services/deliveries/policy';
import { renderCardSpec, type RenderContext } from '../cards/registry';
import type { DeliveryPayload } from '../services/deliveries/enqueue';

/**
 * Services queue a card spec (kind + data); the card is drawn here, when it is sent. A spec that
 * cannot be rendered (unknown kind, data of the wrong shape) will not render on a retry either.
 */
export function withRenderedCard(payload: DeliveryPayload, ctx: RenderContext): DeliveryPayload {
  if (!payload.view) return payload;
  try {
    return { ...payload, card: renderCardSpec(payload.view, ctx) };
  } catch (err) {
    throw new PermanentFailure(`card "${payload.view.kind}" could not be rendered: ${(err as Error).message}`);
  }
}
