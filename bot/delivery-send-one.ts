import type { CloudAdapter } from 'botbuilder';
import { Postpone } from '../services/deliveries/policy';
import type { ClaimedDelivery } from '../services/deliveries/store';
import type { RateLimiter } from '../services/deliveries/rate-limit';
import { onBehalfLineOfPost, routePersonalDelivery } from '../services/absence/route';
import type { OnBehalfLine } from '../services/absence/types';
import { conversationReference, personalReference, updateTarget } from '../services/deliveries/targets';
import type { AppDeps } from './app-deps';
import { createBotConnector } from './connector';
import { withRenderedCard } from './post-card';

/** What became of one claimed delivery that did not fail. */
export type SendOutcome = { activityId?: string; conversationId: string } | { supersededBy: string };

export interface SendOneOptions {
  sendTimeoutMs: number;
  limiter: RateLimiter;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends one claimed delivery to Teams: resolves the recipient (a personal post for someone who is
 * away goes to their stand-in, marked "namens"), renders its card, waits for the rate limit and
 * calls the connector. Throws what the connector throws; the sender decides what a failure means.
 */
export function createSendOne(deps: AppDeps, adapter: CloudAdapter, options: SendOneOptions) {
  const { db } = deps;
  const connector = createBotConnector(adapter, { appId: deps.config.env.MicrosoftAppId, sendTimeoutMs: options.sendTimeoutMs });
  const routing = { roles: deps.roles, zone: deps.config.env.WENDBAAR_TIME_ZONE };

  /** Waits for a rate-limit token for `key`, unless that would outlive the lease. */
  async function gate(key: string, deadline: number): Promise<void> {
    for (;;) {
      if (Date.now() + options.sendTimeoutMs > deadline) throw new Postpone('lease nearly over', 0);
      const wait = options.limiter.tryTake(key);
      if (wait === 0) return;
      await sleep(Math.min(wait, 250));
    }
  }

  const render = (d: ClaimedDelivery, onBehalfOf?: OnBehalfLine) =>
    withRenderedCard(d.payload, { office: deps.config.office, zone: deps.config.env.WENDBAAR_TIME_ZONE }, onBehalfOf);

  return async function sendOne(d: ClaimedDelivery, deadline: number): Promise<SendOutcome> {
    if (d.kind === 'update') {
      const target = await updateTarget(db, d);
      if ('supersededBy' in target) return target;
      const payload = render(d, await onBehalfLineOfPost(db, d.target_key ?? ''));
      await gate(target.conversationId, deadline);
      await connector.update(target.reference, target.conversationId, target.activityId, payload);
      return { activityId: target.activityId, conversationId: target.conversationId };
    }
    const route = d.kind === 'personal' ? await routePersonalDelivery(db, routing, d, deps.clock.now()) : undefined;
    const payload = render(d, route?.onBehalfOf);
    const reference = route
      ? await personalReference(db, route.recipientAad, async (template, member, tenantId) => {
          await gate(`personal:${route.recipientAad}`, deadline);
          return connector.openPersonalChat(template, member, tenantId);
        }, deps.config.env.MicrosoftAppTenantId)
      : await conversationReference(db, d.conversation_id ?? '');
    const conversationId = reference.conversation?.id ?? d.conversation_id ?? '';
    await gate(conversationId, deadline);
    const { activityId } = await connector.send(reference, conversationId, payload);
    return { activityId, conversationId };
  };
}
