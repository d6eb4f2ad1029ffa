import { helpRequestCard } from '../../cards/caseload/request';
import type { Office } from '../../config/office';
import type { Queryable } from '../db';
import { enqueueDelivery } from '../deliveries/enqueue';
import { requireRequest } from './requests';
import { postKey, type RequestDetail } from './types';

export const teamName = (office: Pick<Office, 'regioteams'>, regioteam: string) =>
  office.regioteams.find((t) => t.id === regioteam)?.name ?? regioteam;

/** Posts the new request's card in the team channel (inside the creating transaction). */
export async function postRequestCard(q: Queryable, detail: RequestDetail, conversationId: string, office: Office, zone: string): Promise<void> {
  const card = helpRequestCard(detail, { teamName: teamName(office, detail.request.regioteam), zone });
  await enqueueDelivery(q, {
    kind: 'post',
    idempotencyKey: postKey(detail.request.id),
    conversationId,
    payload: { card, summary: `Hulpvraag van ${detail.request.requesterName || 'een collega'}` },
  });
}

/**
 * Replaces the channel card with the request's current state. Call after the change, in the same
 * transaction; each version gets its own key, so every change reaches the channel exactly once.
 */
export async function updateRequestCard(q: Queryable, requestId: number, office: Office, zone: string): Promise<RequestDetail> {
  const detail = await requireRequest(q, requestId);
  const card = helpRequestCard(detail, { teamName: teamName(office, detail.request.regioteam), zone });
  await enqueueDelivery(q, {
    kind: 'update',
    idempotencyKey: `helprequest:${requestId}:update:${detail.request.version}`,
    targetKey: postKey(requestId),
    payload: { card, summary: 'Hulpvraag bijgewerkt' },
  });
  return detail;
}
