import { mayActFor } from '../../absence/acting';
import type { Queryable } from '../../db';
import { cardSpec } from '../../deliveries/card-spec';
import { enqueueDelivery } from '../../deliveries/enqueue';
import { conflict, notFound } from '../../errors';
import { type ActingContext, type Context, officeZone } from '../../context';
import { channelPostLink } from '../../conversations/post-link';
import { requestCardData, type CaseloadPost, type RequestCardData } from '../posts';
import { isActive } from '../rules';
import { teamsUserIds } from '../../people/store';
import { loadRequest } from '../store/requests';
import { ownActiveRequests } from '../store/tasks';
import type { RequestActing, RequestDetail } from '../types';
import { requestActing } from './accept-rights';

/** Idempotency key of the channel post; updates of the card target it. */
const postKey = (requestId: number) => `helprequest:${requestId}:post`;

/** A Teams link to the request's card in the channel, for personal messages about it (once it is posted). */
export const requestPostLink = (q: Queryable, requestId: number) => channelPostLink(q, postKey(requestId));

export async function requireRequest(q: Queryable, id: number, lock = false): Promise<RequestDetail> {
  const detail = await loadRequest(q, id, lock);
  if (!detail) throw notFound('Deze hulpvraag bestaat niet (meer).');
  return detail;
}

export function assertActive(detail: RequestDetail): void {
  if (!isActive(detail.request.status)) {
    throw conflict(`Deze hulpvraag is al ${detail.request.status === 'afgerond' ? 'afgerond' : 'ingetrokken'}; er kan niets meer aan veranderen.`);
  }
}

type CardContext = Pick<Context, 'config' | 'clock' | 'roles'>;

/**
 * The request as its card shows it; while the requester has an absence now or ahead, with who may
 * come to act for them (their stand-in, the teamleiders), so Teams gives those a view of their own.
 */
async function cardData(q: Queryable, ctx: CardContext, detail: RequestDetail): Promise<{ data: RequestCardData; mayAct: string[] }> {
  const data = requestCardData(detail, ctx.config.office, officeZone(ctx));
  const mayAct = data.active ? await mayActFor(ctx, q, detail.request.requesterAad) : [];
  const ids = await teamsUserIds(q, mayAct);
  return { data: ids.length ? { ...data, actingTeamsIds: ids } : data, mayAct };
}

const channelView = async (q: Queryable, ctx: CardContext, detail: RequestDetail) => cardSpec<CaseloadPost>('caseload.request', (await cardData(q, ctx, detail)).data);

/**
 * The request card as the actor sees it: the shared data, and what they may do for an absent
 * requester. Teams asks this for every listed viewer whenever the card is shown: when nobody may act
 * for the requester (no absence), what the viewer may do for them is not looked up again.
 */
export async function requestView(ctx: ActingContext, detail: RequestDetail): Promise<{ data: RequestCardData; acting?: RequestActing }> {
  const { data, mayAct } = await cardData(ctx.db, ctx, detail);
  return { data, acting: mayAct.length > 0 ? await requestActing(ctx, detail) : undefined };
}

/** Posts the new request's card in the team channel (inside the creating transaction). */
export async function queueRequestPost(q: Queryable, ctx: CardContext, detail: RequestDetail, conversationId: string): Promise<void> {
  await enqueueDelivery(q, {
    kind: 'post',
    idempotencyKey: postKey(detail.request.id),
    conversationId,
    payload: { view: await channelView(q, ctx, detail), summary: `Hulpvraag van ${detail.request.requesterName || 'een collega'}` },
  });
}

/**
 * Replaces the channel card with the request's current state. Call after the change, in the same
 * transaction; each version gets its own key, so every change reaches the channel exactly once
 * (`key` tells apart a redraw that changes no version).
 */
export async function queueRequestUpdate(q: Queryable, ctx: CardContext, requestId: number, key = 'update'): Promise<RequestDetail> {
  const detail = await requireRequest(q, requestId);
  await enqueueDelivery(q, {
    kind: 'update',
    idempotencyKey: `helprequest:${requestId}:${key}:${detail.request.version}`,
    targetKey: postKey(requestId),
    payload: { view: await channelView(q, ctx, detail), summary: 'Hulpvraag bijgewerkt' },
  });
  return detail;
}

/**
 * The requester's active requests drawn again in the channel: recording their absence changes who
 * gets a view of their own (the stand-in, the teamleiders), while the request itself did not change.
 */
export async function redrawRequestsOf(q: Queryable, ctx: CardContext, requesterAad: string, reason: string): Promise<void> {
  for (const { requestId } of await ownActiveRequests(q, requesterAad, 50)) await queueRequestUpdate(q, ctx, requestId, reason);
}
