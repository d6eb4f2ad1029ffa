import { monitoringItemCard, type ItemCardData } from '../../cards/monitoring/cards';
import type { AdaptiveCard } from '../../cards/render';
import type { Config } from '../../config';
import { findKind, type MonitoringKind } from '../../config/monitoring-rules';
import type { Office } from '../../config/office';
import { audit, auditOfWrite, type AuditOfWrite } from '../audit/store';
import { authorize, type Actor } from '../authz';
import { dutchDate, isoDay, localDay, parseIsoDay, schoolYearOf } from '../../lib/dates';
import type { Queryable } from '../db';
import { enqueueDelivery } from '../deliveries/enqueue';
import { conflict, notFound, validationError } from '../errors';
import { configuredPeople, getPerson, peopleInTeam } from '../people/store';
import { refreshDigest } from './digest';
import { computeStages } from './schedule';

export interface ItemRow {
  id: number;
  kind: string;
  case_reference: string;
  anchor_date: string;
  owner_aad: string;
  regioteam: string;
  status: 'open' | 'closed';
  outcome: string | null;
  meeting_recorded: boolean;
  escalated_at: Date | null;
  school_year: string;
  version: number;
  closed_at: Date | null;
}

export interface StageRow {
  item_id: number;
  stage: string;
  seq: number;
  due_on: string;
  round: number;
  status: 'pending' | 'announced' | 'skipped' | 'cancelled';
  late: boolean;
}

const ITEM_COLUMNS = `id, kind, case_reference, anchor_date::text AS anchor_date, owner_aad, regioteam, status, outcome,
  meeting_recorded, escalated_at, school_year, version, closed_at`;

export const zoneOf = (config: Config) => config.env.WENDBAAR_TIME_ZONE;

export function kindOrThrow(office: Office, id: string): MonitoringKind {
  const kind = findKind(office.monitoringRules, id);
  if (!kind) throw validationError(`Onbekende soort monitoring "${id}". Kies een soort uit de lijst.`);
  return kind;
}

export interface NewItem {
  kind: string;
  caseReference: string;
  /** The rule's anchor date (start or end), YYYY-MM-DD. */
  date: string;
  ownerAad: string;
  regioteam: string;
  createdBy: string;
  source?: 'card' | 'import';
}

/** Dutch refusal for a second preventive talk in the same school year. */
export function oncePerYearMessage(kind: MonitoringKind, caseReference: string, schoolYear: string): string {
  return `Voor casus ${caseReference} is in schooljaar ${schoolYear} al een ${kind.label.toLowerCase()} vastgelegd. ` +
    'De preventieve aanpak is maximaal één keer per leerling per schooljaar (1 augustus – 31 juli); er is niets opgeslagen.';
}

/**
 * Stores an item, the due date of each stage and (when given) its audit entry in one statement, so
 * it is atomic with or without a transaction around it. Refuses an unknown kind or team, an
 * impossible date and a second once-per-school-year item (also when two arrive at once: the
 * unique once_key decides).
 */
export async function createItem(q: Queryable, config: Config, input: NewItem, entry?: AuditOfWrite): Promise<number> {
  const office = config.office;
  const kind = kindOrThrow(office, input.kind);
  if (!office.regioteams.some((t) => t.id === input.regioteam)) throw validationError(`Onbekend regioteam "${input.regioteam}".`);
  let anchor;
  try {
    anchor = parseIsoDay(input.date, zoneOf(config));
  } catch {
    throw validationError(`"${input.date}" is geen geldige datum; gebruik jjjj-mm-dd.`);
  }
  const schoolYear = schoolYearOf(anchor).label;
  const onceKey = kind.oncePerSchoolYear ? `${kind.id}:${input.caseReference.toUpperCase()}:${schoolYear}` : null;
  const stages = computeStages(kind, isoDay(anchor), office, zoneOf(config)).map((s) => ({ stage: s.stage, seq: s.seq, due_on: s.dueOn }));
  const params = [kind.id, input.caseReference, isoDay(anchor), input.ownerAad, input.regioteam, schoolYear, onceKey, input.source ?? 'card', input.createdBy, JSON.stringify(stages)];
  const audited = entry ? auditOfWrite('item', params.length + 1, entry) : undefined;
  const rows = await q.query<{ id: number }>(
    `WITH item AS (
       INSERT INTO monitoring_items (kind, case_reference, anchor_date, owner_aad, regioteam, school_year, once_key, source, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (once_key) DO NOTHING RETURNING id
     ),
     staged AS (
       INSERT INTO monitoring_stages (item_id, stage, seq, due_on)
       SELECT item.id, s.stage, s.seq, s.due_on FROM item, jsonb_to_recordset($10::jsonb) AS s(stage text, seq integer, due_on date)
     )${audited ? `,
     audited AS (${audited.sql})` : ''}
     SELECT id FROM item`,
    [...params, ...(audited?.params ?? [])],
  );
  if (!rows[0]) throw conflict(oncePerYearMessage(kind, input.caseReference, schoolYear));
  return Number(rows[0].id);
}

