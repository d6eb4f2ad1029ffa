import type { Config } from '../../config';
import { cardSpec } from '../deliveries/card-spec';
import type { Queryable } from '../db';
import { enqueueDelivery } from '../deliveries/enqueue';
import { notFound } from '../errors';
import { getPerson, peopleInTeam } from '../people/store';
import { refreshDigest } from './digest';
import type { MonitoringPost } from './posts';
import { currentStage } from './rules';
import { bumpVersion, getItem, getStages, postedCardKeys } from './store/items';
import type { ItemSnapshot } from './types';

export const itemGone = () => notFound('Dit monitoringitem bestaat niet meer (mogelijk opgeschoond na de bewaartermijn).');

/** Everything a card about the item shows, read from the database (never from card data). */
export async function itemSnapshot(q: Queryable, itemId: number, today: string): Promise<ItemSnapshot> {
  const item = await getItem(q, itemId);
  if (!item) throw itemGone();
  const owner = await getPerson(q, item.owner_aad);
  const colleagues = (await peopleInTeam(q, item.regioteam))
    .filter((p) => p.aad_object_id !== item.owner_aad && p.name)
    .map((p) => ({ aad: p.aad_object_id, name: p.name }));
  const stages = await getStages(q, itemId);
  return {
    id: item.id,
    kind: item.kind,
    caseReference: item.case_reference,
    anchorDate: item.anchor_date,
    regioteam: item.regioteam,
    status: item.status,
    outcome: item.outcome,
    closedAt: item.closed_at ? new Date(item.closed_at).toISOString() : null,
    meetingRecorded: item.meeting_recorded,
    escalated: !!item.escalated_at,
    ownerName: owner?.name ?? '',
    stages: stages.map((s) => ({ stage: s.stage, dueOn: s.due_on, round: s.round, status: s.status, late: s.late })),
    currentStage: item.status === 'open' ? currentStage(stages)?.stage : undefined,
    colleagues,
    today,
  };
}

/** The card spec of an item's card, as of now. */
export const itemCard = (snapshot: ItemSnapshot) => cardSpec<MonitoringPost>('monitoring.item', snapshot);

/**
 * After a change: bumps the version, replaces every posted card of the item in place and today's
 * digest of its regioteam. Returns the item as it is now.
 */
export async function replacePostedCards(tx: Queryable, config: Config, itemId: number, today: string): Promise<ItemSnapshot> {
  const version = await bumpVersion(tx, itemId);
  const snapshot = await itemSnapshot(tx, itemId, today);
  const view = itemCard(snapshot);
  for (const key of await postedCardKeys(tx, itemId)) {
    await enqueueDelivery(tx, { kind: 'update', idempotencyKey: `${key}:update:${version}`, targetKey: key, payload: { view, summary: 'Monitoring bijgewerkt' } });
  }
  await refreshDigest(tx, config, snapshot.regioteam, today, `${itemId}:${version}`);
  return snapshot;
}
