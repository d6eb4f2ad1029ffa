import { monitoringDigestCard, type DigestCardData } from '../../cards/monitoring/cards';
import type { AdaptiveCard } from '../../cards/render';
import type { Config } from '../../config';
import { findKind } from '../../config/monitoring-rules';
import { dutchDate, isoDay, parseIsoDay } from '../../lib/dates';
import type { Queryable } from '../db';
import { enqueueDelivery } from '../deliveries/enqueue';

const zoneOf = (config: Config) => config.env.WENDBAAR_TIME_ZONE;

export const digestKey = (regioteam: string, day: string) => `monitoring:digest:${regioteam}:${day}`;

interface DigestRow {
  item_id: number;
  case_reference: string;
  kind: string;
  owner_name: string | null;
  stage: string;
  seq: number;
  due_on: string;
  status: string;
  late: boolean;
}

/** The digest of one regioteam for `today`, or undefined when nothing is due, upcoming or overdue. */
export async function digestData(q: Queryable, config: Config, regioteam: string, today: string): Promise<DigestCardData | undefined> {
  const zone = zoneOf(config);
  const weekEnd = isoDay(parseIsoDay(today, zone).endOf('week').startOf('day'));
  const rows = await q.query<DigestRow>(
    `SELECT i.id AS item_id, i.case_reference, i.kind, p.name AS owner_name, s.stage, s.seq, s.due_on::text AS due_on, s.status, s.late
     FROM monitoring_items i JOIN monitoring_stages s ON s.item_id = i.id
     LEFT JOIN people p ON p.aad_object_id = i.owner_aad
     WHERE i.regioteam = $1 AND i.status = 'open'
       AND ((s.status = 'pending' AND s.due_on <= $3::date) OR (s.status = 'announced' AND s.due_on <= $2::date))
     ORDER BY s.due_on, i.case_reference, s.seq`,
    [regioteam, today, weekEnd],
  );
  // Per item only its latest due stage counts for "today"/"overdue"; upcoming stages are listed apart.
  const latest = new Map<number, DigestRow>();
  const upcoming: DigestRow[] = [];
  for (const row of rows) {
    if (row.due_on > today) upcoming.push(row);
    else if (!latest.has(row.item_id) || latest.get(row.item_id)!.seq < row.seq) latest.set(row.item_id, row);
  }
  const dueToday = [...latest.values()].filter((r) => r.due_on === today && !r.late);
  const overdue = [...latest.values()].filter((r) => r.due_on < today || r.late);
  if (dueToday.length + upcoming.length + overdue.length === 0) return undefined;

  const rules = config.office.monitoringRules;
  const line = (r: DigestRow) => {
    const kind = findKind(rules, r.kind);
    const stage = kind?.stages.find((s) => s.id === r.stage);
    const when = r.due_on === today ? '' : ` (${dutchDate(r.due_on, zone)})`;
    return { text: `${r.case_reference} — ${kind?.label ?? r.kind}: ${stage?.text ?? r.stage}${when}${r.late ? ' · te laat gemeld' : ''}` };
  };
  const grouped = (list: DigestRow[]) => {
    const byOwner = new Map<string, DigestRow[]>();
    for (const r of list) {
      const owner = r.owner_name || 'Onbekende consulent';
      byOwner.set(owner, [...(byOwner.get(owner) ?? []), r]);
    }
    return [...byOwner.entries()].sort(([a], [b]) => a.localeCompare(b, 'nl')).map(([owner, items]) => ({ owner, lines: items.map(line) }));
  };
  const sections: DigestCardData['sections'] = [];
  if (overdue.length) sections.push({ title: `Verlopen (${overdue.length})`, color: 'Attention', groups: grouped(overdue) });
  if (dueToday.length) sections.push({ title: `Vandaag (${dueToday.length})`, color: 'Warning', groups: grouped(dueToday) });
  if (upcoming.length) sections.push({ title: `Later deze week (${upcoming.length})`, color: 'Default', groups: grouped(upcoming) });
  const team = config.office.regioteams.find((t) => t.id === regioteam);
  return {
    teamName: team?.name ?? regioteam,
    dateText: dutchDate(today, zone),
    summaryText: `${dueToday.length} vandaag, ${upcoming.length} later deze week, ${overdue.length} verlopen`,
    sections,
  };
}

/**
 * After an action, today's digest of the item's regioteam (if it was posted) is replaced in place,
 * so the channel sees the item leave the list.
 */
export async function refreshDigest(tx: Queryable, config: Config, regioteam: string, today: string, version: string): Promise<void> {
  const key = digestKey(regioteam, today);
  const posted = await tx.query(`SELECT 1 FROM deliveries WHERE idempotency_key = $1`, [key]);
  if (posted.length === 0) return;
  const team = config.office.regioteams.find((t) => t.id === regioteam);
  const data = (await digestData(tx, config, regioteam, today)) ?? {
    teamName: team?.name ?? regioteam,
    dateText: dutchDate(today, zoneOf(config)),
    summaryText: 'alles is afgehandeld',
    sections: [],
  };
  const card: AdaptiveCard = monitoringDigestCard(data);
  await enqueueDelivery(tx, { kind: 'update', idempotencyKey: `${key}:update:${version}`, targetKey: key, payload: { card, summary: `Monitoring ${data.teamName}` } });
}