export async function getItem(q: Queryable, id: number, forUpdate = false): Promise<ItemRow | undefined> {
  const rows = await q.query<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM monitoring_items WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0] ? { ...rows[0], id: Number(rows[0].id) } : undefined;
}

export async function getStages(q: Queryable, itemId: number): Promise<StageRow[]> {
  return q.query<StageRow>(
    `SELECT item_id, stage, seq, due_on::text AS due_on, round, status, late FROM monitoring_stages WHERE item_id = $1 ORDER BY seq`,
    [itemId],
  );
}

/** The stage that asks for action now: the latest announced one, else the next pending one. */
export function currentStage(stages: StageRow[]): StageRow | undefined {
  const announced = stages.filter((s) => s.status === 'announced');
  return announced.at(-1) ?? stages.find((s) => s.status === 'pending');
}

const STATE_TEXT: Record<StageRow['status'], string> = {
  pending: 'gepland',
  announced: 'gemeld',
  skipped: 'niet nodig',
  cancelled: 'vervallen',
};

const OUTCOME_TEXT: Record<string, string> = {
  'hulp-gestart': 'Afgesloten: de hulp is gestart.',
  afgerond: 'Afgerond.',
};

/** Everything the item card shows, read from the database (never from card data). */
export async function itemCardFor(q: Queryable, config: Config, itemId: number, today: string): Promise<AdaptiveCard> {
  const item = await getItem(q, itemId);
  if (!item) throw notFound('Dit monitoringitem bestaat niet meer (mogelijk opgeschoond na de bewaartermijn).');
  const office = config.office;
  const zone = zoneOf(config);
  const kind = findKind(office.monitoringRules, item.kind);
  const stages = await getStages(q, itemId);
  const owner = await getPerson(q, item.owner_aad);
  const team = office.regioteams.find((t) => t.id === item.regioteam);
  const colleagues = (await peopleInTeam(q, item.regioteam))
    .filter((p) => p.aad_object_id !== item.owner_aad && p.name)
    .map((p) => ({ title: p.name, value: p.aad_object_id }));
  const current = item.status === 'open' ? currentStage(stages) : undefined;
  const stageText = (id: string) => kind?.stages.find((s) => s.id === id)?.text ?? id;
  const offered = new Set(item.status === 'open' ? kind?.actions ?? [] : []);
  const overdue = !!current && current.due_on < today;
  const data: ItemCardData = {
    itemId: item.id,
    kindLabel: kind?.label ?? item.kind,
    caseReference: item.case_reference,
    headerStyle: item.status === 'closed' ? 'good' : current?.late || overdue || item.escalated_at ? 'attention' : 'warning',
    statusText:
      item.status === 'closed'
        ? OUTCOME_TEXT[item.outcome ?? ''] ?? 'Afgesloten.'
        : current
          ? `Open · termijn ${current.due_on < today ? 'verlopen op' : 'op'} ${dutchDate(current.due_on, zone)}`
          : 'Open · geen termijnen meer gepland',
    currentText: current ? stageText(current.stage) : '',
    lateNote: current?.late ? `Te laat gemeld: deze termijn viel op ${dutchDate(current.due_on, zone)} terwijl Wendbaar geen herinneringen kon sturen.` : '',
    note: [
      item.meeting_recorded ? 'Het overleg is vastgelegd.' : '',
      item.escalated_at ? 'Geëscaleerd naar de teamleider.' : '',
      current && current.round > 0 ? `Verlengd tot ${dutchDate(current.due_on, zone)}.` : '',
    ].filter(Boolean).join(' '),
    ownerName: owner?.name || 'onbekend',
    teamName: team?.name ?? item.regioteam,
    anchorLabel: kind?.anchorLabel ?? 'Datum',
    anchorDate: dutchDate(item.anchor_date, zone),
    stages: stages.map((s) => ({ due: dutchDate(s.due_on, zone), text: stageText(s.stage), state: s.late ? 'te laat gemeld' : STATE_TEXT[s.status] })),
    actions: {
      hulpGestart: offered.has('hulp-gestart'),
      afgerond: offered.has('afgerond'),
      verlengen: offered.has('verlengen'),
      overdragen: offered.has('overdragen') && colleagues.length > 0,
      escaleren: offered.has('escaleren') && !item.escalated_at,
      overleg: offered.has('overleg-vastgelegd') && !item.meeting_recorded,
    },
    colleagues,
    minDate: isoDay(parseIsoDay(today, zone).plus({ days: 1 })),
  };
  return monitoringItemCard(data);
}

