import { audit } from '../../audit/store';
import { authorize } from '../../authz';
import type { ActingContext } from '../../context';
import { cardSpec } from '../../deliveries/card-spec';
import { enqueueDelivery } from '../../deliveries/enqueue';
import { conflict } from '../../errors';
import type { CaseloadPost } from '../posts';
import { markClosed, withdrawOpenOffers } from '../store/requests';
import type { RequestDetail } from '../types';
import { assertActive, queueRequestUpdate, requireRequest } from './request-card';

/**
 * The requester closes the request: afgerond once help was arranged, ingetrokken at any time.
 * Colleagues whose offers are no longer needed are told.
 */
export async function closeRequest(ctx: ActingContext, requestId: number, outcome: 'afgerond' | 'ingetrokken'): Promise<RequestDetail> {
  return ctx.db.transaction(async (tx) => {
    const before = await requireRequest(tx, requestId);
    authorize(ctx.actor, 'request.owner', { ownerAad: before.request.requesterAad });
    const locked = await requireRequest(tx, requestId, true);
    assertActive(locked);
    if (outcome === 'afgerond' && locked.request.status !== 'toegewezen') {
      throw conflict('Afronden kan pas als je een aanbod hebt geaccepteerd. Wil je de hulpvraag stoppen? Trek hem dan in.');
    }
    await markClosed(tx, requestId, outcome, ctx.clock.now());
    if (outcome === 'ingetrokken') await withdrawOpenOffers(tx, requestId);
    const detail = await queueRequestUpdate(tx, ctx, requestId);
    if (outcome === 'ingetrokken') {
      for (const offer of before.offers.filter((o) => o.status !== 'withdrawn')) {
        await enqueueDelivery(tx, {
          kind: 'personal',
          idempotencyKey: `helprequest:${requestId}:withdrawn:${offer.helperAad}`,
          recipientAad: offer.helperAad,
          payload: { view: cardSpec<CaseloadPost>('caseload.requestWithdrawn', { requesterName: ctx.actor.name, requestId }), summary: 'Hulpvraag ingetrokken' },
        });
      }
    }
    await audit(tx, { actor: ctx.actor.aadObjectId, action: `caseload.${outcome}`, subject: `helprequest:${requestId}`, correlationId: ctx.correlationId });
    return detail;
  });
}

/** The request as the actor may see it (Teams refreshes each user's view of the card); colleagues of its regioteam only. */
export async function requestForViewer(ctx: ActingContext, requestId: number): Promise<RequestDetail> {
  const detail = await requireRequest(ctx.db, requestId);
  authorize(ctx.actor, 'caseload.help', { regioteam: detail.request.regioteam });
  return detail;
}
