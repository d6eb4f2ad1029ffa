import type { Config } from '../../config';
import { digestCountsText } from '../../config/monitoring-labels';
import { isoDay, parseIsoDay } from '../../lib/dates';
import { standInNamesOn, type RoutingSettings } from '../absence/route';
import { cardSpec } from '../deliveries/card-spec';
import type { Queryable } from '../db';
import { enqueueDelivery } from '../deliveries/enqueue';
import type { MonitoringPost } from './posts';
import { digestKey, splitForDigest } from './rules';
import { digestQueued, digestRows, type DigestRow } from './store/figures';
import type { DigestLine, DigestSnapshot } from './types';

/** The digest of one regioteam for `today`; the lists are empty when nothing is due, upcoming or overdue. */
export async function digestSnapshot(q: Queryable, config: Config, regioteam: string, today: string): Promise<DigestSnapshot> {
  const weekEnd = isoDay(parseIsoDay(today, config.env.WENDBAAR_TIME_ZONE).endOf('week').startOf('day'));
  const rows = await digestRows(q, regioteam, today, weekEnd);
  const { overdue, dueToday, upcoming } = splitForDigest(rows, today);
  const standIns = await standInNamesOn(q, settingsOf(config), rows.map((r) => r.owner_aad), today);
  const line = (r: DigestRow): DigestLine => ({
    caseReference: r.case_reference, kind: r.kind, stage: r.stage, dueOn: r.due_on, late: r.late, ownerName: r.owner_name ?? '', ownerTeamsId: r.owner_teams_id ?? undefined,
    ...(standIns.has(r.owner_aad) ? { standInName: standIns.get(r.owner_aad) } : {}),
  });
  return { regioteam, today, overdue: overdue.map(line), dueToday: dueToday.map(line), upcoming: upcoming.map(line) };
}

const settingsOf = (config: Config): RoutingSettings => ({ roles: { teamleiders: config.env.WENDBAAR_TEAMLEIDERS }, zone: config.env.WENDBAAR_TIME_ZONE });

const teamName = (config: Config, regioteam: string) => config.office.regioteams.find((t) => t.id === regioteam)?.name ?? regioteam;

const digestIsEmpty = (d: DigestSnapshot) => d.overdue.length + d.dueToday.length + d.upcoming.length === 0;

/** The digest's one-line counts (also its Teams notification preview). */
const digestCounts = (d: DigestSnapshot) =>
  digestCountsText({ dueToday: d.dueToday.length, upcoming: d.upcoming.length, overdue: d.overdue.length });

/** Queues today's digest of a regioteam in its channel, once; false when there is nothing to post or it was already queued. */
export async function postDigest(q: Queryable, config: Config, regioteam: string, conversationId: string, today: string): Promise<boolean> {
  const digest = await digestSnapshot(q, config, regioteam, today);
  if (digestIsEmpty(digest)) return false;
  const queued = await enqueueDelivery(q, {
    kind: 'post',
    idempotencyKey: digestKey(regioteam, today),
    conversationId,
    payload: { view: cardSpec<MonitoringPost>('monitoring.digest', digest), summary: `Monitoring ${teamName(config, regioteam)}: ${digestCounts(digest)}` },
  });
  return queued !== null;
}

/**
 * After an action, today's digest of the item's regioteam (if it was posted) is replaced in place,
 * so the channel sees the item leave the list.
 */
export async function refreshDigest(tx: Queryable, config: Config, regioteam: string, today: string, version: string): Promise<void> {
  const key = digestKey(regioteam, today);
  if (!(await digestQueued(tx, key))) return;
  const digest = await digestSnapshot(tx, config, regioteam, today);
  const view = cardSpec<MonitoringPost>('monitoring.digest', digest);
  await enqueueDelivery(tx, { kind: 'update', idempotencyKey: `${key}:update:${version}`, targetKey: key, payload: { view, summary: `Monitoring ${teamName(config, regioteam)}` } });
}
