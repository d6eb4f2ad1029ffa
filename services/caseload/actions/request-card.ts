import { ownerResource } from '../../absence/acting';
import type { Queryable } from '../../db';
import { cardSpec } from '../../deliveries/card-spec';
import { enqueueDelivery } from '../../deliveries/enqueue';
import { conflict, notFound } from '../../errors';
import { type ActingContext, type Context, officeZone } from '../../context';
import { channelPostLink } from '../../conversations/post-link';
import { requestCardData, type CaseloadPost } from '../posts';
import { isActive } from '../rules';
import { loadRequest } from '../store/requests';
import type { RequestDetail } from '../types';

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

const channelView = (ctx: Pick<Context, 'config'>, detail: RequestDetail) =>
  cardSpec<CaseloadPost>('caseload.request', requestCardData(detail, ctx.config.office, officeZone(ctx)));

/** Posts the new request's card in the team channel (inside the creating transaction). */
export async function queueRequestPost(q: Queryable, ctx: Pick<Context, 'config'>, detail: RequestDetail, conversationId: string): Promise<void> {
  await enqueueDelivery(q, {
    kind: 'post',
    idempotencyKey: postKey(detail.request.id),
    conversationId,
    payload: { view: channelView(ctx, detail), summary: `Hulpvraag van ${detail.request.requesterName || 'een collega'}` },
  });
}

/**
 * Replaces the channel card with the request's current state. Call after the change, in the same
 * transaction; each version gets its own key, so every change reaches the channel exactly once.
 */
export async function queueRequestUpdate(q: Queryable, ctx: Pick<Context, 'config'>, requestId: number): Promise<RequestDetail> {
  const detail = await requireRequest(q, requestId);
  await enqueueDelivery(q, {
    kind: 'update',
    idempotencyKey: `helprequest:${requestId}:update:${detail.request.version}`,
    targetKey: postKey(requestId),
    payload: { view: channelView(ctx, detail), summary: 'Hulpvraag bijgewerkt' },
  });
  return detail;
}

/**
 * The requester's name when the actor accepts offers for them now (the requester is away and the
 * actor stands in): their view of the card then has Accepteren, marked "namens".
 */
export async function standsInForRequester(ctx: ActingContext, detail: RequestDetail): Promise<string | undefined> {
  const { behalf } = await ownerResource(ctx, ctx.db, detail.request.requesterAad);
  return behalf ? detail.request.requesterName || 'de aanvrager' : undefined;
}
