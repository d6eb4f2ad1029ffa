import { ownerResource } from '../../absence/acting';
import type { OnBehalfOf } from '../../absence/types';
import { can } from '../../authz';
import type { ActingContext } from '../../context';
import type { Queryable } from '../../db';
import { forbidden } from '../../errors';
import { configuredPeople } from '../../people/store';
import { ownOfferDeciders, ownOfferRefusal } from '../rules';
import type { HelpOffer, RequestActing, RequestDetail } from '../types';

type Offer = Pick<HelpOffer, 'helperAad'> | undefined;

/**
 * Who may accept which offer on a request, as services/authz judges `request.accept`: the
 * requester, whoever stands in for them now (not for an offer of their own), and for that offer
 * the teamleider or the MT. Whether somebody stands in is read once, in services/absence/acting.ts.
 */
export async function acceptRights(ctx: ActingContext, q: Queryable, detail: RequestDetail) {
  const { resource, behalf, away } = await ownerResource(ctx, q, detail.request.requesterAad);
  const resourceOf = (offer: Offer) => ({ ...resource, regioteam: detail.request.regioteam, offerBy: offer?.helperAad });
  return { behalf, away, standInNow: resource.standInNow, resourceOf, mayAccept: (offer: Offer) => can(ctx.actor, 'request.accept', resourceOf(offer)) };
}

/** Who accepts a stand-in's own offer: the request's teamleiders other than the actor, else the MT. */
async function ownOfferDecidersFor(ctx: ActingContext, q: Queryable, regioteam: string) {
  const leaders = await configuredPeople(q, ctx.roles.teamleiders[regioteam] ?? []);
  return ownOfferDeciders(leaders.filter((p) => p.known && p.aad !== ctx.actor.aadObjectId).map((p) => p.name));
}

/** A stand-in accepting their own offer is refused (authz says no) in words for them: who can instead. */
export async function refuseOwnOffer(ctx: ActingContext, q: Queryable, detail: RequestDetail, behalf: OnBehalfOf | undefined, offer: Offer): Promise<void> {
  if (!behalf || offer?.helperAad !== ctx.actor.aadObjectId) return;
  const who = await ownOfferDecidersFor(ctx, q, detail.request.regioteam);
  throw forbidden(ownOfferRefusal(detail.request.requesterName || 'de aanvrager', who.ask, behalf.via === 'teamleider'));
}

/** What the viewer of the request card may do for its absent requester, if anything. */
export async function requestActing(ctx: ActingContext, detail: RequestDetail): Promise<RequestActing | undefined> {
  if (ctx.actor.aadObjectId === detail.request.requesterAad) return undefined;
  const rights = await acceptRights(ctx, ctx.db, detail);
  if (!rights.away) return undefined;
  const ownerName = detail.request.requesterName || 'de aanvrager';
  const offered = detail.offers.filter((o) => o.status === 'offered');
  const mayAccept = offered.filter((o) => rights.mayAccept(o)).map((o) => o.id);
  if (rights.behalf) {
    const ownOpen = offered.some((o) => o.helperAad === ctx.actor.aadObjectId);
    return { ownerName, role: 'standIn', mayAccept, ...(ownOpen ? { other: (await ownOfferDecidersFor(ctx, ctx.db, detail.request.regioteam)).short } : {}) };
  }
  if (mayAccept.length === 0) return undefined;
  const standIn = detail.offers.find((o) => o.helperAad === rights.standInNow)?.helperName || 'de vervanger';
  return { ownerName, role: ctx.actor.teamleiderOf.includes(detail.request.regioteam) ? 'teamleider' : 'mt', mayAccept, other: standIn };
}