/** The user's own open items with their next deadline, earliest first. */
export async function ownOpenItems(q: Queryable, ownerAad: string) {
  return q.query<{ id: number; kind: string; case_reference: string; stage: string | null; due_on: string | null }>(
    `SELECT i.id, i.kind, i.case_reference, cur.stage, cur.due_on::text AS due_on
     FROM monitoring_items i
     LEFT JOIN LATERAL (
       SELECT s.stage, s.due_on FROM monitoring_stages s WHERE s.item_id = i.id AND s.status IN ('pending', 'announced')
       ORDER BY (s.status = 'announced') DESC, CASE WHEN s.status = 'announced' THEN -s.seq ELSE s.seq END LIMIT 1
     ) cur ON true
     WHERE i.owner_aad = $1 AND i.status = 'open'
     ORDER BY cur.due_on NULLS LAST, i.id LIMIT 50`,
    [ownerAad],
  );
}

export async function recordCard(tx: Queryable, itemId: number, deliveryKey: string): Promise<void> {
  await tx.query(`INSERT INTO monitoring_cards (item_id, delivery_key) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [itemId, deliveryKey]);
}

/** Bumps the version and replaces every posted card of the item in place. */
async function afterChange(tx: Queryable, config: Config, itemId: number, today: string): Promise<AdaptiveCard> {
  const rows = await tx.query<{ version: number }>(`UPDATE monitoring_items SET version = version + 1, updated_at = now() WHERE id = $1 RETURNING version`, [itemId]);
  const version = rows[0]!.version;
  const card = await itemCardFor(tx, config, itemId, today);
  const posted = await tx.query<{ delivery_key: string }>(`SELECT delivery_key FROM monitoring_cards WHERE item_id = $1 ORDER BY delivery_key`, [itemId]);
  for (const { delivery_key } of posted) {
    await enqueueDelivery(tx, { kind: 'update', idempotencyKey: `${delivery_key}:update:${version}`, targetKey: delivery_key, payload: { card, summary: 'Monitoring bijgewerkt' } });
  }
  const [item] = await tx.query<{ regioteam: string }>(`SELECT regioteam FROM monitoring_items WHERE id = $1`, [itemId]);
  if (item) await refreshDigest(tx, config, item.regioteam, today, `${itemId}:${version}`);
  return card;
}

export interface ActionContext {
  config: Config;
  actor: Actor;
  now: Date;
  correlationId?: string;
}

async function openItemFor(tx: Queryable, ctx: ActionContext, itemId: number): Promise<ItemRow> {
  const item = await getItem(tx, itemId, true);
  if (!item) throw notFound('Dit monitoringitem bestaat niet meer (mogelijk opgeschoond na de bewaartermijn).');
  authorize(ctx.actor, 'monitoring.owner', { ownerAad: item.owner_aad, regioteam: item.regioteam });
  if (item.status !== 'open') throw conflict('Dit monitoringitem is al afgesloten; er is niets gewijzigd.');
  return item;
}

const todayOf = (ctx: ActionContext) => isoDay(localDay(ctx.now, zoneOf(ctx.config)));

async function record(tx: Queryable, ctx: ActionContext, action: string, item: ItemRow, details: Record<string, unknown> = {}) {
  await audit(tx, { actor: ctx.actor.aadObjectId, action, subject: `monitoring:${item.id}`, details: { kind: item.kind, ...details }, correlationId: ctx.correlationId });
}

/** "Hulp is gestart — afsluiten" and "Afgerond": closes the item and cancels pending stages. */
export async function closeItem(tx: Queryable, ctx: ActionContext, itemId: number, outcome: 'hulp-gestart' | 'afgerond'): Promise<AdaptiveCard> {
  const item = await openItemFor(tx, ctx, itemId);
  await tx.query(`UPDATE monitoring_items SET status = 'closed', outcome = $2, closed_at = $3 WHERE id = $1`, [itemId, outcome, ctx.now.toISOString()]);
  await tx.query(`UPDATE monitoring_stages SET status = 'cancelled' WHERE item_id = $1 AND status = 'pending'`, [itemId]);
  await record(tx, ctx, `monitoring.${outcome === 'afgerond' ? 'complete' : 'close'}`, item, { outcome });
  return afterChange(tx, ctx.config, itemId, todayOf(ctx));
}

/** "Verlengen": the current deadline moves to a later date (announced again then); reason required. */
export async function extendItem(tx: Queryable, ctx: ActionContext, itemId: number, newDate: string, reason: string): Promise<AdaptiveCard> {
  const item = await openItemFor(tx, ctx, itemId);
  const today = todayOf(ctx);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(newDate) || newDate <= today) throw validationError('Kies een nieuwe datum na vandaag.');
  if (!reason.trim()) throw validationError('Geef een reden voor de verlenging.');
  const current = currentStage(await getStages(tx, itemId));
  if (!current) throw conflict('Er is geen termijn meer om te verlengen.');
  await tx.query(
    `UPDATE monitoring_stages SET due_on = $3, round = round + 1, status = 'pending', late = false, announced_on = NULL WHERE item_id = $1 AND stage = $2`,
    [itemId, current.stage, newDate],
  );
  // Later stages never fall before the extended one.
  await tx.query(`UPDATE monitoring_stages SET due_on = $3 WHERE item_id = $1 AND seq > $2 AND status = 'pending' AND due_on < $3`, [itemId, current.seq, newDate]);
  await record(tx, ctx, 'monitoring.extend', item, { stage: current.stage, from: current.due_on, to: newDate, reason });
  return afterChange(tx, ctx.config, itemId, today);
}

/** "Overdragen aan collega": a colleague of the same regioteam becomes owner and is told personally. */
export async function handOverItem(tx: Queryable, ctx: ActionContext, itemId: number, newOwnerAad: string): Promise<AdaptiveCard> {
  const item = await openItemFor(tx, ctx, itemId);
  const team = await peopleInTeam(tx, item.regioteam);
  if (!team.some((p) => p.aad_object_id === newOwnerAad)) throw validationError('Kies een collega uit hetzelfde regioteam.');
  if (newOwnerAad === item.owner_aad) throw validationError('Deze collega is al eigenaar van het item.');
  await tx.query(`UPDATE monitoring_items SET owner_aad = $2 WHERE id = $1`, [itemId, newOwnerAad]);
  await record(tx, ctx, 'monitoring.handover', item, { from: item.owner_aad, to: newOwnerAad });
  const card = await afterChange(tx, ctx.config, itemId, todayOf(ctx));
  const key = `monitoring:${itemId}:handover:${item.version + 1}`;
  await enqueueDelivery(tx, { kind: 'personal', idempotencyKey: key, recipientAad: newOwnerAad, payload: { card, summary: `${ctx.actor.name} heeft een monitoringitem aan jou overgedragen` } });
  await recordCard(tx, itemId, key);
  return card;
}

/** "Escaleren naar teamleider": the teamleider(s) of the item's regioteam get the card personally. */
export async function escalateItem(tx: Queryable, ctx: ActionContext, itemId: number, teamleiderIds: string[]): Promise<AdaptiveCard> {
  const item = await openItemFor(tx, ctx, itemId);
  if (item.escalated_at) throw conflict('Dit item is al geëscaleerd naar de teamleider.');
  const recipients = (await configuredPeople(tx, teamleiderIds)).filter((p) => p.known).map((p) => p.aad);
  if (recipients.length === 0) throw conflict('Er is (nog) geen teamleider van dit regioteam bij Wendbaar bekend. Vraag de teamleider Wendbaar één keer te openen.');
  await tx.query(`UPDATE monitoring_items SET escalated_at = $2 WHERE id = $1`, [itemId, ctx.now.toISOString()]);
  await record(tx, ctx, 'monitoring.escalate', item, { teamleiders: recipients.length });
  const card = await afterChange(tx, ctx.config, itemId, todayOf(ctx));
  for (const aad of recipients) {
    const key = `monitoring:${itemId}:escalation:${aad}`;
    await enqueueDelivery(tx, { kind: 'personal', idempotencyKey: key, recipientAad: aad, payload: { card, summary: 'Een monitoringtermijn is naar jou geëscaleerd' } });
    await recordCard(tx, itemId, key);
  }
  return card;
}

/** "Overleg vastgelegd" (vrijstelling 5a): the "only if no meeting" reminder is no longer sent. */
export async function recordMeeting(tx: Queryable, ctx: ActionContext, itemId: number): Promise<AdaptiveCard> {
  const item = await openItemFor(tx, ctx, itemId);
  const kind = kindOrThrow(ctx.config.office, item.kind);
  const conditional = kind.stages.filter((s) => s.onlyIf === 'noMeeting').map((s) => s.id);
  await tx.query(`UPDATE monitoring_items SET meeting_recorded = true WHERE id = $1`, [itemId]);
  if (conditional.length) {
    await tx.query(`UPDATE monitoring_stages SET status = 'skipped' WHERE item_id = $1 AND status = 'pending' AND stage = ANY($2::text[])`, [itemId, conditional]);
  }
  await record(tx, ctx, 'monitoring.meeting', item);
  return afterChange(tx, ctx.config, itemId, todayOf(ctx));
}
