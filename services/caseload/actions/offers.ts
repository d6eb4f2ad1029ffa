import { casussen } from '../../../config/caseload-labels';
import { namens } from '../../absence/acting';
import { audit } from '../../audit/store';
import { authorize } from '../../authz';
import { officeZone, type ActingContext } from '../../context';
import { cardSpec } from '../../deliveries/card-spec';
import { enqueueDelivery } from '../../deliveries/enqueue';
import { conflict } from '../../errors';
import { teamName, type CaseloadPost } from '../posts';
import { alreadyAcceptedText } from '../rules';
import { claimCases, markOfferAccepted, offerAccepter, recomputeStatus, releaseOffer, saveOffer } from '../store/requests';
import type { RequestDetail } from '../types';
import { acceptRights, refuseOwnOffer } from './accept-rights';
import { assertActive, queueRequestUpdate, requestPostLink, requireRequest } from './request-card';

/**
 * A colleague of the request's regioteam offers to take `amount` cases; the requester is told.
 * The request row is locked and the open cases are claimed with a conditional UPDATE, so of two
 * colleagues claiming the last one at the same moment exactly one succeeds; the other is told it
 * is already taken.
 */
export async function offerHelp(ctx: ActingContext, requestId: number, amount: number): Promise<RequestDetail> {
  const helperAad = ctx.actor.aadObjectId;
  return ctx.db.transaction(async (tx) => {
    const before = await requireRequest(tx, requestId, true);
    // Help is organised within the regioteam (report, verbetervoorstel 9).
    authorize(ctx.actor, 'caseload.help', { regioteam: before.request.regioteam });
    assertActive(before);
    if (before.request.requesterAad === helperAad) throw conflict('Dit is je eigen hulpvraag; een collega kan hier hulp aanbieden.');
    const own = before.offers.find((o) => o.helperAad === helperAad && o.status !== 'withdrawn');
    if (own) throw conflict(`Je hebt al aangeboden om ${casussen(own.caseCount)} op te pakken. Trek dat aanbod eerst in als je het wilt wijzigen.`);
    if (!(await claimCases(tx, requestId, amount))) {
      const left = before.request.caseCount - before.request.offeredCases;
      throw conflict(
        left <= 0
          ? 'Helaas, deze hulpvraag is al vergeven: een collega was je net voor. Dank je wel dat je wilde helpen!'
          : `Er ${left === 1 ? 'staat nog maar 1 casus' : `staan nog maar ${left} casussen`} open; een collega was je net voor. Kies een kleiner aantal.`,
      );
    }
    await saveOffer(tx, requestId, helperAad, amount, ctx.clock.now());
    await recomputeStatus(tx, requestId);
    const detail = await queueRequestUpdate(tx, ctx, requestId);
    const helperName = ctx.actor.name || 'Een collega';
    const offerId = detail.offers.find((o) => o.helperAad === helperAad && o.status === 'offered')?.id;
    const link = await requestPostLink(tx, requestId);
    await enqueueDelivery(tx, {
      kind: 'personal',
      idempotencyKey: `helprequest:${requestId}:offer:${helperAad}:${detail.request.version}`,
      recipientAad: detail.request.requesterAad,
      payload: {
        view: cardSpec<CaseloadPost>('caseload.offerReceived', {
          helperName: ctx.actor.name, caseCount: amount, requestId, offerId, link, teamName: teamName(ctx.config.office, detail.request.regioteam),
        }),
        summary: `${helperName} biedt hulp aan`,
      },
    });
    await audit(tx, { actor: helperAad, action: 'caseload.offer', subject: `helprequest:${requestId}`, details: { amount }, correlationId: ctx.correlationId });
    return detail;
  });
}

/** The helper withdraws an offer that was not accepted yet; its cases become open again. */
export async function withdrawOffer(ctx: ActingContext, requestId: number): Promise<RequestDetail> {
  return ctx.db.transaction(async (tx) => {
    const before = await requireRequest(tx, requestId, true);
    assertActive(before);
    const own = before.offers.find((o) => o.helperAad === ctx.actor.aadObjectId && o.status === 'offered');
    if (!own) throw conflict('Je hebt geen openstaand aanbod bij deze hulpvraag (meer).');
    await releaseOffer(tx, requestId, own);
    await recomputeStatus(tx, requestId);
    const detail = await queueRequestUpdate(tx, ctx, requestId);
    await audit(tx, { actor: ctx.actor.aadObjectId, action: 'caseload.withdrawOffer', subject: `helprequest:${requestId}`, correlationId: ctx.correlationId });
    return detail;
  });
}

/**
 * The requester accepts an offer, or whoever stands in for them while they are away (audited
 * "namens"); a stand-in's own offer the teamleider or the MT accepts for them. The helper is told
 * who accepted.
 */
export async function acceptOffer(ctx: ActingContext, requestId: number, offerId: number): Promise<RequestDetail> {
  return ctx.db.transaction(async (tx) => {
    const owner = await requireRequest(tx, requestId);
    const rights = await acceptRights(ctx, tx, owner);
    const claimed = owner.offers.find((o) => o.id === offerId);
    if (!rights.mayAccept(claimed)) await refuseOwnOffer(ctx, tx, owner, rights.behalf, claimed);
    authorize(ctx.actor, 'request.accept', rights.resourceOf(claimed));
    // Anyone but the requester accepts for them while they are away: the stand-in, or for the stand-in's own offer the teamleider.
    const behalf = ctx.actor.aadObjectId === owner.request.requesterAad ? undefined : rights.away;
    const before = await requireRequest(tx, requestId, true);
    assertActive(before);
    const offer = before.offers.find((o) => o.id === offerId);
    if (!offer || offer.status === 'withdrawn') throw conflict('Dit aanbod is ingetrokken door je collega.');
    if (offer.status === 'accepted') {
      const by = await offerAccepter(tx, requestId, offer.id);
      throw conflict(alreadyAcceptedText(ctx.actor.aadObjectId, before.request, by, offer.acceptedAt, officeZone(ctx)));
    }
    await markOfferAccepted(tx, offerId, ctx.clock.now());
    await recomputeStatus(tx, requestId);
    const detail = await queueRequestUpdate(tx, ctx, requestId);
    await enqueueDelivery(tx, {
      kind: 'personal',
      idempotencyKey: `helprequest:${requestId}:accepted:${offer.id}`,
      recipientAad: offer.helperAad,
      payload: {
        view: cardSpec<CaseloadPost>('caseload.offerAccepted', {
          requesterName: behalf ? `${ctx.actor.name} namens ${owner.request.requesterName || 'de aanvrager'}` : ctx.actor.name,
          caseCount: offer.caseCount, requestId, link: await requestPostLink(tx, requestId),
        }),
        summary: 'Je hulpaanbod is geaccepteerd',
      },
    });
    await audit(tx, { actor: ctx.actor.aadObjectId, action: 'caseload.accept', subject: `helprequest:${requestId}`, details: { offerId: offer.id, ...namens(behalf) }, correlationId: ctx.correlationId });
    return detail;
  });
}
