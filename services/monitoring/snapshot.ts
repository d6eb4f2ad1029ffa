import type { Config } from '../../config';
import { findKind } from '../../config/monitoring-rules';
import { cardSpec } from '../deliveries/card-spec';
import type { Queryable } from '../db';
import { enqueueDelivery } from '../deliveries/enqueue';
import { notFound } from '../errors';
import { getPerson, peopleInTeam } from '../people/store';
import { refreshDigest } from './digest';
import type { MonitoringPost } from './posts';
import { currentStage } from './rules';
import { bumpVersion, getItem, getStages, postedCardKeys } from './store/items';
import type { ItemSnapshot, StageSnapshot } from './types';

export const itemGone = () => notFound('Dit monitoringitem bestaat niet meer (mogelijk opgeschoond na de bewaartermijn).');

/** Everything a card about the item shows, read from the database (never from card data). */
export async function itemSnapshot(q: Queryable, config: Config, itemId: number, today: string): Promise<ItemSnapshot> {
  const item = await getItem(q, itemId);
  if (!item) throw itemGone();
  const office = config.office;
  const kind = findKind(office.monitoringRules, item.kind);
  const owner = await getPerson(q, item.owner_aad);
  const colleagues = (await peopleInTeam(q, item.regioteam))
    .filter((p) => p.aad_object_id !== item.owner_aad && p.name)
    .map((p) => ({ aad: p.aad_object_id, name: p.name }));
  const stages: StageSnapshot[] = (await getStages(q, itemId)).map((s) => ({
    stage: s.stage,
    text: kind?.stages.find((k) => k.id === s.stage)?.text ?? s.stage,
    dueOn: s.due_on,
    round: s.round,
    status: s.status,
    late: s.late,
  }));
  return {
    id: item.id,
    kindLabel: kind?.label ?? item.kind,
    anchorLabel: kind?.anchorLabel,
    caseReference: item.case_reference,
    anchorDate: item.anchor_date,
    status: item.status,
    outcome: item.outcome,
    meetingRecorded: item.meeting_recorded,
    escalated: !!item.escalated_at,
    ownerName: owner?.name ?? '',
    teamName: office.regioteams.find((t) => t.id === item.regioteam)?.name ?? item.regioteam,
    stages,
    current: item.status === 'open' ? currentStage(stages) : undefined,
    offered: item.status === 'open' ? kind?.actions ?? [] : [],
    colleagues,
    today,
    zone: config.env.WENDBAAR_TIME_ZONE,
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
  const snapshot = await itemSnapshot(tx, config, itemId, today);
  const view = itemCard(snapshot);
  for (const key of await postedCardKeys(tx, itemId)) {
    await enqueueDelivery(tx, { kind: 'update', idempotencyKey: `${key}:update:${version}`, targetKey: key, payload: { view, summary: 'Monitoring bijgewerkt' } });
  }
  const item = await getItem(tx, itemId);
  if (item) await refreshDigest(tx, config, item.regioteam, today, `${itemId}:${version}`);
  return snapshot;
}
